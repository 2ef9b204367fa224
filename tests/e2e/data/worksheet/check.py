#!/usr/bin/env python3
"""Checks for the worksheet end-to-end tests (reads PDFs with pdftotext).

  check.py leak CONTENT_DIR CANDIDATE.pdf INTERVIEWER.pdf
      no key point, rubric line, follow-up, why, tip or answer sentence of
      any question appears in the candidate edition; every key point and
      rubric line does appear in the interviewer edition (so the
      comparison itself is sound)
  check.py order ID,ID,... FILE.pdf...
      each PDF shows "ref ID" for these ids, in this order, and no others
  check.py limits CONTENT MANIFEST minutes=N|mix=CAT:N,...|exclude=OLD
      every row's questions fill exactly N minutes (pick an N the
      pool can fill), or hold exactly N of each category, or share no
      question with the same candidate's row of the OLD manifest
  check.py manifest DIR [MANIFEST]
      every manifest row has its packets; each packet lists that row's
      questions in order and carries its variant code on every page
"""
import csv
import glob
import os
import re
import subprocess
import sys

import yaml


def text(pdf):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"],
                          check=True, capture_output=True,
                          text=True).stdout


def norm(s):
    return re.sub(r"[^0-9a-z]", "", s.lower())


def questions(content):
    for path in sorted(glob.glob(os.path.join(content, "**", "*.yaml"),
                                 recursive=True)):
        with open(path, encoding="utf-8") as f:
            for doc in yaml.safe_load_all(f):
                if isinstance(doc, dict):
                    defaults = doc.get("defaults") or {}
                    for q in doc.get("questions") or []:
                        for k, v in defaults.items():
                            q.setdefault(k, v)
                        yield q


def sentences(rich):
    if not rich:
        return []
    plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", rich)
    parts = re.split(r"(?<=[.!?:])\s+|\n", plain)
    return [p for p in parts if len(norm(p)) >= 30]


def leak(content, cand_pdf, int_pdf):
    cand, intv = norm(text(cand_pdf)), norm(text(int_pdf))
    bad, missing, checked, n = [], [], 0, 0
    for q in questions(content):
        n += 1
        rub = q.get("rubric") or {}
        must = list(q.get("key_points") or []) + list(rub.get("strong") or []) \
            + list(rub.get("red_flags") or []) + list(q.get("follow_ups") or [])
        secret = list(must)
        for field in ("why", "tip", "answer"):
            secret += sentences(q.get(field))
        for s in secret:
            checked += 1
            if norm(s) and norm(s) in cand:
                bad.append((q["id"], s))
        for s in must:
            if norm(s) not in intv:
                missing.append((q["id"], s))
        if norm("ref" + q["id"]) not in cand:
            missing.append((q["id"], "(question missing from candidate)"))
    for qid, s in bad:
        print(f"LEAK in candidate edition: {qid}: {s}", file=sys.stderr)
    for qid, s in missing:
        print(f"missing from an edition: {qid}: {s}", file=sys.stderr)
    print(f"leak check: {n} questions, {checked} interviewer-only texts")
    return 1 if bad or missing or n == 0 else 0


def order(ids, pdfs):
    want = [norm("ref" + i) for i in ids]
    rc = 0
    for pdf in pdfs:
        t = norm(text(pdf))
        pos = 0
        for w in want:
            k = t.find(w, pos)
            if k < 0:
                print(f"{pdf}: {w} missing or out of order", file=sys.stderr)
                rc = 1
                break
            pos = k + len(w)
        if t.count("ref") < len(want):
            rc = 1
        got = len(re.findall(r"\bref\s+[a-z0-9]", text(pdf)))
        if got != len(want):
            print(f"{pdf}: {got} questions, want {len(want)}", file=sys.stderr)
            rc = 1
    return rc


def manifest(out_dir, path=None):
    path = path or os.path.join(out_dir, "manifest.csv")
    rc = 0
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    texts = {pdf: text(pdf)
             for pdf in glob.glob(os.path.join(out_dir, "*-candidate.pdf"))}
    for r in rows:
        ids = r["questions"].split()
        found = 0
        for pdf, t in texts.items():
            if f"Variant {r['variant']}" not in t:
                continue
            found += 1
            ipdf = pdf.replace("-candidate.pdf", "-interviewer.pdf")
            if order(ids, [pdf, ipdf]):
                rc = 1
            for p in (pdf, ipdf):
                pages = [pg for pg in text(p).split("\f") if pg.strip()]
                if not all(f"Variant {r['variant']}" in pg for pg in pages):
                    print(f"{p}: a page lacks the variant", file=sys.stderr)
                    rc = 1
            if norm(r["candidate"]) not in norm(t):
                print(f"{pdf}: name {r['candidate']} missing", file=sys.stderr)
                rc = 1
        if found != 1:
            print(f"row {r['row']}: {found} packets with variant "
                  f"{r['variant']}", file=sys.stderr)
            rc = 1
    print(f"manifest: {len(rows)} rows checked")
    return rc


def limits(content, path, spec):
    qs = {q["id"]: q for q in questions(content)}
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    kind, _, arg = spec.partition("=")
    rc = 0
    old = {}
    if kind == "exclude":
        with open(arg, newline="", encoding="utf-8") as f:
            old = {r["id"] or r["candidate"]: set(r["questions"].split())
                   for r in csv.DictReader(f)}
    for r in rows:
        ids = r["questions"].split()
        if kind == "minutes":
            total = sum(qs[i].get("minutes") or 5 for i in ids)
            if total != int(arg):
                print(f"row {r['row']}: {total} minutes for {arg}",
                      file=sys.stderr)
                rc = 1
        elif kind == "mix":
            want = dict((k, int(v)) for k, v in
                        (p.split(":") for p in arg.split(",")))
            got = {}
            for i in ids:
                cat = qs[i].get("category")
                got[cat] = got.get(cat, 0) + 1
            if got != want:
                print(f"row {r['row']}: {got}, want {want}", file=sys.stderr)
                rc = 1
        elif kind == "exclude":
            seen = old.get(r["id"] or r["candidate"], set())
            if seen & set(ids) or not seen:
                print(f"row {r['row']}: repeats {seen & set(ids)}",
                      file=sys.stderr)
                rc = 1
    print(f"limits {spec}: {len(rows)} rows checked")
    return rc


def main():
    cmd = sys.argv[1]
    if cmd == "leak":
        return leak(*sys.argv[2:5])
    if cmd == "order":
        return order(sys.argv[2].split(","), sys.argv[3:])
    if cmd == "limits":
        return limits(*sys.argv[2:5])
    if cmd == "manifest":
        return manifest(*sys.argv[2:])
    return 2


sys.exit(main())
