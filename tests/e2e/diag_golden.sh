#!/usr/bin/env bash
# diag_golden.sh - golden diagnostics: for every tests/golden/diag/NAME.yaml
# (or NAME.d/ directory), `studypress check -c NAME.yaml` run from that
# directory must print exactly NAME.errors on stderr, exit 1 when it holds
# an error (else 0), and finish within 5 seconds. Generated cases (a file
# over the size limit, 100,000 '[') are checked too.
# Env: STUDYPRESS (binary), SP_SOURCE_DIR.
set -u
bin=${STUDYPRESS:?set STUDYPRESS}
src=${SP_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$src/tests/golden/diag" || exit 1
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# check NAME ARG EXPECTED_FILE: compare stderr and exit status
check() {
	local name=$1 arg=$2 want=$3 rc
	timeout 5 "$bin" check -c "$arg" >/dev/null 2>"$tmp/got"
	rc=$?
	if [ $rc -eq 124 ]; then
		echo "FAIL $name: timed out"; fail=1; return
	fi
	local want_rc=0
	grep -q ': error: ' "$want" && want_rc=1
	if ! diff -u "$want" "$tmp/got" >"$tmp/diff"; then
		echo "FAIL $name: stderr differs"; cat "$tmp/diff"; fail=1
	elif [ $rc -ne $want_rc ]; then
		echo "FAIL $name: exit $rc, expected $want_rc"; fail=1
	fi
}

n=0
for f in *.yaml *.d; do
	[ -e "$f" ] || continue
	name=${f%.yaml}; name=${name%.d}
	if [ ! -f "$name.errors" ]; then
		echo "FAIL $name: no $name.errors"; fail=1; continue
	fi
	check "$name" "$f" "$name.errors"
	n=$((n + 1))
done

# generated: a file over the 64 MiB limit (sparse, so it is instant)
cd "$tmp"
truncate -s 70M big.yaml
printf 'big.yaml: error: file too large (73400320 bytes; the limit is 67108864 bytes)\nbig.yaml: 1 error, 0 warnings\n' >big.errors
check file-too-large big.yaml big.errors
# generated: 100,000 '[' must be refused quickly, without deep recursion
head -c 100000 /dev/zero | tr '\0' '[' >deep.yaml
printf 'deep.yaml:1:65: error: YAML nested too deeply (the limit is 64 levels)\ndeep.yaml: 1 error, 0 warnings\n' >deep.errors
start=$(date +%s%N)
check deep-100000 deep.yaml deep.errors
ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "${SP_SANITIZE:-0}" = 1 ] || [ $ms -lt 1000 ] || { echo "FAIL deep-100000: ${ms} ms"; fail=1; }
# the billion laughs must be refused in well under a second
start=$(date +%s%N)
"$bin" check -c "$src/tests/golden/diag/alias-bomb.yaml" 2>/dev/null
ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "${SP_SANITIZE:-0}" = 1 ] || [ $ms -lt 1000 ] || { echo "FAIL alias-bomb: ${ms} ms"; fail=1; }

[ $fail -eq 0 ] && echo "diag_golden: $n cases + 2 generated: ok"
exit $fail
