#!/usr/bin/env bash
# The program starts itself again with glibc's huge pages for the heap
# (src/cli/hugepages.c) unless GLIBC_TUNABLES or SP_NO_HUGE_PAGES is set.
# What it writes must not depend on it: the same PDF bytes, the same
# messages and exit status, with and without. And the second start must
# really happen: where the kernel gives huge pages only to the memory that
# asks for them (transparent_hugepage "madvise", as on the CI machine), a run
# with them faults in far fewer pages than one without.
source "${SP_SOURCE_DIR}/tests/e2e/lib.sh"
python3 "$SP_SOURCE_DIR/tests/bench/gen.py" 200 --out-dir "$TMP/big" >/dev/null

run() { # run TAG ENV... -- ARGS...: output in $TMP/TAG.{pdf,err,rc}
  local tag=$1; shift
  local envs=()
  while [ "$1" != -- ]; do envs+=("$1"); shift; done
  shift
  set +e # the same output name each time: the messages name it
  rm -f "$TMP/out.pdf"
  env "${envs[@]}" "$SP" "$@" -o "$TMP/out.pdf" 2>"$TMP/$tag.err"
  echo $? >"$TMP/$tag.rc"
  set -e
  if [ -f "$TMP/out.pdf" ]; then mv "$TMP/out.pdf" "$TMP/$tag.pdf"; else : >"$TMP/$tag.pdf"; fi
}
for c in "$TMP/big" "$DATA/hostile/corpus.yaml"; do
  n=$(basename "$c")
  run on SP_HUGE=on -- handbook -c "$c"
  run off SP_NO_HUGE_PAGES=1 -- handbook -c "$c"
  run user GLIBC_TUNABLES=glibc.malloc.hugetlb=0 -- handbook -c "$c"
  for other in off user; do
    check "$n: same exit status ($other)" cmp "$TMP/on.rc" "$TMP/$other.rc"
    check "$n: same PDF bytes ($other)" cmp "$TMP/on.pdf" "$TMP/$other.pdf"
    check "$n: same messages ($other)" cmp "$TMP/on.err" "$TMP/$other.err"
  done
done
# a bad input: the same error and exit status from the second start
run bad SP_HUGE=on -- handbook -c "$TMP/missing-dir"
run badoff SP_NO_HUGE_PAGES=1 -- handbook -c "$TMP/missing-dir"
check "missing corpus: same exit status (non-zero)" \
  bash -c "cmp -s '$TMP/bad.rc' '$TMP/badoff.rc' && [ \"\$(cat '$TMP/bad.rc')\" != 0 ]"
check "missing corpus: same message" cmp "$TMP/bad.err" "$TMP/badoff.err"

# page faults of a run (minor faults of the child, from getrusage)
faults() {
  python3 - "$@" <<'PY'
import os, resource, subprocess, sys
env = dict(os.environ)
for kv in sys.argv[1].split(",") if sys.argv[1] else []:
    k, v = kv.split("=", 1)
    env[k] = v
subprocess.run(sys.argv[2:], env=env, check=True,
               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_minflt)
PY
}
thp=$(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null || echo none)
if [ "${SP_SANITIZE:-0}" = 1 ] || [ "${SP_SANITIZE:-}" = ON ]; then
  echo "skip: the fault count (an AddressSanitizer build does not start again)"
elif [[ "$thp" != *"[madvise]"* ]]; then
  echo "skip: the fault count (transparent huge pages: $thp)"
else
  with=$(faults "" "$SP" handbook -q -c "$TMP/big" -o "$TMP/f1.pdf")
  without=$(faults SP_NO_HUGE_PAGES=1 "$SP" handbook -q -c "$TMP/big" -o "$TMP/f2.pdf")
  check "huge pages: $with page faults against $without without (< half)" \
    test $((with * 2)) -lt "$without"
fi
finish
