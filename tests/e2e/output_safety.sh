#!/usr/bin/env bash
# output_safety.sh - issue 8: a render that cannot finish must say why, exit
# non-zero, leave the previous output file as it was and leave no
# temporary (.NAME.XXXXXX) or half-written file behind. Cases: unwritable
# places (/proc, /sys, a parent that is a regular file), a full disk
# (/dev/full; a file size limit reached while a big PDF is written), a
# missing parent directory, an output path equal to an
# input, an invalid corpus or a page limit over an existing file, and
# SIGINT/SIGTERM in the middle of a batch. Tests run as root, so chmod
# cannot make a directory unwritable: /proc and /sys are used instead.
source "${SP_SOURCE_DIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
C=$SP_SOURCE_DIR/tests/fuzz/seeds/fuzz_pipeline/bundled-common.yaml
GEN=$SP_SOURCE_DIR/tests/e2e/data/hostile-gen/hostile_gen.py
T=$([ "${SP_SANITIZE:-0}" = 1 ] && echo 300 || echo 120)

# no_temps DIR: nothing named like a temporary output file is left
no_temps() {
	local left
	left=$(find "$1" -name '.*.??????' 2>/dev/null)
	[ -z "$left" ] || { echo "left behind: $left" >&2; return 1; }
}

# fails_with NAME WANT_RC PATTERN COMMAND...: the command exits WANT_RC
# (or any of 1-3 when WANT_RC is '-') and its stderr matches PATTERN.
fails_with() {
	local name=$1 want=$2 pat=$3 rc=0
	shift 3
	timeout -k 5 "$T" "$@" >"$TMP/out" 2>"$TMP/err" || rc=$?
	if [ "$want" = - ] && [ "$rc" -ge 1 ] && [ "$rc" -le 3 ]; then
		want=$rc
	fi
	if [ "$rc" -ne "$want" ]; then
		fail "$name: exit $rc, expected $want"
		cat "$TMP/err" >&2
	elif ! grep -qiE -- "$pat" "$TMP/err"; then
		fail "$name: message does not match /$pat/"
		cat "$TMP/err" >&2
	elif grep -qE 'Sanitizer|runtime error:' "$TMP/err"; then
		fail "$name: sanitizer report"
		cat "$TMP/err" >&2
	else
		pass "$name (exit $rc: $(head -n1 "$TMP/err" | cut -c1-120))"
	fi
}

# Known previous outputs, rendered once.
"$SP" handbook -c "$C" --count 3 -o "$TMP/prev.pdf" 2>/dev/null
cp "$TMP/prev.pdf" "$TMP/prev.orig"
check "a previous handbook exists" pdf_ok "$TMP/prev.pdf"

# --- unwritable places ---
fails_with "/proc is unwritable" 3 'error' \
	"$SP" handbook -c "$C" --count 1 -o /proc/studypress-test.pdf
fails_with "/sys is unwritable" 3 'error' \
	"$SP" handbook -c "$C" --count 1 -o /sys/studypress-test.pdf
echo "a regular file" >"$TMP/plain"
fails_with "a parent that is a regular file" 3 'not a directory' \
	"$SP" handbook -c "$C" --count 1 -o "$TMP/plain/out.pdf"
check "the regular file is untouched" grep -qx "a regular file" "$TMP/plain"
fails_with "a missing parent directory" 3 'no such file or directory' \
	"$SP" handbook -c "$C" --count 1 -o "$TMP/missing/dir/out.pdf"
check "the missing directory was not created" test ! -e "$TMP/missing"
fails_with "--dump-layout into a missing directory" 3 'error' \
	"$SP" handbook -c "$C" --count 1 --dump-layout "$TMP/missing/d.txt"
fails_with "--out-dir under a regular file" 3 'error' \
	"$SP" handbook -c "$C" --each-role --out-dir "$TMP/plain/d"

# --- a full disk: /dev/full is written directly, as a device ---
fails_with "/dev/full: handbook" 3 'no space left on device' \
	"$SP" handbook -c "$C" --count 1 -o /dev/full
fails_with "/dev/full: cards" 3 'no space left on device' \
	"$SP" cards -c "$C" --count 1 -o /dev/full
if "$SP" worksheet --help >/dev/null 2>&1; then
	fails_with "/dev/full: worksheet" 3 'no space left on device' \
		"$SP" worksheet -c "$C" --count 1 -o /dev/full
fi
fails_with "/dev/full: --dump-layout" 3 'no space left on device' \
	"$SP" handbook -c "$C" --count 1 --dump-layout /dev/full
# --- a file system that fills while the file is written: a handbook over
# a megabyte is written into its temporary file as it is packed (a
# megabyte at a time), and a file size limit stops the second write ---
python3 "$SP_SOURCE_DIR/tests/bench/gen.py" 400 --out-dir "$TMP/c400" >/dev/null
"$SP" handbook -q -c "$TMP/c400" -o "$TMP/big.pdf"
big=$(stat -c %s "$TMP/big.pdf")
check "the 400-question handbook is over 1.2 MB ($big bytes)" test "$big" -gt 1300000
cp "$TMP/big.pdf" "$TMP/big.orig"
cp "$TMP/prev.orig" "$TMP/big.pdf"
fails_with "a file size limit while the PDF is written" 3 'file too large' \
	bash -c 'trap "" XFSZ; ulimit -f 1200; exec "$@"' - \
	"$SP" handbook -c "$TMP/c400" -o "$TMP/big.pdf"
