#!/usr/bin/env bash
# The faces embed.c subsets get Type0 fonts made by src/pdf/ttfont.c, and
# libharu's glyph lookups are answered from our tables (src/pdf/haru.c);
# SP_SLOW_GLYPHID=1 turns both off (libharu's own lookup, HPDF_GetFont,
# tounicode.c's repairs). The two must print and read the same: the same
# text (pdftotext), the same pixels (pdftoppm, the first 24 pages), the
# same fonts embedded and subset (pdffonts), each file deterministic
# (pdfua.sh checks the PDF/UA conditions on the default, ttfont.c's).
source "${SP_SOURCE_DIR}/tests/e2e/lib.sh"
same_print() { # NAME FAST.pdf SLOW.pdf
  pdftotext -enc UTF-8 "$2" "$TMP/fast.txt"
  pdftotext -enc UTF-8 "$3" "$TMP/slow.txt"
  check "$1: the same text with libharu's fonts" cmp "$TMP/fast.txt" "$TMP/slow.txt"
  rm -f "$TMP"/fast-*.png "$TMP"/slow-*.png
  pdftoppm -png -r 40 -l 24 "$2" "$TMP/fast"
  pdftoppm -png -r 40 -l 24 "$3" "$TMP/slow"
  local d=0 x
  for x in "$TMP"/fast-*.png; do cmp -s "$x" "${x/fast-/slow-}" || d=$((d + 1)); done
  check "$1: the same pixels ($d pages differ)" test "$d" -eq 0
  pdffonts "$2" | tail -n +3 | awk '{sub(/^[A-Z]{6}\+/, "", $1); print $1, $(NF-4), $(NF-3), $(NF-2)}' | sort >"$TMP/fast.fonts"
  pdffonts "$3" | tail -n +3 | awk '{sub(/^[A-Z]{6}\+/, "", $1); print $1, $(NF-4), $(NF-3), $(NF-2)}' | sort >"$TMP/slow.fonts"
  check "$1: the same fonts, embedded, subset, with ToUnicode" cmp "$TMP/fast.fonts" "$TMP/slow.fonts"
}
for c in "$DATA/hostile/corpus.yaml" "$SP_SOURCE_DIR/content" "$DATA/scripts"; do
  n=$(basename "$c")
  "$SP" handbook -c "$c" -o "$TMP/fast.pdf" 2>/dev/null
  "$SP" handbook -c "$c" -o "$TMP/fast2.pdf" 2>/dev/null
  SP_SLOW_GLYPHID=1 "$SP" handbook -c "$c" -o "$TMP/slow.pdf" 2>/dev/null
  check "$n: the same bytes twice" cmp "$TMP/fast.pdf" "$TMP/fast2.pdf"
  same_print "$n" "$TMP/fast.pdf" "$TMP/slow.pdf"
done
"$SP" worksheet -c "$SP_SOURCE_DIR/content" --edition both -o "$TMP/wfast.pdf" 2>/dev/null
SP_SLOW_GLYPHID=1 "$SP" worksheet -c "$SP_SOURCE_DIR/content" --edition both -o "$TMP/wslow.pdf" 2>/dev/null
for e in candidate interviewer; do
  same_print "worksheet ($e)" "$TMP/wfast-$e.pdf" "$TMP/wslow-$e.pdf"
done
check "the executable exports the lookup that libharu binds to" \
  bash -c "nm -D '$SP' | grep -q ' T HPDF_TTFontDef_GetGlyphid'"
for f in HPDF_MemCpy HPDF_MemSet; do
  check "the executable exports $f, which libharu binds to" \
    bash -c "nm -D '$SP' | grep -q ' T $f\$'"
done
finish
