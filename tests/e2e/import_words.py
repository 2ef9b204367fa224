#!/usr/bin/env python3
"""import_words.py FORMAT SOURCE YAML STDERR - no word of the source is lost.

Every word of SOURCE (a plain-text or Markdown guide, Anki notes, a Quizlet
set, a CSV or TSV table), minus its markup and labels, must appear in the
values of the imported corpus YAML at least as often, except where the
importer's STDERR says it left something out: a warning
"SOURCE:LINE: warning: ... left out" takes the words of the first 'quoted'
value in it off that line, or the whole line (a Markdown block) when it
quotes nothing. Words are runs of letters and digits, NFC, case-folded.
Difficulty words (easy, medium, hard, ...) become `level` and are not
counted. Exit status 0 when nothing is lost, 1 with the missing words.
"""
import collections
import csv
import html
import io
import re
import sys
import unicodedata

import yaml

LEVEL_WORDS = {"junior", "mid", "senior", "easy", "medium", "hard",
               "beginner", "intermediate", "advanced", "expert", "entry",
               "basic"}
TEXT_LABELS = re.compile(
    r"^\s*(why they ask( this)?|why interviewers ask( this)?|why it.s asked|"
    r"why this is asked|sample answer|sample approach|"
    r"sample framework response|sample response|example answer|"
    r"model answer|answer|a|star framework|star method|"
    r"framework for answering|answering framework|how to answer|"
    r"personali[sz]ation tip|tip|pro tip|key points|follow-up questions|"
    r"follow-ups|follow-up|question|q)\s*:", re.I)
NUMBERING = re.compile(r"^\s*(q|#)?\d{1,3}[.):]?\s+", re.I)


def words(text):
    text = unicodedata.normalize("NFC", text).casefold()
    return re.findall(r"[^\W_]+", text)


def left_out(stderr, source):
    """{line: [quoted value or None]} from the importer's warnings."""
    out = collections.defaultdict(list)
    pat = re.compile(re.escape(source) + r":(\d+): warning: (.*)$")
    for line in stderr.splitlines():
        m = pat.match(line)
        if not m or "left out" not in m.group(2):
            continue
        q = re.search(r"'([^']*)'", m.group(2))
        out[int(m.group(1))].append(q.group(1) if q else None)
    return out


def drop(lines, gone, block):
    """Take what the warnings left out off the (number, text) lines."""
    result = []
    skipping = False
    for no, text in lines:
        if skipping and (not text.strip() or not block):
            skipping = False
        for value in gone.get(no, []):
            if value is None:
                skipping = True
            else:
                for w in words(value):
                    text = re.sub(r"(?i)\b" + re.escape(w) + r"\b", " ",
                                  text, count=1)
        if not skipping:
            result.append((no, text))
    return result


def text_source(src):
    out = []
    for no, line in enumerate(src.split("\n"), 1):
        line = TEXT_LABELS.sub(" ", line)
        line = NUMBERING.sub(" ", line)
        out.append((no, line))
    return out


def markdown_source(src):
    out = []
    for no, line in enumerate(src.split("\n"), 1):
        if line.lstrip().startswith(("```", "~~~")):
            line = ""
        line = re.sub(r"\]\([^)]*\)", "] ", line)  # link and image targets
        line = re.sub(r"<[^>]*>", " ", line)       # HTML tags
        line = html.unescape(line)
        line = NUMBERING.sub(" ", re.sub(r"^\s*#+\s*", "", line))
        out.append((no, line))
    return out


def html_text(field):
    field = re.sub(r"\[sound:[^\]]*\]", " ", field)
    field = re.sub(r"\{\{c\d+::", " ", field).replace("}}", " ")
    field = re.sub(r"<[^>]*>", " ", field)
    return html.unescape(field)


def anki_source(src):
    lines = src.split("\n")
    skip, ishtml, sep, deck = set(), True, "\t", None
    first = 0
    for i, line in enumerate(lines):
        if not line.startswith("#"):
            break
        first = i + 1
        key, _, value = line[1:].partition(":")
        key = key.strip().lower()
        if key in ("guid column", "notetype column"):
            skip.add(int(value) - 1)
        elif key == "deck column":
            deck = int(value) - 1
        elif key == "html":
            ishtml = value.strip().lower() != "false"
        elif key == "separator":
            sep = {"tab": "\t", "comma": ",", "semicolon": ";"}.get(
                value.strip().lower(), value.strip())
    out = []
    reader = csv.reader(io.StringIO("\n".join(lines[first:])),
                        delimiter=sep, quotechar='"')
    for row in reader:
        no = first + reader.line_num
        row = [f.split("::")[-1] if i == deck else f
               for i, f in enumerate(row)]
        kept = [f for i, f in enumerate(row) if i not in skip]
        text = " ".join(html_text(f) if ishtml else f for f in kept)
        out.append((no, text))
    return out


def quizlet_source(src):
    return list(enumerate(src.split("\n"), 1))


def table_source(src, sep, stderr, source):
    unknown = set(re.findall(re.escape(source) +
                             r":1: warning: unknown column '([^']*)'", stderr))
    unknown.add("id")  # ids are names, not text
    reader = csv.reader(io.StringIO(src), delimiter=sep, quotechar='"')
    out, header, end = [], None, 0
    for row in reader:
        start, end = end + 1, reader.line_num
        if header is None:
            header = row
            continue
        kept = [f for i, f in enumerate(row)
                if i < len(header) and header[i] not in unknown]
        out.append((start, " ".join(kept)))
    return out


def yaml_words(doc):
    found = collections.Counter()

    def walk(v, key=None):
        if isinstance(v, dict):
            for k, x in v.items():
                walk(x, k)
        elif isinstance(v, list):
            for x in v:
                walk(x, key)
        elif v is not None and key != "id":
            found.update(words(str(v)))
    walk(doc)
    return found


def main():
    fmt, source, ypath, epath = sys.argv[1:5]
    with open(source, encoding="utf-8-sig", newline="") as f:
        src = f.read().replace("\r\n", "\n").replace("\r", "\n")
    with open(epath, encoding="utf-8") as f:
        stderr = f.read()
    with open(ypath, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    if fmt == "text":
        lines = text_source(src)
    elif fmt == "markdown":
        lines = markdown_source(src)
    elif fmt == "anki":
        lines = anki_source(src)
    elif fmt == "quizlet":
        lines = quizlet_source(src)
    else:
        lines = table_source(src, "," if fmt == "csv" else "\t", stderr,
                             source)
    lines = drop(lines, left_out(stderr, source), fmt == "markdown")
    want = collections.Counter(w for _, t in lines for w in words(t)
                               if w not in LEVEL_WORDS)
    have = yaml_words(doc)
    lost = {w: n - have[w] for w, n in want.items() if have[w] < n}
    if lost:
        print("%s: words lost: %s" % (source, ", ".join(
            "%s (%d)" % (w, n) for w, n in sorted(lost.items()))))
        return 1
    print("%s: all %d words of the source are in %s" %
          (source, sum(want.values()), ypath))
    return 0


if __name__ == "__main__":
    sys.exit(main())
