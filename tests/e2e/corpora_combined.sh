#!/usr/bin/env bash
# corpora_combined.sh - issue 14: -c repeats on every command. Corpora are
# read in order and merged: questions from all; a role or category with
# the same id is one (the first declaration wins, what it leaves out comes
# from a later one, a warning when two names differ); a question id in
# two corpora is an error naming both places; `corpus:` comes from the
# first that has it; --title and --subtitle override it. check and list
# report per corpus and in total. Tested on check, list, handbook (also
# --each-role), cards, worksheet (also a batch).
source "${SP_SOURCE_DIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
cd "$TMP"
mkdir A
cat >A/corpus.yaml <<'Y'
corpus: {title: Alpha Handbook}
roles: [{id: r1, name: Role One}]
categories:
  - {id: k1, name: Kay, order: 1}
  - {id: k2, order: 2}
questions:
  - {id: a1, question: Alpha first question?, category: k1, roles: [r1]}
  - {id: a2, question: Alpha second question?, category: k2}
Y
cat >B.yaml <<'Y'
corpus: {title: Beta Handbook}
roles: [{id: r1, name: Uno}, {id: r2, name: Role Two}]
categories:
  - {id: k1, name: Kay}
  - {id: k2, name: Kay Two, summary: Filled in by the second corpus.}
  - {id: k3, name: Kay Three, order: 3}
questions:
  - {id: b1, question: Beta first question?, category: k1, roles: [r2]}
  - {id: b2, question: Beta second question?, category: k3}
  - {id: b3, question: Beta third question?, category: k2}
Y
cat >C.yaml <<'Y'
categories: [{id: k4}, {id: k4}]
questions:
  - {id: a1, question: Again?, category: k4}
Y
run() { # run NAME WANT_RC CMD...: output in $TMP/out, $TMP/err
	local name=$1 want=$2 rc=0
	shift 2
	timeout 60 "$@" >"$TMP/out" 2>"$TMP/err" || rc=$?
	if [ $rc -ne "$want" ]; then
		fail "$name: exit $rc, expected $want"
		cat "$TMP/err" >&2
		return 1
	fi
	pass "$name"
}
same() { # same NAME EXPECTED FILE
	if [ "$2" = "$(cat "$3")" ]; then pass "$1"; else
		fail "$1"
		printf 'expected:\n%s\ngot:\n%s\n' "$2" "$(cat "$3")" >&2
	fi
}
has() { # has NAME FILE TEXT...
	local name=$1 file=$2 t
	shift 2
	for t in "$@"; do
		grep -qF -- "$t" "$file" || { fail "$name: no '$t'"; return; }
	done
	pass "$name"
}

# check
run "check: one corpus" 0 "$SP" check -c A
same "check: one corpus prints as before" \
	"A: 2 questions, 1 role, 2 categories: ok" "$TMP/err"
run "check: two corpora" 0 "$SP" check -c A -c B.yaml
same "check: per corpus and in total" \
"B.yaml:2:9: warning: role 'r1' is already declared as 'Role One' at A/corpus.yaml:2:9; that name is used, not 'Uno'
A: 2 questions, 1 role, 2 categories
B.yaml: 3 questions, 2 roles, 3 categories, 1 warning
total: 5 questions, 2 roles, 3 categories, 1 warning: ok" "$TMP/err"
run "check --strict: the warning fails" 1 "$SP" check -c A -c B.yaml --strict
run "check: a question id in two corpora" 1 "$SP" check -c A -c B.yaml -c C.yaml
has "check: both places, and a duplicate inside one corpus" "$TMP/err" \
	"C.yaml:3:5: error: duplicate question id 'a1' (first at A/corpus.yaml:7:5)" \
	"C.yaml:1:24: error: duplicate category id 'k4' (first at C.yaml:1:14)" \
	"C.yaml: 2 errors, 0 warnings" "total: 2 errors, 1 warning"
run "check: the same corpus twice" 1 "$SP" check -c A -c A
has "check: the same corpus twice names the ids" "$TMP/err" \
	"duplicate question id 'a1'"