check "the previous file is untouched" cmp -s "$TMP/big.pdf" "$TMP/prev.orig"
check "no temporary file is left" no_temps "$TMP"
"$SP" handbook -q -c "$TMP/c400" -o "$TMP/big.pdf"
check "written whole, the same bytes" cmp -s "$TMP/big.pdf" "$TMP/big.orig"
check "the file written as packed is a sound PDF" pdf_ok "$TMP/big.pdf"
# into a pipe it is held and written at once: the same bytes
"$SP" handbook -q -c "$TMP/c400" -o /dev/stdout | cat >"$TMP/held.pdf"
check "held and written at once: the same bytes" cmp -s "$TMP/held.pdf" "$TMP/big.orig"

# list writes to stdout: a full stdout must be an error, not a silent exit 0
rc=0
"$SP" list -c "$C" >/dev/full 2>"$TMP/err" || rc=$?
check "list >/dev/full exits 3 (exit $rc)" test "$rc" -eq 3
check "list >/dev/full says why" grep -qi 'no space left on device' "$TMP/err"

# --- an output path equal to an input ---
cp "$C" "$TMP/corpus.orig"
cp "$C" "$TMP/corpus.yaml"
# intact WHAT: the corpus file is as it was (then restore it for the next
# case, so that one failure does not cascade)
intact() {
	check "the corpus file is intact ($1)" cmp -s "$TMP/corpus.yaml" "$TMP/corpus.orig"
	cp "$TMP/corpus.orig" "$TMP/corpus.yaml"
}
fails_with "-o equal to the corpus file" 3 'error' \
	"$SP" handbook -c "$TMP/corpus.yaml" -o "$TMP/corpus.yaml"
intact "-o"
ln -sf corpus.yaml "$TMP/link.pdf"
fails_with "-o a symlink to the corpus file" 3 'error' \
	"$SP" handbook -c "$TMP/corpus.yaml" -o "$TMP/link.pdf"
intact symlink
fails_with "cards -o equal to the corpus file" 3 'error' \
	"$SP" cards -c "$TMP/corpus.yaml" -o "$TMP/corpus.yaml"
intact cards
cp "$SP_SOURCE_DIR/templates/default.yaml" "$TMP/tpl.yaml"
cp "$TMP/tpl.yaml" "$TMP/tpl.orig"
fails_with "-o equal to the template file" 3 'error' \
	"$SP" handbook -c "$C" --count 1 --template "$TMP/tpl.yaml" -o "$TMP/tpl.yaml"
check "the template file is intact" cmp -s "$TMP/tpl.yaml" "$TMP/tpl.orig"
fails_with "--dump-layout equal to the corpus file" 3 'error' \
	"$SP" handbook -c "$TMP/corpus.yaml" --dump-layout "$TMP/corpus.yaml"
intact --dump-layout
mkdir -p "$TMP/cdir"
cp "$C" "$TMP/cdir/a.yaml"
cp "$C" "$TMP/cdir/a.orig"
fails_with "-o equal to a file inside the corpus directory" 3 'error' \
	"$SP" handbook -c "$TMP/cdir" -o "$TMP/cdir/a.yaml"
check "the corpus directory's file is intact" cmp -s "$TMP/cdir/a.yaml" "$TMP/cdir/a.orig"
if "$SP" worksheet --help >/dev/null 2>&1; then
	printf 'name,id\nAnn Lee,1\n' >"$TMP/cand.csv"
	cp "$TMP/cand.csv" "$TMP/cand.orig"
	fails_with "worksheet -o equal to the corpus file" 3 'error' \
		"$SP" worksheet -c "$TMP/corpus.yaml" --count 1 -o "$TMP/corpus.yaml"
	intact worksheet
fi

# --- a failed render over an existing file leaves it as it was ---
printf 'questions: [\n' >"$TMP/broken.yaml"
fails_with "an invalid corpus over an existing PDF" 1 'error' \
	"$SP" handbook -c "$TMP/broken.yaml" -o "$TMP/prev.pdf"
check "the previous PDF is intact (invalid corpus)" cmp -s "$TMP/prev.pdf" "$TMP/prev.orig"
fails_with "--max-pages over an existing PDF" 1 'pages' \
	"$SP" handbook -c "$C" --max-pages 2 -o "$TMP/prev.pdf"
check "the previous PDF is intact (page limit)" cmp -s "$TMP/prev.pdf" "$TMP/prev.orig"
fails_with "an unknown template over an existing PDF" - 'error' \
	"$SP" handbook -c "$C" --template "$TMP/no-such.yaml" -o "$TMP/prev.pdf"
