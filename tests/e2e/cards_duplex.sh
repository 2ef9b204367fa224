#!/usr/bin/env bash
# cards_duplex.sh - flashcard sheets for every preset and every duplex
# mode, checked from the page model (--dump-layout) and from the PDF
# (pdftotext -bbox): the back of card k lies behind the front of card k
# once the sheet is turned over as the mode says (within 0.1 mm, before
# any offset), --back-offset moves backs only, no text outside its card,
# every question extractable from its front, qpdf --check clean.
source "$(dirname "$0")/lib.sh"

CHECKER=$TMP/check.py
cat >"$CHECKER" <<'EOF'
import re, subprocess, sys, html

MM = 72 / 25.4
TOL = 0.1 * MM

def parse_dump(path):
    pages, cards = [], []
    for line in open(path, encoding="utf-8"):
        f = line.split(" ", 1)
        if f[0] == "page":
            _, _, w, h = line.split()[:4]
            pages.append({"w": float(w), "h": float(h), "texts": []})
        elif f[0] == "text":
            m = re.match(r'text (\S+) (\S+) (\S+) (\S+) (\S+) (\S+) "(.*)"$',
                         line.rstrip("\n"))
            x, y, face, size, col, width, t = m.groups()
            pages[-1]["texts"].append((float(x), float(y), float(size),
                                       float(width), t))
        elif f[0] == "card":
            m = re.match(r'card (\d+) (front|back) (\d+) (\S+) (\S+) (\S+) '
                         r'(\S+) (\d+) (\d+) "(.*)"$', line.rstrip("\n"))
            n, side, pg, x, y, w, h, part, parts, cid = m.groups()
            cards.append({"n": int(n), "side": side, "page": int(pg) - 1,
                          "x": float(x), "y": float(y), "w": float(w),
                          "h": float(h), "part": int(part),
                          "parts": int(parts), "id": cid})
    return pages, cards

def inside(b, x0, y0, x1, y1, slack=0.01):
    return (x0 >= b["x"] - slack and x1 <= b["x"] + b["w"] + slack and
            y0 >= b["y"] - slack and y1 <= b["y"] + b["h"] + slack)

def overlaps(b, x0, y0, x1, y1):
    return (x1 > b["x"] and x0 < b["x"] + b["w"] and
            y1 > b["y"] and y0 < b["y"] + b["h"])

def physical(back, front, mode, W, H, ox, oy, card=None):
    """Where the back's box is seen from the front side of the sheet (for
    fold: reflected about the fold between front and card, the back)."""
    card = card or back
    b = dict(back)
    b["x"] -= ox
    b["y"] -= oy
    portrait = H >= W
    if mode == "fold":
        if abs(card["y"] - front["y"]) < TOL:  # side by side: vertical fold
            fold = (front["x"] + front["w"] + card["x"]) / 2
            b["x"] = 2 * fold - b["x"] - b["w"]
        else:
            fold = (front["y"] + card["y"] + card["h"]) / 2
            b["y"] = 2 * fold - b["y"] - b["h"]
        return b
    vertical_axis = portrait if mode in ("long-edge", "none") else not portrait
    if vertical_axis:
        b["x"] = W - b["x"] - b["w"]
    else:
        b["y"] = H - b["y"] - b["h"]
    return b

def pdf_words(pdf):
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True,
                         capture_output=True, text=True).stdout
    pages = []
    for m in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>',
                         out, re.S):
        W, H = float(m.group(1)), float(m.group(2))
        words = []
        for w in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" '
                             r'xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
                             m.group(3)):
            x0, y0, x1, y1 = (float(w.group(i)) for i in range(1, 5))
            words.append((x0, H - y1, x1, H - y0, html.unescape(w.group(5))))
        pages.append({"w": W, "h": H, "words": words})
    return pages

def norm(s):
    return re.sub(r"[^0-9a-z]", "", s.lower())

