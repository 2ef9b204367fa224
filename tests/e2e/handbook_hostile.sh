#!/usr/bin/env bash
# Issue 4: a corpus of hostile text through the whole engine.
source "${SP_SOURCE_DIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
C=$DATA/hostile/corpus.yaml

"$SP" handbook -c "$C" -o "$TMP/h.pdf" --dump-layout "$TMP/h.dump" 2>"$TMP/err" \
  || { cat "$TMP/err"; fail "handbook renders"; url=$(grep -o 'https://example.org/[^])]*' "$C" | head -1)
qpdf --qdf --object-streams=disable "$TMP/h.pdf" "$TMP/q.pdf"
check "the long URL is a working link annotation" grep -aqF "/URI ($url)" "$TMP/q.pdf"
finish; }
pass "handbook renders"
check "PDF passes qpdf --check and pdftotext prints no warnings" pdf_ok "$TMP/h.pdf"
# above the BMP: drawn by shaped text since issue 15 (Symbola, DejaVu)
check "emoji above the BMP is drawn, not reported" \
  bash -c "! grep -q 'U+1F600' '$TMP/err' && pdftotext '$TMP/h.pdf' - | grep -q $'\xf0\x9f\x98\x80'"
check "math italic x above the BMP is drawn, not reported" \
  bash -c "! grep -q 'U+1D465' '$TMP/err' && pdftotext '$TMP/h.pdf' - | grep -q $'\xf0\x9d\x91\xa5'"
check "every font is embedded" \
  bash -c "pdffonts '$TMP/h.pdf' | awk 'NR>2 && \$(NF-4)!=\"yes\" {bad=1} END {exit bad}'"
"$SP" handbook -c "$C" -o "$TMP/h2.pdf" 2>/dev/null
check "two runs give identical bytes" cmp -s "$TMP/h.pdf" "$TMP/h2.pdf"
pdftotext "$TMP/h.pdf" "$TMP/h.txt"
mutool draw -q -F txt -o "$TMP/h.mu.txt" "$TMP/h.pdf" 2>"$TMP/mu.err" || true
check "MuPDF reads it without errors" bash -c "! grep -qi error '$TMP/mu.err'"
check "every character is extracted in order or reported" \
  python3 "$SP_SOURCE_DIR/tests/e2e/text_order.py" "$C" "$TMP/h.txt" "$TMP/err"
check "no text outside the page's side margins" \
  python3 "$SP_SOURCE_DIR/tests/e2e/margins.py" "$TMP/h.dump" 56
url=$(grep -o 'https://example.org/[^])]*' "$C" | head -1)
qpdf --qdf --object-streams=disable "$TMP/h.pdf" "$TMP/q.pdf"
check "the long URL is a working link annotation" grep -aqF "/URI ($url)" "$TMP/q.pdf"
# a link's /Contents is the text it covers, above the BMP too (libharu's
# encoder wrote U+1F600 as a space while it made the annotations)
check "the link over the emoji says the emoji" \
  grep -aqF "/Contents <feffd83dde00>" "$TMP/q.pdf"
finish
