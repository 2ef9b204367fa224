#!/usr/bin/env bash
# Typographic punctuation (issue 15, item 4): straight quotes, -- and ...
# print as curly quotes, apostrophes, primes, dashes and ellipses in every
# product, in plain fields and rich text alike; inline code and code blocks
# print as typed; `typography: {smart-punctuation: false}` turns it off and
# a bad value is an error with its location. The fonts have every glyph
# (no warning).
source "${SP_SOURCE_DIR}/tests/e2e/lib.sh"
P=$DATA/punct

check "handbook renders without a warning" \
  "$SP" handbook -q -c "$P/corpus.yaml" -o "$TMP/h.pdf" 2>"$TMP/h.err"
check "no warning (every glyph found)" test ! -s "$TMP/h.err"
check "handbook: readers clean" pdf_ok "$TMP/h.pdf"
pdftotext "$TMP/h.pdf" - | tr '\n' ' ' >"$TMP/h.txt"

# has FILE TEXT...: every TEXT occurs in FILE
has() {
  local f=$1 t; shift
  for t in "$@"; do
    grep -qF -- "$t" "$f" || { echo "missing: $t" >&2; return 1; }
  done
}
check "plain fields: quotes, apostrophes, primes" has "$TMP/h.txt" \
  "Why “negative” and what’s the 5′11″ rule?" "Marks ’n’ quotes" \
  "Punctuation “probe”" "Framework: Step “one”"
check "plain fields: dashes and an ellipsis, options kept" has "$TMP/h.txt" \
  "The ’90s said “I’d rather” – or 10–20 — surely…" \
  "Use --force only – never -v" "Ask “why” – twice." \
  "Is 12″ a ‘foot’?" "Nested: “She said ‘stop’.”"
check "rich text: quotes around emphasis, apostrophes" has "$TMP/h.txt" \
  "She said “yes” and ‘no’. Rock’n’roll, the 1990’s, students’ work."
check "inline code and code blocks as typed" has "$TMP/h.txt" \
  "git rebase --onto \"x\" 'y'..." "it's stay as typed" \
  "echo \"don't\" -- 'quoted'..." "a \"code\" span"

check "cards and worksheets render" bash -c \
  "'$SP' cards -c '$P/corpus.yaml' -o '$TMP/c.pdf' 2>/dev/null &&
   '$SP' worksheet -c '$P/corpus.yaml' --edition both -o '$TMP/w.pdf'"
pdftotext "$TMP/c.pdf" - | tr '\n' ' ' >"$TMP/c.txt"
pdftotext "$TMP/w-interviewer.pdf" - | tr '\n' ' ' >"$TMP/w.txt"
check "cards: typographic" has "$TMP/c.txt" "A “key” point’s text" "what’s the 5′11″"
check "worksheet: typographic" has "$TMP/w.txt" "Why “negative” and what’s"

check "smart-punctuation: false renders" "$SP" handbook -c "$P/corpus.yaml" \
  --template "$P/off.yaml" -o "$TMP/off.pdf"
pdftotext "$TMP/off.pdf" - | tr '\n' ' ' >"$TMP/off.txt"
check "switched off: as typed" has "$TMP/off.txt" \
  "Why \"negative\" and what's the 5'11\" rule?" \
  "The '90s said \"I'd rather\" -- or 10--20 --- surely..."
check "switched off: no curly quote, prime or ellipsis" \
  bash -c "! grep -q '[“”‘’′″…—]' '$TMP/off.txt'"

printf 'typography: {smart-punctuation: maybe}\n' >"$TMP/bad.yaml"
rc=0
"$SP" handbook -c "$P/corpus.yaml" --template "$TMP/bad.yaml" \
  -o "$TMP/bad.pdf" 2>"$TMP/bad.err" || rc=$?
check "a bad value is an error (exit 1)" test "$rc" -eq 1
check "the error names the place and the key" grep -q \
  "bad.yaml:1:33: error: 'smart-punctuation' must be true or false" "$TMP/bad.err"
printf 'typography: {smart-quotes: no}\n' >"$TMP/b2.yaml"
check "an unknown typography key is an error" bash -c \
  "! '$SP' handbook -c '$P/corpus.yaml' --template '$TMP/b2.yaml' -o '$TMP/b2.pdf' 2>'$TMP/b2.err' &&
   grep -q \"b2.yaml:1:14: error: unknown key 'smart-quotes' in typography\" '$TMP/b2.err'"
check "no output after an error" test ! -e "$TMP/bad.pdf"

# the bundled handbook: curly quotes where the corpus has straight ones,
# none in the code of its code blocks
"$SP" handbook -o "$TMP/b.pdf" 2>/dev/null
pdftotext "$TMP/b.pdf" "$TMP/b.txt"
check "bundled handbook: “ and ’ in the text" bash -c \
  "[ \$(grep -o '[“’]' '$TMP/b.txt' | wc -l) -gt 500 ]"
check "bundled handbook: code lines as typed" python3 - "$SP_SOURCE_DIR/content" "$TMP/b.txt" <<'PY'
import glob, re, sys, yaml
squash = lambda s: re.sub(r"\s+", " ", s)
text = squash(open(sys.argv[2], encoding="utf-8").read())
lines = set()
for f in glob.glob(sys.argv[1] + "/**/*.yaml", recursive=True):
    for q in (yaml.safe_load(open(f, encoding="utf-8")) or {}).get("questions", []) or []:
        for field in ("answer", "tip", "why"):
            for blk in re.findall(r"^ *```[a-z]*\n(.*?)^ *```", q.get(field) or "", re.S | re.M):
                lines |= {squash(l.strip()) for l in blk.splitlines()
                          if re.search(r"[\"']", l) and 8 < len(l.strip()) < 60}
missing = [l for l in lines if l not in text]
print(f"{len(lines)} code lines with quotes, {len(missing)} not found as typed")
for l in missing[:5]:
    print("  not as typed:", l)
sys.exit(1 if missing or not lines else 0)
PY
finish