check "the previous PDF is intact (template)" cmp -s "$TMP/prev.pdf" "$TMP/prev.orig"
fails_with "an unknown selection over an existing PDF" 1 'error' \
	"$SP" handbook -c "$C" --role no-such-role -o "$TMP/prev.pdf"
check "the previous PDF is intact (selection)" cmp -s "$TMP/prev.pdf" "$TMP/prev.orig"
check "no temporary files in the work directory" no_temps "$TMP"

# --- SIGTERM / SIGINT in the middle of a batch ---
# interrupt SIGNAL READY COMMAND...: run the command in its own process
# group, wait until the shell function READY says it is under way (or it
# has ended), send SIGNAL to the whole group (as a terminal's ^C does),
# wait for every process of the group; sets irc.
interrupt() {
	local sig=$1 ready=$2
	shift 2
	# with job control on, the job gets its own process group (set by
	# the shell before the command runs: no race) and SIGINT is not
	# ignored as it is for background jobs of a non-interactive shell
	set -m
	"$@" >"$TMP/int.out" 2>"$TMP/int.err" &
	set +m
	int_pid=$!
	wait_for "$T" under_way "$ready" || echo "interrupt: $ready never happened" >&2
	kill "-$sig" -- "-$int_pid" 2>/dev/null || true
	irc=0
	wait "$int_pid" || irc=$?
	wait_for 30 group_gone # workers that outlive the parent
}
under_way() { "$1" || ! kill -0 "$int_pid" 2>/dev/null; }
group_gone() { ! kill -0 -- "-$int_pid" 2>/dev/null; }
# READY conditions: a phase reached in the middle of a render (SP_TIMING
# marks on stderr), or the first packet of a batch written
laying_out() { grep -q '^timing: layout pass 1' "$TMP/int.err"; }
first_packet() { compgen -G "$TMP/ws/candidate-*.pdf" >/dev/null; }

python3 "$GEN" many-questions "$TMP/big.yaml"
mkdir "$TMP/roles"
"$SP" handbook -c "$C" --count 2 --each-role --out-dir "$TMP/roles" 2>/dev/null
for f in "$TMP"/roles/*.pdf; do cp "$f" "$f.orig"; done
check "each-role wrote the previous handbooks" test -n "$(ls "$TMP"/roles/*.pdf 2>/dev/null)"
for sig in TERM INT; do
	check "handbook --each-role: SIG$sig ends every process" \
		interrupt "$sig" laying_out env SP_TIMING=1 "$SP" handbook -c "$TMP/big.yaml" \
		--each-role --out-dir "$TMP/roles"
	check "handbook --each-role: SIG$sig gives a non-zero exit (exit $irc)" test "$irc" -ne 0
	check "handbook --each-role: SIG$sig leaves no temporary file" no_temps "$TMP/roles"
	intact=1
	for f in "$TMP"/roles/*.pdf; do
		# each file is the previous one or a complete new PDF
		cmp -s "$f" "$f.orig" 2>/dev/null || qpdf --check "$f" >/dev/null 2>&1 || intact=0
	done
	check "handbook --each-role: SIG$sig leaves every handbook whole" test "$intact" = 1
done
cp "$TMP/prev.orig" "$TMP/prev.pdf"
check "handbook -o: SIGTERM ends it" \
	interrupt TERM laying_out env SP_TIMING=1 "$SP" handbook -c "$TMP/big.yaml" -o "$TMP/prev.pdf"
check "handbook -o: SIGTERM gives a non-zero exit (exit $irc)" test "$irc" -ne 0
check "handbook -o: the previous PDF is intact after SIGTERM" cmp -s "$TMP/prev.pdf" "$TMP/prev.orig"
check "handbook -o: no temporary file after SIGTERM" no_temps "$TMP"

if "$SP" worksheet --help >/dev/null 2>&1; then
	{
		echo "name,id"
		for i in $(seq 1 1500); do echo "Candidate $i,$i"; done
	} >"$TMP/cands.csv"
	mkdir "$TMP/ws"
	echo "keep me" >"$TMP/ws/keep.pdf"
	for sig in INT TERM; do
		rm -f "$TMP"/ws/candidate-*.pdf # wait for this run's first packet
		check "worksheet batch: SIG$sig ends every process" \
			interrupt "$sig" first_packet "$SP" worksheet -c "$C" --candidates "$TMP/cands.csv" \
			--out-dir "$TMP/ws" --jobs 2 --no-progress
		check "worksheet batch: SIG$sig gives a non-zero exit (exit $irc)" test "$irc" -ne 0
		check "worksheet batch: SIG$sig says it was interrupted" test -s "$TMP/int.err"
		check "worksheet batch: SIG$sig leaves no temporary file" no_temps "$TMP/ws"
		check "worksheet batch: SIG$sig leaves other files alone" grep -qx "keep me" "$TMP/ws/keep.pdf"
		bad=0
		for f in "$TMP"/ws/candidate-*.pdf; do
			[ -e "$f" ] || continue
			qpdf --check "$f" >/dev/null 2>&1 || { echo "half-written: $f" >&2; bad=1; }
		done
		check "worksheet batch: SIG$sig leaves no half-written PDF" test "$bad" = 0
	done
fi
finish
