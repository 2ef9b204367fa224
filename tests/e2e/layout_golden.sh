#!/usr/bin/env bash
# Golden tests on layout dumps: the page model of each small corpus of
# tests/golden/layout/, as text, for every product: NAME.dump (handbook),
# NAME.cards.dump (flashcards, a4-8, duplex long-edge, with the card boxes)
# and NAME.worksheet-candidate.dump / NAME.worksheet-interviewer.dump (the
# two worksheet editions).
# Regenerate after an intended change: SP_UPDATE_GOLDEN=1 ctest -R layout_golden
source "${SP_SOURCE_DIR}/tests/e2e/lib.sh"
G=$SP_SOURCE_DIR/tests/golden/layout

# golden NAME DUMP: compare (or with SP_UPDATE_GOLDEN=1 replace) one dump
golden() {
  local name=$1 dump=$2
  if [ "${SP_UPDATE_GOLDEN:-}" = 1 ]; then cp "$TMP/$dump" "$G/$dump"; fi
  if diff -u "$G/$dump" "$TMP/$dump" > "$TMP/diff"; then
    pass "$name: $dump matches"
  else
    head -40 "$TMP/diff"; fail "$name: $dump differs"
  fi
}

for y in "$G"/*.yaml; do
  name=$(basename "$y" .yaml)
  if (cd "$G" && "$SP" handbook -c "$name.yaml" --dump-layout "$TMP/$name.dump") 2>"$TMP/err"; then
    golden "$name" "$name.dump"
  else
    cat "$TMP/err"; fail "$name: the handbook renders"
  fi
  if (cd "$G" && "$SP" cards -c "$name.yaml" --dump-layout "$TMP/$name.cards.dump") 2>"$TMP/err"; then
    golden "$name" "$name.cards.dump"
  else
    cat "$TMP/err"; fail "$name: the cards render"
  fi
  if (cd "$G" && "$SP" worksheet -c "$name.yaml" --edition both \
      --dump-layout "$TMP/$name.worksheet.dump") 2>"$TMP/err"; then
    golden "$name" "$name.worksheet-candidate.dump"
    golden "$name" "$name.worksheet-interviewer.dump"
  else
    cat "$TMP/err"; fail "$name: the worksheets render"
  fi
done
finish