run "check: a corpus that cannot be read" 3 "$SP" check -c A -c missing.yaml
printf 'corpus: {title: X}\n' >D1.yaml
mkdir D && cp D1.yaml D/a.yaml && cp D1.yaml D/b.yaml
run "check: corpus twice inside one corpus" 1 "$SP" check -c A -c D
has "check: corpus twice is still an error there" "$TMP/err" \
	"D/b.yaml:1:9: error: 'corpus' is given more than once (first at D/a.yaml:1:9)"
run "check: a later corpus's metadata is not an error" 0 \
	"$SP" check -c B.yaml -c A

# list
run "list: two corpora" 0 "$SP" list -c A -c B.yaml
same "list: corpus order across both" "a1 b1 a2 b3 b2" \
	<(cut -f1 "$TMP/out" | tr '\n' ' ' | sed 's/ $//')
has "list: per corpus and in total" "$TMP/err" "A: 2 questions, 2 listed" \
	"B.yaml: 3 questions, 3 listed" "total: 5 questions, 5 listed"
run "list: a selection across both" 0 "$SP" list -c A -c B.yaml --role r2
same "list: --role r2 (no roles = every role)" "b1 a2 b3 b2" \
	<(cut -f1 "$TMP/out" | tr '\n' ' ' | sed 's/ $//')
has "list: what each gave" "$TMP/err" "A: 2 questions, 1 listed" \
	"B.yaml: 3 questions, 3 listed" "total: 5 questions, 4 listed"
run "list: one corpus prints nothing on stderr" 0 "$SP" list -c A
check "list: stderr empty for one corpus" test ! -s "$TMP/err"
run "list: the other order" 0 "$SP" list -c B.yaml -c A
same "list: B first" "b1 a1 b3 a2 b2" <(cut -f1 "$TMP/out" | tr '\n' ' ' | sed 's/ $//')

# handbook
run "handbook: two corpora" 0 "$SP" handbook -c A -c B.yaml -o hb.pdf
pdftotext hb.pdf hb.txt
has "handbook: the first title, both corpora, a filled-in name" hb.txt \
	"Alpha Handbook" "Alpha first question?" "Beta third question?" \
	"Kay Two" "Filled in by the second corpus."
check "handbook: not the second title" bash -c '! grep -q "Beta Handbook" hb.txt'
run "handbook: --title and --subtitle" 0 "$SP" handbook -c A -c B.yaml \
	--title "Our Combined Book" --subtitle "Two sources" -o hb2.pdf
pdftotext hb2.pdf hb2.txt
has "handbook: the titles given" hb2.txt "Our Combined Book" "Two sources"
run "handbook: B first takes B's title" 0 "$SP" handbook -c B.yaml -c A -o hb3.pdf
pdftotext hb3.pdf hb3.txt
has "handbook: Beta" hb3.txt "Beta Handbook"
run "handbook --each-role" 0 "$SP" handbook -c A -c B.yaml --each-role \
	--out-dir roles --jobs 1
check "handbook --each-role: a handbook for B's role" test -s roles/handbook-r2.pdf
check "handbook --each-role: and for A's" test -s roles/handbook-r1.pdf
run "handbook: --title not UTF-8" 2 "$SP" handbook -c A --title $'\xff' -o x.pdf

# cards
run "cards: two corpora" 0 "$SP" cards -c A -c B.yaml -o cards.pdf
has "cards: five questions" "$TMP/err" "cards: 5 questions on 5 cards"
pdftotext cards.pdf cards.txt
has "cards: from both" cards.txt "Alpha second question?" "Beta second question?"

# worksheet, and a batch
run "worksheet: two corpora" 0 "$SP" worksheet -c A -c B.yaml --edition both \
	-o ws.pdf --title "Mock Day"
pdftotext ws-interviewer.pdf ws.txt
has "worksheet: from both" ws.txt "Alpha first question?" "Beta first question?"
printf 'name,id\nAnn Lee,1\nBo Chen,2\n' >cand.csv
run "worksheet batch: two corpora" 0 "$SP" worksheet -c A -c B.yaml \
	--candidates cand.csv --out-dir packets --jobs 1
has "worksheet batch: the manifest has questions of both" packets/manifest.csv \
	"a1" "b2"
finish
