#!/usr/bin/env bash
# Issue 9: `handbook --each-role --jobs N` renders the roles in parallel
# worker processes, and the files are byte-identical to --jobs 1.
source "${SP_SOURCE_DIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

roles=$(python3 - "$SP_SOURCE_DIR/content/corpus.yaml" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
block = text.split("\nroles:", 1)[1].split("\ncategories:", 1)[0]
print(" ".join(re.findall(r"^  - id: (\S+)", block, re.M)))
PY
)
[ -n "$roles" ] || { fail "the bundled corpus names its roles"; finish; }

run() { # run JOBS DIR
  "$SP" handbook --each-role --out-dir "$2" --jobs "$1" 2>"$2.err" ||
    { cat "$2.err" >&2; return 1; }
}
check "--each-role --jobs 1 renders" run 1 "$TMP/serial"
check "--each-role --jobs 2 renders" run 2 "$TMP/par2"
check "--each-role --jobs 8 (more jobs than roles) renders" run 8 "$TMP/par8"
check "--each-role with the default --jobs renders" \
  bash -c '"$1" handbook --each-role --out-dir "$2" 2>/dev/null' _ "$SP" "$TMP/default"

for role in $roles; do
  f=handbook-$role.pdf
  check "$f: --jobs 2 is byte-identical to --jobs 1" cmp "$TMP/serial/$f" "$TMP/par2/$f"
  check "$f: --jobs 8 is byte-identical to --jobs 1" cmp "$TMP/serial/$f" "$TMP/par8/$f"
  check "$f: the default --jobs is byte-identical to --jobs 1" \
    cmp "$TMP/serial/$f" "$TMP/default/$f"
done
check "--jobs 2 writes one file per role and nothing else" \
  test "$(ls "$TMP/par2" | wc -l)" -eq "$(echo $roles | wc -w)"
check "--jobs 2 reports every file it wrote" \
  test "$(grep -c '^wrote ' "$TMP/par2.err")" -eq "$(echo $roles | wc -w)"

# bad values are usage errors (exit 2)
for bad in 0 -1 x 2x ""; do
  set +e
  "$SP" handbook --each-role --out-dir "$TMP/bad" --jobs "$bad" 2>/dev/null
  rc=$?
  set -e
  check "--jobs '$bad' is a usage error" test "$rc" -eq 2
done

# a worker's failure is the command's exit status: an output directory
# that is a file cannot be written
touch "$TMP/notadir"
set +e
"$SP" handbook --each-role --out-dir "$TMP/notadir" --jobs 2 2>/dev/null
rc=$?
set -e
check "an unwritable --out-dir fails with exit 3" test "$rc" -eq 3

finish
