"""Reads a handbook PDF back and checks it works as a book.

Usage: book_check.py HANDBOOK.pdf
- bookmarks: a category level and a question level, each pointing at a page
- the page numbers printed in the contents and in the topic index equal the
  pages the bookmarks (and the link annotations) land on
- page labels: roman from the first page, arabic from the first section
- every internal link annotation lands on the page of a bookmark
"""
import json
import re
import subprocess
import sys

pdf = sys.argv[1]
data = json.loads(subprocess.run(
    ["qpdf", "--json=2", pdf], check=True, capture_output=True, text=True).stdout)
objs = data["qpdf"][1]
page_objs = [p["object"] for p in data["pages"]]
page_no = {o: i for i, o in enumerate(page_objs)}  # object -> 0-based index
fails = 0


def fail(msg):
    global fails
    fails += 1
    print("FAIL:", msg)


def resolve(v):
    if isinstance(v, str) and v.endswith(" R"):
        o = objs.get("obj:" + v)
        return o.get("value") if isinstance(o, dict) else None
    return v


def dest_page(dest):
    dest = resolve(dest)
    if isinstance(dest, dict):
        dest = resolve(dest.get("/D", dest))
    if isinstance(dest, list) and dest and isinstance(dest[0], str):
        return page_no.get(dest[0])
    return None


# ---- page labels ----
labels = data["pagelabels"]
if not labels or labels[0]["index"] != 0 or labels[0]["label"].get("/S") != "/r":
    fail(f"front matter is not labelled with roman numerals: {labels}")
arabic = [l for l in labels if l["label"].get("/S") == "/D"]
if not arabic:
    fail("no arabic page labels")
    front = 0
else:
    front = arabic[0]["index"]

# ---- bookmarks ----
outline_pages = {}
def walk(items, depth):
    for it in items:
        p = dest_page(it.get("dest"))
        if p is None:
            fail(f"bookmark {it['title']!r} has no page")
        m = re.match(r"^(\d+\.\d+) ", it["title"])
        if m:
            outline_pages[m.group(1)] = p
            if depth != 1:
                fail(f"question bookmark {it['title']!r} is not under its category")
        walk(it.get("kids", []), depth + 1)
walk(data["outlines"], 0)
if not outline_pages:
    fail("no question bookmarks")

def label_of(p):
    return str(p - front + 1)

# ---- contents and index numbers ----
text = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True,
                      capture_output=True, text=True).stdout
pages = text.split("\f")
toc_entries = 0
for pg in pages[:front]:
    # an entry may wrap: join lines from its number to its page number
    entries, cur = [], ""
    for line in pg.splitlines():
        if re.match(r"^\s*\d+\.\d+\s", line):
            cur = line
        elif cur:
            cur += " " + line
        if cur and re.search(r"\s\d+\s*$", cur):
            entries.append(cur)
            cur = ""
    for line in entries:
        m = re.match(r"^\s*(\d+\.\d+)\s+.*?\s(\d+)\s*$", line)
        if m and m.group(1) in outline_pages:
            toc_entries += 1
            want = label_of(outline_pages[m.group(1)])
            if m.group(2) != want:
                fail(f"contents says {m.group(1)} is on page {m.group(2)}, it is on {want}")
if toc_entries < len(outline_pages) * 0.9:
    fail(f"only {toc_entries} of {len(outline_pages)} questions found in the contents")
index_refs = 0
flat = re.sub(r"\s+", " ", text.replace("\u00a0", " "))
for m in re.finditer(r"(\d+\.\d+) \(p\. (\d+)\)", flat):
    index_refs += 1
    num, page = m.group(1), m.group(2)
    if num in outline_pages and label_of(outline_pages[num]) != page:
        fail(f"index/see-also says {num} is on page {page}, it is on {label_of(outline_pages[num])}")
if index_refs == 0:
    fail("no index entries found")

# ---- link annotations ----
targets = set(outline_pages.values())
links = 0
for key, obj in objs.items():
    v = obj.get("value") if isinstance(obj, dict) else None
    if not isinstance(v, dict) or v.get("/Subtype") != "/Link":
        continue
    d = v.get("/Dest")
    if d is None and isinstance(v.get("/A"), dict):
        continue  # URI
    p = dest_page(d)
    links += 1
    if p is None:
        fail(f"link {key} has no target page")
if links < len(outline_pages):
    fail(f"only {links} internal links for {len(outline_pages)} questions")

print(f"{len(outline_pages)} question bookmarks, {toc_entries} contents entries, "
      f"{index_refs} index/see-also references, {links} links, front matter {front} pages")
sys.exit(1 if fails else 0)
