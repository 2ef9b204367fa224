#!/usr/bin/env bash
# Issue 5: the handbook works as a book, on paper and on screen.
source "${SP_SOURCE_DIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

"$SP" handbook -o "$TMP/hb.pdf" 2>"$TMP/err" || { cat "$TMP/err"; fail "handbook renders"; finish; }
pass "handbook of the bundled corpus renders"
check "PDF is clean (qpdf, pdftotext)" pdf_ok "$TMP/hb.pdf"
check "bookmarks, contents, index, links and page labels agree" \
  python3 "$SP_SOURCE_DIR/tests/e2e/book_check.py" "$TMP/hb.pdf"

# every question's text appears in the body, in corpus order
"$SP" list | cut -f4 > "$TMP/questions"
front=$(qpdf --json=2 --json-key=pagelabels "$TMP/hb.pdf" | python3 -c "
import json,sys; l=json.load(sys.stdin)['pagelabels']; print([x['index'] for x in l if x['label'].get('/S')=='/D'][0])")
pdftotext -f $((front + 1)) "$TMP/hb.pdf" "$TMP/hb.txt"
check "every question appears in the body in corpus order" python3 - "$TMP/questions" "$TMP/hb.txt" <<'PY'
import os, re, sys
sys.path.insert(0, os.path.join(os.environ["SP_SOURCE_DIR"], "tests/e2e"))
from punct_fold import fold
def norm(s):
    return re.sub(r"[\s\-\u00ad\u2010]+", "", fold(s))
qs = [l.strip() for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
text = norm(open(sys.argv[2], encoding="utf-8").read())
pos = 0
for q in qs:
    k = text.find(norm(q), pos)
    if k < 0:
        print("missing or out of order:", q); sys.exit(1)
    pos = k + 1
PY

# per role
"$SP" handbook --each-role --out-dir "$TMP/roles" 2>"$TMP/err" || { cat "$TMP/err"; fail "--each-role"; }
check "--each-role writes one file per role" test "$(ls "$TMP/roles"/handbook-*.pdf | wc -l)" -eq 3
for f in "$TMP"/roles/handbook-*.pdf; do
  role=$(basename "$f" .pdf); role=${role#handbook-}
  check "$role handbook is clean" pdf_ok "$f"
  count=$("$SP" list --role "$role" | wc -l)
  got=$(python3 -c "
import json,subprocess,re,sys
d=json.loads(subprocess.run(['qpdf','--json=2','--json-key=outlines','$f'],capture_output=True,text=True).stdout)
n=0
def w(items):
    global n
    for it in items:
        if re.match(r'^\d+\.\d+ ', it['title']): n+=1
        w(it.get('kids',[]))
w(d['outlines']); print(n)")
  check "$role handbook holds its $count questions" test "$got" -eq "$count"
  pdftotext -l 1 "$f" - | grep -q "For the" || fail "$role cover names the role"
done

# booklet: A5 pages on landscape A4 sheets, a multiple of four pages
"$SP" handbook --paper a5 -o "$TMP/a5.pdf" 2>/dev/null
check "A5: the cover stays on its page (page 2 is the contents)" sh -c \
  "pdftotext -f 2 -l 2 '$TMP/a5.pdf' - | head -n 1 | grep -qx Contents"
"$SP" handbook --paper a5 --booklet -o "$TMP/bk.pdf" 2>"$TMP/err" || { cat "$TMP/err"; fail "booklet"; }
check "booklet is clean" pdf_ok "$TMP/bk.pdf"
a5=$(pdfinfo "$TMP/a5.pdf" | awk '/^Pages:/ {print $2}')
bk=$(pdfinfo "$TMP/bk.pdf" | awk '/^Pages:/ {print $2}')
check "booklet has (pages rounded up to 4) / 2 sides ($a5 pages -> $bk sides)" \
  test "$bk" -eq $(( (a5 + 3) / 4 * 2 ))
check "booklet sheets are landscape A4" \
  bash -c "pdfinfo '$TMP/bk.pdf' | grep -q 'Page size: *841.8[0-9]* x 595'"

# duplex: every section starts on an odd page
"$SP" handbook --duplex -o "$TMP/dx.pdf" 2>/dev/null
check "with --duplex sections start on right-hand pages" python3 - "$TMP/dx.pdf" <<'PY'
import json, subprocess, sys
d = json.loads(subprocess.run(["qpdf", "--json=2", sys.argv[1]], capture_output=True, text=True).stdout)
pages = {p["object"]: i for i, p in enumerate(d["pages"])}
bad = 0
for it in d["outlines"]:
    dest = it["dest"]
    if isinstance(dest, dict): dest = dest.get("/D")
    p = pages.get(dest[0]) if isinstance(dest, list) else None
    if it["title"] not in ("Contents",) and p is not None and p % 2 == 1:
        print("section on a left page:", it["title"], p + 1); bad = 1
sys.exit(bad)
PY

# write-in lines
"$SP" handbook --write-in --only precision-vs-recall -o "$TMP/wi.pdf" 2>/dev/null
check "--write-in adds 'Your example'" bash -c "pdftotext '$TMP/wi.pdf' - | grep -q 'Your example'"
finish
