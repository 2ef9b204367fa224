#!/usr/bin/env bash
# cli_check_list.sh - `studypress check` and `studypress list`: exit
# codes, output format and order, selection, --seed, and inputs that must
# not hang (/dev/zero, a FIFO). Env: STUDYPRESS (binary).
set -u
bin=${STUDYPRESS:?set STUDYPRESS}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
t() { # t NAME WANT_RC CMD...: run with a 5 s timeout, check the status
	local name=$1 want=$2 rc
	shift 2
	timeout 5 "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc -ne "$want" ]; then
		echo "FAIL $name: exit $rc, expected $want"; cat "$tmp/err"; fail=1
	fi
}
same() { # same NAME EXPECTED FILE
	if [ "$2" != "$(cat "$3")" ]; then
		echo "FAIL $1:"; echo "expected: $2"; echo "got:      $(cat "$3")"; fail=1
	fi
}

mkdir -p "$tmp/c/more"
cat >"$tmp/c/a.yaml" <<'Y'
corpus: {title: Test}
roles: [{id: r1, name: One}, {id: r2, name: Two}]
categories:
  - {id: late, order: 2}
  - {id: early, order: 1}
Y
cat >"$tmp/c/b.yaml" <<'Y'
defaults: {category: late}
questions:
  - {id: q1, question: "First   question", roles: [r1], level: junior, topics: [t1]}
  - {id: q2, question: Second, roles: [r2, r1], level: senior}
  - {id: q3, question: Third, category: early, topics: [t1, t2]}
Y
cat >"$tmp/c/more/c.yaml" <<'Y'
questions:
  - {id: q4, question: Fourth, category: early, roles: [r2], level: mid}
  - {id: q5, question: Fifth, category: late}
Y
C="$tmp/c"

# check: exit codes and the summary line
t check-ok 0 "$bin" check -c "$C"
same check-summary "$C: 5 questions, 2 roles, 2 categories: ok" "$tmp/err"
printf 'questions: [{id: x, question: X, category: k}]\n' >"$tmp/bad.yaml"
t check-invalid 1 "$bin" check -c "$tmp/bad.yaml"
printf 'categories: [{id: k}]\nquestions: [{id: x, question: X, category: k, key_points: [a]}]\n' >"$tmp/warn.yaml"
t check-warning 0 "$bin" check -c "$tmp/warn.yaml"
t check-strict 1 "$bin" check -c "$tmp/warn.yaml" --strict
t check-missing 3 "$bin" check -c "$tmp/nonexistent.yaml"
t check-unknown-option 2 "$bin" check --bogus
t check-stray-arg 2 "$bin" check extra
t check-help 0 "$bin" check --help
grep -q -- '--strict' "$tmp/out" || { echo "FAIL check-help: no --strict"; fail=1; }
t list-help 0 "$bin" list --help
grep -q -- '--seed' "$tmp/out" || { echo "FAIL list-help: no --seed"; fail=1; }
if [ "$(id -u)" -ne 0 ]; then
	cp "$tmp/warn.yaml" "$tmp/noperm.yaml"; chmod 000 "$tmp/noperm.yaml"
	t check-permission 3 "$bin" check -c "$tmp/noperm.yaml"
fi
t check-dev-zero 3 "$bin" check -c /dev/zero
mkfifo "$tmp/fifo.yaml"
t check-fifo 3 "$bin" check -c "$tmp/fifo.yaml"
t list-fifo 3 "$bin" list -c "$tmp/fifo.yaml"

# list: format and corpus order (early before late, then file order)
t list-all 0 "$bin" list -c "$C"
same list-all "$(printf 'q3\tearly\t*\tThird\nq4\tearly\tr2\tFourth\nq1\tlate\tr1\tFirst question\nq2\tlate\tr2,r1\tSecond\nq5\tlate\t*\tFifth')" "$tmp/out"
ids() { cut -f1 "$tmp/out" | tr '\n' ' '; }
t list-role 0 "$bin" list -c "$C" --role r1
[ "$(ids)" = "q3 q1 q2 q5 " ] || { echo "FAIL list-role: $(ids)"; fail=1; }
t list-or 0 "$bin" list -c "$C" --level junior,mid
[ "$(ids)" = "q4 q1 " ] || { echo "FAIL list-or: $(ids)"; fail=1; }
t list-and 0 "$bin" list -c "$C" --role r2 --category late
[ "$(ids)" = "q2 q5 " ] || { echo "FAIL list-and: $(ids)"; fail=1; }
t list-topic 0 "$bin" list -c "$C" --topic t2 --topic t1
[ "$(ids)" = "q3 q1 " ] || { echo "FAIL list-topic: $(ids)"; fail=1; }
t list-only 0 "$bin" list -c "$C" --only q5,q1 --only q3
[ "$(ids)" = "q5 q1 q3 " ] || { echo "FAIL list-only: $(ids)"; fail=1; }
t list-exclude 0 "$bin" list -c "$C" --exclude q3,q4 --count 2
[ "$(ids)" = "q1 q2 " ] || { echo "FAIL list-exclude: $(ids)"; fail=1; }
t list-seed 0 "$bin" list -c "$C" --seed 12345
a=$(ids)
t list-seed-again 0 "$bin" list -c "$C" --seed 12345
[ "$a" = "$(ids)" ] || { echo "FAIL list-seed: not deterministic"; fail=1; }
[ "$(echo $a | tr ' ' '\n' | sort | tr '\n' ' ')" = "q1 q2 q3 q4 q5 " ] || { echo "FAIL list-seed: $a"; fail=1; }
t list-seed-count 0 "$bin" list -c "$C" --seed 12345 --count 2
[ "$(ids)" = "$(echo $a | cut -d' ' -f1-2) " ] || { echo "FAIL list-seed-count: $(ids)"; fail=1; }
t list-unknown-id 1 "$bin" list -c "$C" --only q1,q9
grep -q "unknown question id 'q9' (known: q3, q4, q1, q2, q5)" "$tmp/err" || { echo "FAIL list-unknown-id:"; cat "$tmp/err"; fail=1; }
t list-unknown-role 1 "$bin" list -c "$C" --role r3
grep -q "unknown role 'r3' (known: r1, r2)" "$tmp/err" || { echo "FAIL list-unknown-role"; fail=1; }
t list-bad-count 2 "$bin" list -c "$C" --count many
t list-negative-count 2 "$bin" list -c "$C" --count -1
t list-bad-seed 2 "$bin" list -c "$C" --seed 1x
t list-invalid 1 "$bin" list -c "$tmp/bad.yaml"
t list-nothing 1 "$bin" list -c "$C" --role r2 --level junior

[ $fail -eq 0 ] && echo "cli_check_list: ok"
exit $fail
