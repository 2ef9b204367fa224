#!/usr/bin/env bash
# src/pdf/haru.c answers libharu's glyph lookups from our tables, and
# makes its Type0 fonts without walking the whole BMP
# (haru_get_utf8_font): the PDFs must be byte-identical to the ones
# libharu's own lookup and font creation give (SP_SLOW_GLYPHID=1 turns
# both off).
source "${SP_SOURCE_DIR}/tests/e2e/lib.sh"
for c in "$DATA/hostile/corpus.yaml" "$SP_SOURCE_DIR/content" "$DATA/scripts"; do
  "$SP" handbook -c "$c" -o "$TMP/fast.pdf" 2>/dev/null
  SP_SLOW_GLYPHID=1 "$SP" handbook -c "$c" -o "$TMP/slow.pdf" 2>/dev/null
  check "$(basename "$c"): same bytes with libharu's own glyph lookup" cmp "$TMP/fast.pdf" "$TMP/slow.pdf"
done
"$SP" worksheet -c "$SP_SOURCE_DIR/content" --edition both -o "$TMP/fast.pdf" 2>/dev/null
SP_SLOW_GLYPHID=1 "$SP" worksheet -c "$SP_SOURCE_DIR/content" --edition both -o "$TMP/slow.pdf" 2>/dev/null
for e in candidate interviewer; do
  check "worksheet ($e): same bytes with libharu's own font creation" \
    cmp "$TMP/fast-$e.pdf" "$TMP/slow-$e.pdf"
done
check "the executable exports the lookup that libharu binds to" \
  bash -c "nm -D '$SP' | grep -q ' T HPDF_TTFontDef_GetGlyphid'"
for f in HPDF_MemCpy HPDF_MemSet; do
  check "the executable exports $f, which libharu binds to" \
    bash -c "nm -D '$SP' | grep -q ' T $f\$'"
done
finish
