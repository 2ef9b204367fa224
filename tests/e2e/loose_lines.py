#!/usr/bin/env python3
"""loose_lines.py - how far the spaces of justified lines stretch, measured
from a PDF's word boxes (pdftotext -bbox-layout), not from our own dump.

    loose_lines.py FILE.pdf [--max R] [--share R2 P] [--show N]

A justified line is one that ends at a right edge shared by at least
three lines of its page (ragged lines and last lines of paragraphs stop
short of it). Words are grouped by the height of their boxes (one height
per font and size); the natural space of a height is the median gap
between words of that height on the lines that do not reach a right edge
(those are set at natural width); not the hang after a list marker nor
the gap before a page number at the end of a line. pdftotext cuts a line where a space
is very wide; the pieces of one visual line are put back together. The
ratio of a line is the median of its gaps between two words of the
line's main height, over the natural space (all spaces of a justified
line stretch alike, so one wide gap alone is not a space: the gap before
a page number in the contents, or between two columns).

Prints the number of justified lines, the largest ratio, the share of
lines over 1.5 and over 2.0, and the N loosest lines. Exits 1 when a
line is over R (--max, default 2.0) or more than P per cent of the lines
are over R2 (--share, default 1.5 5)."""
import argparse
import collections
import re
import statistics
import subprocess
import sys

WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
    r"(.*?)</word>")
MARKER = re.compile(r"^(\W|\d+(\.\d+)*\.?|[a-z]\))$")  # bullets, numbers
PAGENUM = re.compile(r"^(\d+|[ivxlc]+)$")
EDGE_TOL = 0.3  # points: a line "reaches" an edge within this
MIN_EDGE_LINES = 3


def pages(pdf):
    out = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"],
                         check=True, capture_output=True, text=True).stdout
    for page in out.split("<page ")[1:]:
        lines = []
        for ln in page.split("<line ")[1:]:
            words = [(float(a), float(b), float(c), float(d), t)
                     for a, b, c, d, t in WORD.findall(ln)]
            if words:
                lines.append(words)
        yield merge_lines(lines)


def merge_lines(lines):
    """pdftotext cuts a line where a space is very wide: put the pieces
    of one visual line (same middle height, side by side) together."""
    out = []
    for ln in sorted(lines, key=lambda l: (l[0][1] + l[0][3]) / 2):
        mid = (ln[0][1] + ln[0][3]) / 2
        for o in out:
            omid = (o[0][1] + o[0][3]) / 2
            apart = ln[0][0] >= o[-1][2] or ln[-1][2] <= o[0][0]
            if abs(mid - omid) < 0.25 * (ln[0][3] - ln[0][1]) and apart:
                o.extend(ln)
                o.sort(key=lambda w: w[0])
                break
        else:
            out.append(list(ln))
    return out


def height(w):
    return round(w[3] - w[1], 1)


def main_height(line):
    return collections.Counter(height(w) for w in line).most_common(1)[0][0]


def right_edges(lines):
    ends = collections.Counter(round(ln[-1][2] * 2) / 2 for ln in lines
                               if len(ln) > 1)
    return [e for e, n in ends.items() if n >= MIN_EDGE_LINES]


def reaches(line, edges):
    return any(abs(line[-1][2] - e) <= EDGE_TOL for e in edges)


def gaps(line, h):
    """Gaps between neighbouring words both of height h, points (not
    the hang after a list marker)."""
    if MARKER.match(line[0][4]):
        line = line[1:]
    if line and PAGENUM.match(line[-1][4]):  # a page number at the edge
        line = line[:-1]
    return [b[0] - a[2] for a, b in zip(line, line[1:])
            if height(a) == h and height(b) == h and b[0] > a[2]]


def measure(pdf):
    just, natural = [], collections.defaultdict(list)
    for pno, lines in enumerate(pages(pdf), 1):
        edges = right_edges(lines)
        for ln in lines:
            h = main_height(ln)
            if len(ln) > 1 and reaches(ln, edges):
                just.append((pno, h, ln))
            else:
                natural[h].extend(gaps(ln, h))
    nat = {h: statistics.median(g) for h, g in natural.items() if g}
    rows = []
    for pno, h, ln in just:
        g = gaps(ln, h)
        if not g or h not in nat or nat[h] <= 0:
            continue
        # every space of a justified line stretches alike: the median
        # gap is the line's (a wide gap alone, before a page number in
        # the contents or between columns, is not a space)
        rows.append((statistics.median(g) / nat[h], pno,
                     " ".join(w[4] for w in ln)))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf")
    ap.add_argument("--max", type=float, default=2.0)
    ap.add_argument("--share", type=float, nargs=2, default=[1.5, 5.0])
    ap.add_argument("--show", type=int, default=5)
    a = ap.parse_args()
    rows = measure(a.pdf)
    if not rows:
        print("no justified lines found", file=sys.stderr)
        return 1
    rows.sort(reverse=True)
    n = len(rows)
    over_share = sum(r[0] > a.share[0] for r in rows)
    over_max = sum(r[0] > a.max for r in rows)
    print(f"{a.pdf}: {n} justified lines, loosest {rows[0][0]:.2f}x, "
          f"over 1.5x {100.0 * sum(r[0] > 1.5 for r in rows) / n:.1f}%, "
          f"over 2x {100.0 * sum(r[0] > 2.0 for r in rows) / n:.2f}% "
          f"({sum(r[0] > 2.0 for r in rows)} lines)")
    for r, pno, text in rows[:a.show]:
        print(f"  {r:.2f}x p{pno}: {text[:90]}")
    ok = over_max == 0 and 100.0 * over_share / n <= a.share[1]
    if not ok:
        print(f"FAIL: {over_max} lines over {a.max}x, "
              f"{100.0 * over_share / n:.1f}% over {a.share[0]}x "
              f"(limit {a.share[1]}%)", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
