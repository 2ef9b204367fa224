#!/usr/bin/env bash
# valgrind_memcheck.sh - issue 8: every command under valgrind memcheck on
# the bundled corpus (a subset with --count where a full render is slow):
# no invalid reads or writes, no uninitialised values, no definite or
# indirect leaks. Skipped in the ASan build (SP_SANITIZE=1), which checks
# the same and cannot run under valgrind.
source "${SP_SOURCE_DIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
if [ "${SP_SANITIZE:-0}" = 1 ]; then
	echo "valgrind_memcheck: skipped in the sanitizer build"
	exit 0
fi
command -v valgrind >/dev/null || { echo "valgrind_memcheck: valgrind is missing" >&2; exit 1; }
C=$SP_SOURCE_DIR/content

# [WANT=N] vg NAME COMMAND...: memcheck exits 99 on any error or leak;
# otherwise the command must exit WANT (default 0)
vg() {
	local name=$1 rc=0
	shift
	timeout -k 5 600 valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
		--show-leak-kinds=definite,indirect --error-exitcode=99 \
		"$@" >"$TMP/$name.out" 2>"$TMP/$name.err" || rc=$?
	if [ "$rc" -eq "${WANT:-0}" ]; then
		pass "$name"
	else
		fail "$name: exit $rc"
		grep -E '==[0-9]+==' "$TMP/$name.err" | head -n 40 >&2
	fi
}

vg check "$SP" check -c "$C"
vg check-hostile "$SP" check -c "$DATA/hostile/corpus.yaml"
vg list "$SP" list -c "$C" --role ml-engineer --seed 3
vg handbook "$SP" handbook -c "$C" --count 6 -o "$TMP/h.pdf" --dump-layout "$TMP/h.txt"
vg handbook-booklet "$SP" handbook -c "$C" --count 4 --booklet --duplex --write-in \
	--paper a5 -o "$TMP/b.pdf"
vg handbook-each-role "$SP" handbook -c "$C" --count 2 --each-role --jobs 1 --out-dir "$TMP/roles"
# forked workers (one per role) must not leak either
vg handbook-each-role-jobs "$SP" handbook -c "$C" --count 2 --each-role --jobs 2 --out-dir "$TMP/roles2"
vg cards "$SP" cards -c "$C" --count 8 -o "$TMP/c.pdf"
vg cards-fold "$SP" cards -c "$C" --count 4 --duplex fold --grid -o "$TMP/cf.pdf"
vg cards-calibration "$SP" cards --calibration -o "$TMP/cal.pdf"
if "$SP" worksheet --help >/dev/null 2>&1; then
	vg worksheet-candidate "$SP" worksheet -c "$C" --edition candidate --minutes 20 \
		--name "Ann Lee" -o "$TMP/wc.pdf"
	vg worksheet-interviewer "$SP" worksheet -c "$C" --edition interviewer --minutes 20 \
		--name "Ann Lee" -o "$TMP/wi.pdf"
	printf 'name,id\nAnn Lee,1\nBo Chen,2\n' >"$TMP/cand.csv"
	vg worksheet-batch "$SP" worksheet -c "$C" --candidates "$TMP/cand.csv" --minutes 10 \
		--out-dir "$TMP/ws" --jobs 1 --no-progress
fi
vg init "$SP" init "$TMP/starter"
WANT=3 vg init-exists "$SP" init "$TMP/starter"
printf 'name;id\nAnn Lee;1\n;\n' >"$TMP/semi.csv"
vg worksheet-batch-semicolons "$SP" worksheet -c "$C" --candidates "$TMP/semi.csv" \
	--minutes 10 --out-dir "$TMP/ws-semi" --jobs 1 --no-progress
printf 'name\nJos\xe9\n' >"$TMP/w1252.csv"
WANT=1 vg worksheet-batch-windows-1252 "$SP" worksheet -c "$C" --candidates "$TMP/w1252.csv" \
	--out-dir "$TMP/ws-1252" --jobs 1
# error paths free what they allocated too
WANT=1 vg error-selection "$SP" handbook -c "$C" --role nobody -o "$TMP/x.pdf"
WANT=3 vg error-output "$SP" handbook -c "$C" --count 1 -o /dev/full
printf 'questions: [\n' >"$TMP/broken.yaml"
WANT=1 vg error-corpus "$SP" check -c "$TMP/broken.yaml"
# issue 14: several corpora, and import from every kind of source
vg check-combined "$SP" check -c "$C" -c "$DATA/cards/corpus.yaml"
vg list-combined "$SP" list -c "$DATA/cards/corpus.yaml" -c "$C" --seed 1
I=$SP_SOURCE_DIR/tests/golden/import
for f in guide-text.txt guide-md.md anki-notes.txt quizlet-set.txt table-csv.csv \
	table-tsv.tsv; do
	vg "import-$f" "$SP" import "$I/$f" -o "$TMP/import-$f.yaml"
done
vg import-topics "$SP" import --sections-as topics --role r --category c \
	"$I/guide-roles.txt" "$I/guide-md.md"
WANT=1 vg import-error "$SP" import "$I/bad/cp1252.txt"
WANT=1 vg import-error-shape "$SP" import "$I/bad/prose.txt"
finish
