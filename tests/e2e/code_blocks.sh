#!/usr/bin/env bash
# Fenced code blocks (issue 13): every product renders them, readers are
# clean, every code line extracts with its words in order, a block that fits
# stays on one page, a block longer than a page is split across pages, and
# a line wider than the measure wraps with a mark instead of overflowing.
source "${SP_SOURCE_DIR}/tests/e2e/lib.sh"
C=$SP_SOURCE_DIR/tests/golden/layout/code.yaml

check "handbook renders" "$SP" handbook -c "$C" -o "$TMP/h.pdf" --dump-layout "$TMP/h.dump"
check "handbook: readers clean" pdf_ok "$TMP/h.pdf"
check "cards render" "$SP" cards -c "$C" -o "$TMP/c.pdf" 2>"$TMP/cards.err"
check "cards: readers clean" pdf_ok "$TMP/c.pdf"
check "worksheets render" "$SP" worksheet -c "$C" --edition both -o "$TMP/w.pdf"
check "worksheets: readers clean" pdf_ok "$TMP/w-interviewer.pdf"

check "margins: no text outside the text area" \
  python3 "$SP_SOURCE_DIR/tests/e2e/margins.py" "$TMP/h.dump" 56

cat > "$TMP/code.py" <<'EOF'
import re, subprocess, sys, yaml
src, pdf, dump = sys.argv[1:4]
qs = yaml.safe_load(open(src))["questions"]
blocks = []
for q in qs:
    for field in ("answer", "tip"):
        t = q.get(field) or ""
        blocks += re.findall(r"^ *(?:```|~~~)[a-z]*\n(.*?)^ *(?:```|~~~) *$",
                             t, re.S | re.M)
pages = []
n = int(re.search(r"Pages:\s+(\d+)",
                  subprocess.run(["pdfinfo", pdf], capture_output=True,
                                 text=True).stdout).group(1))
for p in range(1, n + 1):
    pages.append(subprocess.run(["pdftotext", "-raw", "-f", str(p), "-l",
                                 str(p), pdf, "-"], capture_output=True,
                                text=True).stdout)
words = []  # (word, page)
for i, t in enumerate(pages):
    words += [(w, i) for w in t.split()]
bad = 0
pos = 0
for b in blocks:
    want = b.split()
    # the block's words, in order, from where the previous block ended
    k = pos
    first = last = None
    for w in want:
        while k < len(words) and words[k][0] != w:
            k += 1
        if k == len(words):
            print("missing word %r of block %r" % (w, b[:40]))
            bad += 1
            break
        first = words[k][1] if first is None else first
        last = words[k][1]
        k += 1
    pos = k
    lines = b.strip("\n").split("\n")
    if len(lines) < 40 and first != last:
        print("a short block is split across pages %d-%d: %r"
              % (first + 1, last + 1, b[:40]))
        bad += 1
    if len(lines) >= 80 and first == last:
        print("a block longer than a page is on one page")
        bad += 1
# a wrapped line draws its mark: four strokes right of the text, and no
# text of the wide line reaches past the box
d = open(dump).read()
marks = re.findall(r"^line ([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) 0\.\d+ 5F6368$",
                   d, re.M)
if len(marks) < 4 or len(marks) % 4:
    print("expected the continuation marks' strokes, got %d" % len(marks))
    bad += 1
sys.exit(1 if bad else 0)
EOF
check "code lines extract in order; kept together; long block split; marks" \
  python3 "$TMP/code.py" "$C" "$TMP/h.pdf" "$TMP/h.dump"

# a card with a long listing continues on further cards, with a warning,
# and nothing is dropped
check "cards: the long listing continues (warning)" \
  grep -q "continued on 7 cards" "$TMP/cards.err"
finish