def main():
    dump, pdf, mode, ox, oy = sys.argv[1:6]
    ox, oy = float(ox) * MM, float(oy) * MM
    fronts_dump = sys.argv[6] if len(sys.argv) > 6 and sys.argv[6] != "-" else None
    questions = sys.argv[7] if len(sys.argv) > 7 else None
    pages, cards = parse_dump(dump)
    errors = []
    fronts = {}
    if fronts_dump:
        for c in parse_dump(fronts_dump)[1]:
            if c["side"] == "front":
                fronts[(c["n"], c["part"])] = c
    for c in cards:
        if c["side"] == "front":
            fronts[(c["n"], c["part"])] = c
    # 1. each back behind its front
    nbacks = 0
    for c in cards:
        if c["side"] != "back":
            continue
        nbacks += 1
        f = fronts.get((c["n"], c["part"]))
        if not f:
            errors.append("back of card %d has no front" % c["n"])
            continue
        pg = pages[c["page"]]
        p = physical(c, f, mode, pg["w"], pg["h"], ox, oy)
        for k in "xywh":
            if abs(p[k] - f[k]) > TOL:
                errors.append("card %d part %d: back %s %.2f, front %.2f"
                              % (c["n"], c["part"], k, p[k], f[k]))
    # 2. text inside its card, or in the margin outside every card
    for i, pg in enumerate(pages):
        boxes = [c for c in cards if c["page"] == i]
        for x, y, size, width, t in pg["texts"]:
            x0, x1, y0, y1 = x, x + width, y - 0.25 * size, y + 0.8 * size
            if any(inside(b, x0, y0, x1, y1) for b in boxes):
                continue
            if any(overlaps(b, x0, y0, x1, y1) for b in boxes) or \
               x0 < 0 or x1 > pg["w"] or y0 < 0 or y1 > pg["h"]:
                errors.append("page %d: text %r at %.1f,%.1f crosses a card "
                              "or the sheet edge" % (i + 1, t, x, y))
    # 3. every face carries its number and id inside its box
    for c in cards:
        label = "%d \u00b7 %s" % (c["n"], c["id"])
        texts = pages[c["page"]]["texts"]
        if not any(label in t and inside(c, x, y - 0.25 * s, x + w, y + 0.8 * s)
                   for x, y, s, w, t in texts):
            errors.append("%s of card %d: no '%s' inside its box"
                          % (c["side"], c["n"], label))
    # 4. the PDF: ids read back at the same places; words inside cards
    words = pdf_words(pdf)
    if len(words) != len(pages):
        errors.append("PDF has %d pages, the model %d" % (len(words), len(pages)))
    for c in cards:
        if c["page"] >= len(words):
            continue
        ws = words[c["page"]]["words"]
        hits = [w for w in ws if w[4] == c["id"]]
        if not any(inside(c, w[0], w[1], w[2], w[3], 0.5) for w in hits):
            errors.append("PDF: id %s not inside its %s box on page %d"
                          % (c["id"], c["side"], c["page"] + 1))
        if c["side"] == "back" and (c["n"], c["part"]) in fronts and not fronts_dump:
            f = fronts[(c["n"], c["part"])]
            fw = [w for w in words[f["page"]]["words"] if w[4] == c["id"]]
            pg = words[c["page"]]
            for w in hits:
                if not inside(c, w[0], w[1], w[2], w[3], 0.5):
                    continue
                box = {"x": w[0], "y": w[1], "w": w[2] - w[0], "h": w[3] - w[1]}
                p = physical(box, f, mode, pg["w"], pg["h"], ox, oy, c)
                if not inside(f, p["x"], p["y"], p["x"] + p["w"],
                              p["y"] + p["h"], 0.5):
                    errors.append("PDF: back id of card %d not behind its "
                                  "front" % c["n"])
    for i, pg in enumerate(words):
        boxes = [c for c in cards if c["page"] == i]
        for x0, y0, x1, y1, t in pg["words"]:
            if any(inside(b, x0, y0, x1, y1, 0.5) for b in boxes):
                continue
            if any(overlaps(b, x0 + 0.5, y0 + 0.5, x1 - 0.5, y1 - 0.5)
                   for b in boxes):
                errors.append("PDF page %d: word %r crosses a card" % (i + 1, t))
    # 5. every question readable on its front
    if questions:
        fronts_text = {}
        for c in cards:
            if c["side"] != "front" or c["part"] != 1:
                continue
            ws = [w for w in words[c["page"]]["words"]
                  if inside(c, w[0], w[1], w[2], w[3], 0.5)]
            ws.sort(key=lambda w: (-round(w[3], 0), w[0]))
            fronts_text[c["id"]] = norm(" ".join(w[4] for w in ws))
        for line in open(questions, encoding="utf-8"):
            qid, _, _, q = line.rstrip("\n").split("\t", 3)
            if qid not in fronts_text:
                errors.append("no front for %s" % qid)
            elif norm(q) not in fronts_text[qid]:
                errors.append("question of %s not extractable" % qid)
    for e in errors[:20]:
        print("  " + e, file=sys.stderr)
    if len(errors) > 20:
        print("  ... %d more" % (len(errors) - 20), file=sys.stderr)
    print("  %d faces, %d backs checked" % (len(cards), nbacks))
    sys.exit(1 if errors else 0)

main()
EOF

"$SP" list >"$TMP/questions.tsv"

run() { # run NAME ARGS... -> $TMP/NAME.pdf and $TMP/NAME.dump
  local name=$1; shift
  "$SP" cards -o "$TMP/$name.pdf" --dump-layout "$TMP/$name.dump" "$@" \
    2>"$TMP/$name.err" || { cat "$TMP/$name.err" >&2; return 1; }
}

