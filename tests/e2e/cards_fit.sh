#!/usr/bin/env bash
# cards_fit.sh - fitting text into cards, on tests/e2e/data/cards/: a card
# that fits, one that shrinks, and one with a very long answer and no key
# points that continues on further cards, marked "continued", with the
# same id; nothing is clipped or dropped; --strict-fit makes the
# continuation an error.
source "$(dirname "$0")/lib.sh"
CORPUS=$DATA/cards/corpus.yaml

rc=0
"$SP" cards -c "$CORPUS" -o "$TMP/fit.pdf" --dump-layout "$TMP/fit.dump" \
  2>"$TMP/fit.err" || rc=$?
cat "$TMP/fit.err"
check "a continued card is a warning, not an error" [ "$rc" = 0 ]
check "summary: the long answer is continued" \
  grep -Eq '^cards: continued: 3 very-long-answer on [2-9] cards' "$TMP/fit.err"
check "summary: the long key points are shrunk" \
  grep -Eq '^cards: shrunk: 2 needs-shrinking \(front [0-9.]+ pt, back [0-9.]+ pt\)' "$TMP/fit.err"
check "summary: the short card is neither" bash -c "! grep -q short-one '$TMP/fit.err'"
check "the warning names the question's location" \
  grep -Eq 'corpus.yaml:[0-9]+:[0-9]+: warning: card 3 .very-long-answer. does not fit' "$TMP/fit.err"
check "qpdf --check, pdftotext clean" pdf_ok "$TMP/fit.pdf"

fit_model() {
  python3 - "$TMP/fit.dump" "$TMP/fit.pdf" <<'EOF'
import re, subprocess, sys, html
dump, pdf = sys.argv[1:3]
pages, cards, errors = [], [], []
for line in open(dump, encoding="utf-8"):
    line = line.rstrip("\n")
    if line.startswith("page "):
        pages.append([])
    elif line.startswith("text "):
        m = re.match(r'text (\S+) (\S+) \S+ (\S+) \S+ (\S+) "(.*)"$', line)
        x, y, size, w, t = m.groups()
        pages[-1].append((float(x), float(y), float(size), float(w), t))
    elif line.startswith("card "):
        f = line.split(" ")
        cards.append({"n": int(f[1]), "side": f[2], "page": int(f[3]) - 1,
                      "x": float(f[4]), "y": float(f[5]), "w": float(f[6]),
                      "h": float(f[7]), "part": int(f[8]), "parts": int(f[9]),
                      "id": f[10].strip('"')})
def inside(b, x0, y0, x1, y1, s=0.01):
    return (x0 >= b["x"] - s and x1 <= b["x"] + b["w"] + s and
            y0 >= b["y"] - s and y1 <= b["y"] + b["h"] + s)
def texts_in(c):
    return [t for t in pages[c["page"]]
            if inside(c, t[0], t[1] - 0.25 * t[2], t[0] + t[3], t[1] + 0.8 * t[2])]
# nothing outside a card (except the guidance line, clear of all cards)
for i, pg in enumerate(pages):
    boxes = [c for c in cards if c["page"] == i]
    for x, y, s, w, t in pg:
        y0, y1 = y - 0.25 * s, y + 0.8 * s
        if any(inside(b, x, y0, x + w, y1) for b in boxes):
            continue
        if any(x + w > b["x"] and x < b["x"] + b["w"] and y1 > b["y"] and
               y0 < b["y"] + b["h"] for b in boxes):
            errors.append("text %r crosses a card" % t)
long = [c for c in cards if c["id"] == "very-long-answer"]
parts = {c["parts"] for c in long}
if len(parts) != 1 or parts.pop() < 2:
    errors.append("the long card is not continued")
n = long[0]["parts"]
for side in ("front", "back"):
    got = sorted(c["part"] for c in long if c["side"] == side)
    if got != list(range(1, n + 1)):
        errors.append("%s parts %s" % (side, got))
for c in long:
    ts = texts_in(c)
    if not any("3 \u00b7 very-long-answer" in t[4] for t in ts):
        errors.append("part %d %s lacks its number and id" % (c["part"], c["side"]))
    mark = "continued %d/%d" % (c["part"], n)
    if c["part"] > 1 and not any(mark in t[4] for t in ts):
        errors.append("part %d %s not marked %r" % (c["part"], c["side"], mark))
    if c["side"] == "back" and min(t[2] for t in ts) < 6:
        errors.append("text below 6 pt on part %d" % c["part"])
    body = [t[2] for t in ts if t[2] > 7.3]
    if c["side"] == "back" and body and min(body) < 7:
        errors.append("body text below min-size")
shr = [c for c in cards if c["id"] == "needs-shrinking" and c["side"] == "back"]
sizes = {t[2] for t in texts_in(shr[0])}
if not (max(sizes) < 11 and max(sizes) >= 7):
    errors.append("needs-shrinking back sizes %s" % sorted(sizes))
if shr[0]["parts"] != 1:
    errors.append("needs-shrinking continued")
# nothing dropped: the back parts, read from the PDF in order, hold the
# whole answer
out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True,
                     capture_output=True, text=True).stdout
