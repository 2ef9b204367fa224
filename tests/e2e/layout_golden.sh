#!/usr/bin/env bash
# Golden tests on layout dumps: the page model of a small corpus, as text.
# Regenerate after an intended change: SP_UPDATE_GOLDEN=1 ctest -R layout_golden
source "${SP_SOURCE_DIR}/tests/e2e/lib.sh"
G=$SP_SOURCE_DIR/tests/golden/layout
for y in "$G"/*.yaml; do
  name=$(basename "$y" .yaml)
  (cd "$G" && "$SP" handbook -c "$name.yaml" --dump-layout "$TMP/$name.dump") 2>"$TMP/err" \
    || { cat "$TMP/err"; fail "$name: renders"; continue; }
  if [ "${SP_UPDATE_GOLDEN:-}" = 1 ]; then cp "$TMP/$name.dump" "$G/$name.dump"; fi
  if diff -u "$G/$name.dump" "$TMP/$name.dump" > "$TMP/diff"; then
    pass "$name: layout dump matches"
  else
    head -40 "$TMP/diff"; fail "$name: layout dump differs"
  fi
done
finish
