#!/usr/bin/env bash
# src/pdf/haru.c answers libharu's glyph lookups from our tables: the
# PDFs must be byte-identical to the ones libharu's own lookup gives
# (SP_SLOW_GLYPHID=1 turns the fast path off).
source "${SP_SOURCE_DIR}/tests/e2e/lib.sh"
for c in "$DATA/hostile/corpus.yaml" "$SP_SOURCE_DIR/content"; do
  "$SP" handbook -c "$c" -o "$TMP/fast.pdf" 2>/dev/null
  SP_SLOW_GLYPHID=1 "$SP" handbook -c "$c" -o "$TMP/slow.pdf" 2>/dev/null
  check "$(basename "$c"): same bytes with libharu's own glyph lookup" cmp "$TMP/fast.pdf" "$TMP/slow.pdf"
done
check "the executable exports the lookup that libharu binds to" \
  bash -c "nm -D '$SP' | grep -q ' T HPDF_TTFontDef_GetGlyphid'"
finish
