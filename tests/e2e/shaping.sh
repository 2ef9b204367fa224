#!/usr/bin/env bash
# Shaping (issue 15): kerned pairs in the body face are placed at
# HarfBuzz's advances (compared with hb-shape), the heading face forms its
# default ligatures and they extract as their letters, the code face forms
# none, and the text extracts exactly with no warning.
source "${SP_SOURCE_DIR}/tests/e2e/lib.sh"
probe=$DATA/scripts/corpus.yaml
serif=$(fc-match -f '%{file}' 'Liberation Serif:style=Regular')
"$SP" handbook -c "$probe" -o "$TMP/p.pdf" 2>"$TMP/err"
check "no warning" test ! -s "$TMP/err"
check "qpdf and pdftotext are clean" pdf_ok "$TMP/p.pdf"
pdftotext "$TMP/p.pdf" "$TMP/p.txt"
for s in "Affine fields offer fluffy official profiles" \
  "AVAST To We Yo Ta y. LAVA WAVE Tyre" "office_fifo = ffi"; do
  check "extracts '$s'" grep -qF "$s" "$TMP/p.txt"
done
check "no U+FFFD" bash -c "! grep -q $'\xef\xbf\xbd' '$TMP/p.txt'"
qpdf --qdf --object-streams=disable "$TMP/p.pdf" "$TMP/p.qdf"
py=$SP_SOURCE_DIR/tests/e2e/shaping_check.py
python3 "$py" "$TMP/p.qdf" ligatures Lato-Bold,Bold >"$TMP/lig"
for l in fi fl ff ffi; do
  check "Lato Bold draws the '$l' ligature" grep -qx "$l" "$TMP/lig"
done
python3 "$py" "$TMP/p.qdf" ligatures LiberationMono >"$TMP/mono"
check "the code face forms no ligature" test ! -s "$TMP/mono"
check "kerned pairs at HarfBuzz's advances" \
  python3 "$py" "$TMP/p.qdf" kern LiberationSerif "$serif" AV To We y. Ta
# the same bytes with a warm and a cold shape cache: --jobs and threads
"$SP" handbook -c "$probe" -o "$TMP/q.pdf" 2>/dev/null
check "same bytes run to run" cmp "$TMP/p.pdf" "$TMP/q.pdf"
finish
