#!/usr/bin/env bash
# The first layout pass of a document analyses paragraphs ahead on a
# helper thread (src/layout/frame.c); SP_NO_PREFETCH=1 turns it off. The
# PDF, the layout dump and every warning (in order) must be the same with
# and without it, for the bundled corpus, the hostile-text corpus (whose
# paragraphs warn, so the helper leaves them to the main thread) and a
# generated corpus large enough for the helper to run far ahead.
source "${SP_SOURCE_DIR}/tests/e2e/lib.sh"
python3 "$SP_SOURCE_DIR/tests/bench/gen.py" 200 --out-dir "$TMP/big" >/dev/null
for c in "$SP_SOURCE_DIR/content" "$DATA/hostile/corpus.yaml" "$TMP/big"; do
  n=$(basename "$c")
  "$SP" handbook -q -c "$c" -o "$TMP/on.pdf" --dump-layout "$TMP/on.txt" 2>"$TMP/on.err"
  on=$?
  SP_NO_PREFETCH=1 "$SP" handbook -q -c "$c" -o "$TMP/off.pdf" --dump-layout "$TMP/off.txt" 2>"$TMP/off.err"
  off=$?
  check "$n: same exit status with and without prefetch ($on, $off)" test "$on" = "$off"
  check "$n: same PDF bytes with and without prefetch" cmp "$TMP/on.pdf" "$TMP/off.pdf"
  check "$n: same layout dump with and without prefetch" cmp "$TMP/on.txt" "$TMP/off.txt"
  check "$n: same warnings, in the same order" cmp "$TMP/on.err" "$TMP/off.err"
  if [ "$n" = corpus.yaml ]; then
    check "$n warns (so the helper's rule for warning paragraphs is exercised)" \
      grep -q "has no glyph" "$TMP/on.err"
  fi
done
finish
