#!/usr/bin/env bash
# Shaping (issue 15): kerned pairs in the body face are placed at
# HarfBuzz's advances (compared with hb-shape), the heading face forms its
# default ligatures and they extract as their letters, the code face forms
# none, Hebrew, Arabic (with digits, and in a mixed line), Devanagari,
# emoji and math alphanumerics are drawn and extract, with no warning.
source "${SP_SOURCE_DIR}/tests/e2e/lib.sh"
probe=$DATA/scripts/corpus.yaml
serif=$(fc-match -f '%{file}' 'Liberation Serif:style=Regular')
"$SP" handbook -q -c "$probe" -o "$TMP/p.pdf" 2>"$TMP/err"
check "no warning" test ! -s "$TMP/err"
check "qpdf and pdftotext are clean" pdf_ok "$TMP/p.pdf"
pdftotext "$TMP/p.pdf" "$TMP/p.txt"
for s in "Affine fields offer fluffy official profiles" \
  "AVAST To We Yo Ta y. LAVA WAVE Tyre" "office_fifo = ffi"; do
  check "extracts '$s'" grep -qF "$s" "$TMP/p.txt"
done
check "no U+FFFD" bash -c "! grep -q $'\xef\xbf\xbd' '$TMP/p.txt'"
# every script: Devanagari (conjuncts, a vowel sign drawn before its
# consonant), emoji and math alphanumerics above U+FFFF, exactly
for s in "हिन्दी में क्षमा और प्रश्न लिखें।" "Emoji: 😀 🎉 and math: 𝐀𝐁𝐂 𝑥 + 𝑦 = 𝑧."; do
  check "extracts '$s'" grep -qF "$s" "$TMP/p.txt"
done
# right to left: poppler writes a line in its own order with embedding
# marks; every word must come out in logical order (where the direction
# changes, poppler loses the space between two words: "قصير2024", so
# those words are not checked here)
python3 -c '
import re, sys
t = re.sub("[\u202a-\u202e\u2066-\u2069]", "", open(sys.argv[1]).read())
print("\n".join(w for w in re.split(r"[\s.,\u060c]+", t) if w))' "$TMP/p.txt" >"$TMP/words"
for w in שלום עולם מבחן קצר مرحبا بالعالم هذا اختبار; do
  check "extracts the right-to-left word '$w' in logical order" grep -qxF "$w" "$TMP/words"
done
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