for layout in letter-3x5 a4-8 letter-8 a4-a6 letter-business; do
  for mode in long-edge short-edge none fold; do
    name=$layout-$mode
    if run "$name" --layout "$layout" --duplex "$mode"; then
      check "$name: backs behind fronts, text inside cards, questions" \
        python3 "$CHECKER" "$TMP/$name.dump" "$TMP/$name.pdf" "$mode" 0 0 - \
        "$TMP/questions.tsv"
      check "$name: qpdf --check, pdftotext clean" pdf_ok "$TMP/$name.pdf"
    else
      fail "$name: studypress cards failed"
    fi
  done
  # backs only, to print on the back of a fronts-only run
  for mode in long-edge short-edge; do
    name=$layout-$mode-backs
    run "$name" --layout "$layout" --duplex "$mode" --backs-only &&
      check "$name: backs-only lands behind the fronts-only sheet" \
        python3 "$CHECKER" "$TMP/$name.dump" "$TMP/$name.pdf" "$mode" 0 0 \
        "$TMP/$layout-none.dump"
  done
done

# --back-offset: backs move by exactly X,Y mm; fronts do not move
run offset --layout a4-8 --back-offset 1.5,-2.25 &&
  check "--back-offset: backs behind fronts after undoing the offset" \
    python3 "$CHECKER" "$TMP/offset.dump" "$TMP/offset.pdf" long-edge 1.5 -2.25
offset_moves_backs_only() {
  python3 - "$TMP/a4-8-long-edge.dump" "$TMP/offset.dump" <<'EOF'
import sys
MM = 72 / 25.4
a = open(sys.argv[1]).read().splitlines()
b = open(sys.argv[2]).read().splitlines()
assert len(a) == len(b), "different item counts"
page, bad = 0, 0
for la, lb in zip(a, b):
    fa, fb = la.split(" "), lb.split(" ")
    if fa[0] == "page":
        page += 1
    if fa[0] not in ("text", "line", "rect"):
        continue
    dx = 1.5 * MM if page % 2 == 0 else 0
    dy = -2.25 * MM if page % 2 == 0 else 0
    if abs(float(fb[1]) - float(fa[1]) - dx) > 0.011 or \
       abs(float(fb[2]) - float(fa[2]) - dy) > 0.011:
        bad += 1
        print("moved wrongly on page %d: %s / %s" % (page, la, lb), file=sys.stderr)
sys.exit(1 if bad else 0)
EOF
}
check "--back-offset moves back pages only, by exactly the offset" offset_moves_backs_only

# the grid option draws dashed lines and no crop marks
run grid --layout letter-8 --grid &&
  check "--grid: dashed lines instead of crop marks" \
    bash -c "grep -q ' dash 3 2' '$TMP/grid.dump' && ! grep -Eq '^line 0.00 |^line [0-9.]+ 0.00 ' '$TMP/grid.dump'"

# the guidance line names the flip on every page
guidance() { # guidance NAME TEXT: every page of NAME.pdf has TEXT
  local n p
  n=$(pdfinfo "$TMP/$1.pdf" | awk '/^Pages:/ {print $2}')
  for p in $(seq 1 "$n"); do
    pdftotext -f "$p" -l "$p" "$TMP/$1.pdf" - | tr '\n' ' ' | grep -q "$2" || return 1
  done
}
check "guidance: long edge" guidance a4-8-long-edge "Print at 100% (actual size), duplex, flip on long edge"
check "guidance: short edge" guidance a4-8-short-edge "flip on short edge"
check "guidance: fold" guidance a4-8-fold "fold on the dashed line"
check "guidance: none" guidance a4-8-none "single-sided"

# the calibration sheet: two pages, scales on the back
run calib --calibration &&
  check "calibration: two pages, readable, scales" bash -c "
    pdf_ok() { qpdf --check '$TMP/calib.pdf' >/dev/null; }
    pdf_ok && [ \"\$(pdfinfo '$TMP/calib.pdf' | awk '/^Pages:/ {print \$2}')\" = 2 ] &&
    pdftotext -f 2 -l 2 '$TMP/calib.pdf' - | grep -q -- '+10' &&
    pdftotext -f 1 -l 1 '$TMP/calib.pdf' - | grep -q 'back-offset'"

# usage errors
usage_is() { # usage_is CODE ARGS...
  local want=$1 rc=0; shift
  "$SP" cards "$@" >/dev/null 2>&1 || rc=$?
  [ "$rc" = "$want" ]
}
check "unknown layout is an error" usage_is 1 -o "$TMP/x.pdf" --layout a4-99
check "bad --duplex is a usage error" usage_is 2 -o "$TMP/x.pdf" --duplex sideways
check "bad --back-offset is a usage error" usage_is 2 -o "$TMP/x.pdf" --back-offset 1
check "--backs-only with fold is a usage error" usage_is 2 -o "$TMP/x.pdf" --duplex fold --backs-only
finish
