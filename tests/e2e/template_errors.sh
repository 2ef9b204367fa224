#!/usr/bin/env bash
# Golden tests of template diagnostics: tests/golden/template/NAME.yaml
# beside NAME.errors, the exact messages (regenerate: SP_UPDATE_GOLDEN=1).
source "${SP_SOURCE_DIR}/tests/e2e/lib.sh"
G=$SP_SOURCE_DIR/tests/golden/template
cd "$G"
for y in *.yaml; do
  name=${y%.yaml}
  set +e
  timeout 10 "$SP" handbook --template "./$y" --dump-layout /dev/null --only precision-vs-recall \
    >/dev/null 2>"$TMP/$name.err"
  rc=$?
  set -e
  [ "${SP_UPDATE_GOLDEN:-}" = 1 ] && cp "$TMP/$name.err" "$name.errors"
  if [ $rc -ne 1 ]; then fail "$name: exit status $rc, want 1"; continue; fi
  if diff -u "$name.errors" "$TMP/$name.err"; then pass "$name"; else fail "$name: messages differ"; fi
done
finish
