#!/usr/bin/python3
"""run_code.py - every code block printed in the corpus runs.

Finds each fenced code block (``` or ~~~) in the rich-text fields of every
question (why, answer, tip) and runs it against its fixture in
FIXTURES/QUESTION-ID/, numbered N = 1, 2, ... in the order the blocks appear
in the question (fields in the order why, answer, tip):

  sql     setup.sql (schema and rows, SQLite) is loaded into an in-memory
          database, then the block runs with the sqlite3 shell
          (-header, list mode, '|' between columns, NULL printed as NULL);
          its output must equal N.expected.
  python  the block, then N.check.py (asserts; may be absent only when
          N.expected is present), run by /usr/bin/python3 in a scratch
          directory; exit status 0, and stdout equal to N.expected when
          that file exists.

Any other info string, a block without a fixture, or a fixture without a
block fails. Usage: run_code.py [--corpus DIR] [--fixtures DIR] [-v]
"""
import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile

import yaml

FIELDS = ("why", "answer", "tip")
FENCE = re.compile(r"^( {0,3}|\s*)(`{3,}|~{3,})\s*([^`\s]*)[^`]*$")


def blocks_of(text):
    """Yield (info, code) for each fenced block of a CommonMark text."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, fence, info = len(m.group(1)), m.group(2), m.group(3)
        body = []
        i += 1
        while i < len(lines):
            s = lines[i]
            st = s.lstrip(" ")
            if st.startswith(fence[0] * len(fence)) and \
                    st.strip(fence[0] + " ") == "":
                break
            body.append(s[indent:] if s[:indent].strip() == "" else s.lstrip())
            i += 1
        i += 1
        yield info.lower(), "\n".join(body) + "\n"


def questions(corpus):
    files = sorted(glob.glob(os.path.join(corpus, "**", "*.y*ml"),
                             recursive=True))
    for f in files:
        with open(f, encoding="utf-8-sig") as fh:
            doc = yaml.safe_load(fh) or {}
        for q in doc.get("questions") or []:
            yield f, q


def run(cmd, cwd, stdin=None):
    return subprocess.run(cmd, cwd=cwd, input=stdin, capture_output=True,
                          text=True, timeout=300)


def read(path):
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def check_sql(fx, n, code, tmp):
    setup = os.path.join(fx, "setup.sql")
    exp = os.path.join(fx, "%d.expected" % n)
    if not os.path.exists(setup) or not os.path.exists(exp):
        return "needs setup.sql and %d.expected" % n
    script = ".bail on\n.headers on\n.mode list\n.nullvalue NULL\n" + \
        read(setup) + "\n" + code
    r = run(["sqlite3", "-batch", ":memory:"], tmp, script)
    if r.returncode != 0 or r.stderr:
        return "sqlite3 failed: " + (r.stderr or r.stdout).strip()[:2000]
    if r.stdout != read(exp):
        return "output differs from %d.expected:\n%s" % (n, r.stdout[:2000])
    return None


def check_python(fx, n, code, tmp):
    chk = os.path.join(fx, "%d.check.py" % n)
    exp = os.path.join(fx, "%d.expected" % n)
    if not os.path.exists(chk) and not os.path.exists(exp):
        return "needs %d.check.py or %d.expected" % (n, n)
    src = code + "\n\n" + (read(chk) if os.path.exists(chk) else "")
    path = os.path.join(tmp, "block.py")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(src)
    env = dict(os.environ, PYTHONHASHSEED="0", OMP_NUM_THREADS="1")
    r = subprocess.run(["/usr/bin/python3", path], cwd=tmp, env=env,
                       capture_output=True, text=True, timeout=300)
    if r.returncode != 0:
        return "python failed:\n" + (r.stderr or r.stdout)[-3000:]
    if os.path.exists(exp) and r.stdout != read(exp):
        return "stdout differs from %d.expected:\n%s" % (n, r.stdout[:2000])
    return None


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=os.path.join(root, "content"))
    ap.add_argument("--fixtures", default=os.path.join(here, "code"))
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    bad = 0
    used = set()
    total = 0
    for f, q in questions(a.corpus):
        qid = q.get("id", "?")
        n = 0
        for field in FIELDS:
            text = q.get(field)
            if not isinstance(text, str):
                continue
            for info, code in blocks_of(text):
                n += 1
                total += 1
                fx = os.path.join(a.fixtures, qid)
                used.add(qid)
                with tempfile.TemporaryDirectory() as tmp:
                    if info == "sql":
                        err = check_sql(fx, n, code, tmp)
                    elif info == "python":
                        err = check_python(fx, n, code, tmp)
                    else:
                        err = "info string '%s': only sql and python " \
                              "blocks can be run" % info
                if err:
                    bad += 1
                    print("%s: %s: block %d (%s): %s" % (f, qid, n, info, err))
                elif a.v:
                    print("ok %s block %d (%s)" % (qid, n, info))
    if os.path.isdir(a.fixtures):
        for d in sorted(os.listdir(a.fixtures)):
            if d not in used:
                bad += 1
                print("fixture %s: no question with a code block has this id"
                      % d)
    print("run_code: %d blocks, %d failed" % (total, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
