#!/usr/bin/env bash
# import_errors.sh - issue 14: bad input to `studypress import`. Every
# tests/golden/import/bad/NAME.EXT (options in NAME.args) must exit 1 with
# exactly NAME.stderr on standard error, nothing on standard output, and
# with -o leave no file (and an existing one untouched). Then generated
# cases: files that cannot be read (missing, a directory, a FIFO: exit 3,
# no hang), a file over the size limit (exit 1), outputs that cannot be
# written (the input itself, a missing directory, a full device: exit 3),
# and every usage error (exit 2). SP_UPDATE_GOLDEN=1 rewrites the files.
source "${SP_SOURCE_DIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
cd "$SP_SOURCE_DIR/tests/golden/import/bad"

n=0
for f in *; do
	case $f in *.args | *.stderr) continue ;; esac
	b=${f%.*}
	ARGS=()
	[ -f "$b.args" ] && mapfile -t ARGS <"$b.args"
	rc=0
	timeout 10 "$SP" import "${ARGS[@]}" "$f" >"$TMP/out" 2>"$TMP/err" || rc=$?
	[ "${SP_UPDATE_GOLDEN:-0}" = 1 ] && cp "$TMP/err" "$b.stderr"
	check "$f: exit 1" test $rc -eq 1
	check "$f: the message" diff -u "$b.stderr" "$TMP/err"
	check "$f: nothing on standard output" test ! -s "$TMP/out"
	rc=0
	"$SP" import "${ARGS[@]}" -o "$TMP/new.yaml" "$f" 2>/dev/null || rc=$?
	check "$f: -o writes nothing" test $rc -eq 1 -a ! -e "$TMP/new.yaml"
	echo "keep me" >"$TMP/old.yaml"
	"$SP" import "${ARGS[@]}" -o "$TMP/old.yaml" "$f" 2>/dev/null || true
	check "$f: an old output stays" grep -qx "keep me" "$TMP/old.yaml"
	n=$((n + 1))
done
check "at least 15 bad inputs" test $n -ge 15
check "no temporary file left" bash -c "! ls -A '$TMP' | grep -q '^\\.'"

G=$SP_SOURCE_DIR/tests/golden/import
expect() { # expect NAME RC STDERR-PATTERN ARGS...
	local name=$1 want=$2 pat=$3 rc=0
	shift 3
	timeout 10 "$SP" import "$@" >"$TMP/out" 2>"$TMP/err" || rc=$?
	if [ $rc -ne "$want" ]; then
		fail "$name: exit $rc, expected $want"
		cat "$TMP/err" >&2
	elif ! grep -qE -- "$pat" "$TMP/err"; then
		fail "$name: no '$pat' in:"
		cat "$TMP/err" >&2
	else
		pass "$name"
	fi
}

# reading
expect "a missing file" 3 "missing.txt: error: cannot read: No such file" \
	"$TMP/missing.txt"
expect "a directory" 3 "error: cannot read: Is a directory" "$TMP"
mkfifo "$TMP/fifo.txt"
expect "a FIFO is refused at once" 3 "error: cannot read: " "$TMP/fifo.txt"
expect "a device" 3 "error: cannot read: " /dev/zero
truncate -s 17M "$TMP/big.txt"
expect "a file over 16 MiB" 1 "big.txt: error: file too large \\(the limit is 16777216 bytes\\)" \
	"$TMP/big.txt"
expect "one bad file fails the import" 1 "binary file" \
	"$G/guide-text.txt" binary-nul.txt

# writing
cp "$G/quizlet-set.txt" "$TMP/in.txt"
expect "-o the input" 3 "refusing to write '.*in.txt': it is the input file" \
	-o "$TMP/in.txt" "$TMP/in.txt"
check "the input is intact" cmp "$G/quizlet-set.txt" "$TMP/in.txt"
expect "-o in a missing directory" 3 "cannot write '.*/no/such/dir/x.yaml'" \
	-o "$TMP/no/such/dir/x.yaml" "$G/quizlet-set.txt"
if [ -w /dev/full ]; then
	rc=0
	"$SP" import "$G/quizlet-set.txt" >/dev/full 2>"$TMP/err" || rc=$?
	check "a full standard output: exit 3" test $rc -eq 3
	check "a full standard output: said" grep -q "cannot write the corpus to standard output" "$TMP/err"
fi

# usage
expect "no file" 2 "name the files to import"
expect "--from unknown" 2 "--from takes text, markdown, anki, quizlet, tsv or csv, not 'docx'" \
	--from docx x.txt
expect "--role not an id" 2 "--role takes ids .*not 'Data Scientist'" \
	--role "Data Scientist" x.txt
expect "--category not an id" 2 "--category takes an id .*not 'A B'" \
	--category "A B" x.txt
expect "--sections-as unknown" 2 "--sections-as takes categories or topics, not 'chapters'" \
	--sections-as chapters x.txt
expect "--separator two characters" 2 "--separator takes one character .*not '::'" \
	--separator :: x.txt
expect "an unknown option" 2 "unknown option" --bogus x.txt
rc=0
"$SP" import --help >"$TMP/help" || rc=$?
check "--help exits 0" test $rc -eq 0
check "--help names --sections-as" grep -q -- "--sections-as" "$TMP/help"
finish