pdfpages = re.findall(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', out, re.S)
norm = lambda s: re.sub(r"[^0-9a-z]", "", s.lower())
text = ""
for c in sorted((c for c in long if c["side"] == "back"), key=lambda c: c["part"]):
    H, body = pdfpages[c["page"]]
    H = float(H)
    ws = []
    for w in re.finditer(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                         r'yMax="([\d.]+)">(.*?)</word>', body):
        x0, y0, x1, y1 = (float(w.group(i)) for i in range(1, 5))
        if inside(c, x0, H - y1, x1, H - y0, 0.5):
            ws.append((round(y0), x0, html.unescape(w.group(5))))
    ws.sort()
    text += " ".join(w[2] for w in ws) + " "
para = ("When the training data drift away from what the model sees in "
        "production, the first thing to check is whether the inputs changed "
        "or the relationship between inputs and label changed; the two call "
        "for different fixes, and confusing them wastes weeks of retraining "
        "that cannot help. ")
# drop the labels (header and footer) between the parts
flat = norm(text)
for label in ["3 \u00b7 very-long-answer", "Answer"] + \
        ["1/%d, continues" % n] + ["continued %d/%d" % (k, n) for k in range(2, n + 1)]:
    flat = flat.replace(norm(label), "")
for i in range(1, 5):
    if norm("Paragraph %d. " % i + para * 2) not in flat:
        errors.append("paragraph %d of the answer missing from the backs" % i)
for e in errors:
    print("  " + e, file=sys.stderr)
sys.exit(1 if errors else 0)
EOF
}
check "continuation, shrinking, nothing clipped or dropped" fit_model

rc=0
"$SP" cards -c "$CORPUS" -o "$TMP/strict.pdf" --strict-fit 2>"$TMP/strict.err" || rc=$?
check "--strict-fit: exit 1" [ "$rc" = 1 ]
check "--strict-fit: an error with the location" \
  grep -Eq 'corpus.yaml:[0-9]+:[0-9]+: error: card 3 .very-long-answer. does not fit' "$TMP/strict.err"
check "--strict-fit: nothing written" [ ! -e "$TMP/strict.pdf" ]
rc=0
"$SP" cards -c "$CORPUS" --only short-one,needs-shrinking -o "$TMP/ok.pdf" --strict-fit 2>/dev/null || rc=$?
check "--strict-fit without continuations: exit 0" [ "$rc" = 0 ]

# a limit: an answer that would need more than 20 cards is an error
python3 - "$TMP/huge.yaml" <<'EOF'
import sys
words = " ".join("word%d" % i for i in range(12000))
open(sys.argv[1], "w").write(
    "corpus: {title: T}\ncategories: [{id: c, name: C}]\nquestions:\n"
    "  - {id: huge, category: c, question: Q?, answer: '%s'}\n" % words)
EOF
rc=0
"$SP" cards -c "$TMP/huge.yaml" -o "$TMP/huge.pdf" 2>"$TMP/huge.err" || rc=$?
check "more than 20 cards: exit 1" [ "$rc" = 1 ]
check "more than 20 cards: the message names the question" \
  grep -Eq "huge.yaml:[0-9]+:[0-9]+: error: card 1 'huge' is too long for cards" "$TMP/huge.err"
check "more than 20 cards: nothing written" [ ! -e "$TMP/huge.pdf" ]

# the bundled deck fits without continuation on every preset
for layout in letter-3x5 a4-8 letter-8 a4-a6 letter-business; do
  rc=0
  "$SP" cards --layout "$layout" --strict-fit -o "$TMP/$layout.pdf" 2>"$TMP/$layout.err" || rc=$?
  check "bundled deck on $layout: no continuation" [ "$rc" = 0 ]
done
# large cards start larger (by the square root of the area over a4-8's, at
# most 1.5 times): on a4-a6 the short card's question is set larger than on
# a4-8, and the long answer is still shrunk to fit (never clipped)
biggest() { awk '$1 == "text" && $8 ~ /^"/ { if ($5 > m) m = $5 } END { print m + 0 }' "$1"; }
"$SP" cards -c "$CORPUS" --layout a4-8 -o "$TMP/a48.pdf" --dump-layout "$TMP/a48.dump" 2>/dev/null
"$SP" cards -c "$CORPUS" --layout a4-a6 -o "$TMP/a6.pdf" --dump-layout "$TMP/a6.dump" 2>"$TMP/a6.err"
s48=$(biggest "$TMP/a48.dump"); s6=$(biggest "$TMP/a6.dump")
check "a4-a6 sets the largest text larger than a4-8 ($s6 > $s48 pt)" \
  awk -v a="$s6" -v b="$s48" 'BEGIN { exit !(a > b) }'
check "a4-a6 does not grow past 1.5 times the template's question size ($s6 pt)" \
  awk -v a="$s6" 'BEGIN { exit !(a <= 11 * 1.25 * 1.5) }'
check "a4-a6: the long answer is still shrunk or continued" \
  grep -Eq '^cards: (shrunk|continued): 3 very-long-answer' "$TMP/a6.err"

finish
