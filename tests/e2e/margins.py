"""No text item of a layout dump lies outside the page's side margins.
Usage: margins.py DUMP MIN_MARGIN_PT"""
import re
import sys

minm = float(sys.argv[2])
w = h = 0
bad = 0
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("page "):
        _, _, w, h = line.split()[:4]
        w, h = float(w), float(h)
    elif line.startswith("text "):
        f = line.split()
        x, y, width = float(f[1]), float(f[2]), float(f[6])
        if x < minm - 0.01 or x + width > w - minm + 0.01 or y < 10 or y > h - 10:
            print("outside margins:", line.strip()[:120])
            bad += 1
sys.exit(1 if bad else 0)
