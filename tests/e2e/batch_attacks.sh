#!/usr/bin/env bash
# batch_attacks.sh - issue 18: a worksheet batch run on strangers' files
# into a directory strangers can write to. Planted symbolic links (out of
# DIR, onto each input, onto the manifest and the lock), a hard link to
# an input, FIFOs (-o and planted in DIR, with a timeout and SIGINT),
# formula cells through --exclude-from and --merge-manifests, control
# characters through --progress on a pty (script), two runs into one
# directory, a killed worker, a full disk (RLIMIT_FSIZE, and a small
# tmpfs when mount works), a huge --merge-manifests, an oversized CSV
# and running out of memory. Every case is a small batch.
source "${SP_SOURCE_DIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
T=$([ "${SP_SANITIZE:-0}" = 1 ] && echo 120 || echo 30)
cd "$TMP"
cp "$SP_SOURCE_DIR/tests/fuzz/seeds/fuzz_pipeline/bundled-common.yaml" corpus.yaml
cp "$SP_SOURCE_DIR/templates/default.yaml" tpl.yaml
printf 'name,id,role\nJane Doe,17,\nBob Roe,18,\n' >c.csv
ws() { timeout -k 5 "$T" "$SP" worksheet -c corpus.yaml --template ./tpl.yaml \
	--count 1 --jobs 1 --no-progress "$@"; }
# rc_of VAR COMMAND...: run, keep the exit status in VAR, stderr in err
rc_of() {
	local var=$1
	shift
	set +e
	"$@" >out 2>err
	printf -v "$var" %d $?
	set -e
}
sums() { sha256sum corpus.yaml tpl.yaml c.csv outside.txt 2>/dev/null; }
echo "outside, not ours" >outside.txt
sums >before.sum
mkdir pristine && cp corpus.yaml tpl.yaml c.csv outside.txt pristine/
# intact, or else restored so that the cases after it still run
inputs_intact() {
	sums | cmp -s - before.sum && return 0
	cp pristine/* .
	return 1
}
no_temps() {
	local left
	left=$(find "$1" -name '.*.??????' 2>/dev/null)
	[ -z "$left" ] || { echo "left behind: $left" >&2; return 1; }
}

# --- planted symbolic links ---
plant_link() { # DIR NAME TARGET: a fresh DIR with NAME -> TARGET
	rm -rf "$1"
	mkdir "$1"
	ln -s "$3" "$1/$2"
}
for target in outside.txt corpus.yaml tpl.yaml c.csv; do
	plant_link d jane-doe-17-candidate.pdf "$TMP/$target"
	rc_of rc ws --candidates c.csv --out-dir d
	check "link in DIR onto $target: refused (exit $rc)" \
		sh -c "test $rc -eq 3 && grep -q 'refusing to write .d/jane-doe-17-candidate.pdf.: it is a symbolic link' err"
	check "... $target untouched" inputs_intact
	check "... the link is still a link" test -L d/jane-doe-17-candidate.pdf
	check "... and its pair was not written alone" \
		test ! -e d/jane-doe-17-interviewer.pdf
	check "... no temporary file" no_temps d
done
ws --candidates c.csv --out-dir m1 2>/dev/null || true
cp m1/manifest.csv prev-manifest.csv
sums >before.sum
plant_link d jane-doe-17-interviewer.pdf "$TMP/prev-manifest.csv"
cp prev-manifest.csv pm.orig
rc_of rc ws --candidates c.csv --out-dir d --exclude-from prev-manifest.csv
check "link onto the --exclude-from manifest: refused (exit $rc)" \
	sh -c "test $rc -eq 3 && cmp -s prev-manifest.csv pm.orig"
plant_link d manifest.csv "$TMP/outside.txt"
rc_of rc ws --candidates c.csv --out-dir d
check "link planted as manifest.csv: refused (exit $rc), outside untouched" \
	sh -c "test $rc -eq 3 && grep -q 'manifest.csv.: it is a symbolic link' err" 
check "... outside.txt untouched" inputs_intact
plant_link d .studypress.lock "$TMP/outside.txt"
rc_of rc ws --candidates c.csv --out-dir d
check "link planted as the lock file: refused (exit $rc)" \
	sh -c "test $rc -eq 3 && grep -q 'studypress.lock.: it is a symbolic link' err"
check "... outside.txt untouched" inputs_intact
mkdir -p elsewhere
plant_link d jane-doe-17-candidate.pdf "$TMP/elsewhere"
rc_of rc ws --candidates c.csv --out-dir d
check "link in DIR to a directory outside: refused (exit $rc)" \
	sh -c "test $rc -eq 3 && test -z \"\$(ls elsewhere)\""
rm -rf d && mkdir d && ln c.csv d/jane-doe-17-candidate.pdf
rc_of rc ws --candidates c.csv --out-dir d
check "hard link in DIR to the CSV: refused (exit $rc)" \
	sh -c "test $rc -eq 3 && grep -q 'it is the input file .c.csv.' err"
check "... the CSV untouched" inputs_intact
# links the user made: DIR itself, and -o through a link (not onto an input)
mkdir -p real && rm -rf viaalink && ln -s real viaalink
rc_of rc ws --candidates c.csv --out-dir viaalink
check "--out-dir that is the user's own link to a directory: written (exit $rc)" \
	sh -c "test $rc -eq 0 && test -f real/bob-roe-18-interviewer.pdf"
ln -sf corpus.yaml onto-corpus.pdf
rc_of rc timeout "$T" "$SP" worksheet -c corpus.yaml --count 1 -o onto-corpus.pdf
check "-o through a link onto the corpus: refused (exit $rc)" \
	sh -c "test $rc -eq 3 && grep -q 'it is the input file' err"
check "... the corpus untouched" inputs_intact

# --- FIFOs ---
mkfifo fifo.pdf
rc_of rc timeout -k 2 10 "$SP" worksheet -c corpus.yaml --count 1 -o fifo.pdf
check "-o onto a FIFO nobody reads: exit 3, no hang (exit $rc)" \
	sh -c "test $rc -eq 3 && grep -q 'FIFO that no process is reading' err"
rm -rf d && mkdir d && mkfifo d/bob-roe-18-candidate.pdf
set +e
ws --candidates c.csv --out-dir d 2>err &
pid=$!
if ! wait_for 10 sh -c "! kill -0 $pid 2>/dev/null"; then
	kill -INT "$pid" 2>/dev/null
	wait_for 5 sh -c "! kill -0 $pid 2>/dev/null" || kill -KILL "$pid"
	fail "a FIFO planted in DIR hangs the batch (SIGINT sent)"
fi
wait "$pid"
rc=$?
set -e
check "a FIFO planted in DIR: refused without hanging (exit $rc)" \
	sh -c "test $rc -eq 3 && grep -q 'bob-roe-18-candidate.pdf.: it is not a regular file' err"
check "... the other row's packet is written" test -f d/jane-doe-17-interviewer.pdf
check "... the FIFO is still a FIFO" test -p d/bob-roe-18-candidate.pdf

# --- formula injection, round-tripped ---
cat >evil.csv <<'EOF'
name,id,role
"=HYPERLINK(""http://x.invalid"",""a"")",=1+1,
+Plus Sign,+7,
-Minus Sign,-8,
@Sum Thing,@9,@role
'Quote First,'10,
EOF
rc_of rc ws --candidates evil.csv --out-dir inj
check "formula cells: the batch runs (exit $rc)" test "$rc" -eq 0
bad=$(python3 - inj/manifest.csv <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))[1:]
bad = [c for r in rows for c in (r[1], r[2], r[3], r[6]) if c and c[0] in "=+-@\t\r"]
print(len(rows) != 5 and "rows" or "|".join(bad))
EOF
)
check "no manifest cell starts with = + - @ (${bad:-none})" test -z "$bad"
check "... each is neutralised with a leading '" \
	sh -c "grep -q \"^1,\\\"'=HYPERLINK\" inj/manifest.csv && grep -q \"^4,'@Sum Thing,'@9,'@role,\" inj/manifest.csv && grep -q \"^5,''Quote First,''10,\" inj/manifest.csv"
rc_of rc ws --candidates evil.csv --out-dir inj2 --exclude-from inj/manifest.csv
check "--exclude-from reads the neutralised cells back (exit $rc)" test "$rc" -eq 0
same=$(python3 - inj/manifest.csv inj2/manifest.csv <<'EOF'
import csv, sys
a, b = ([r for r in csv.reader(open(p, newline=""))][1:] for p in sys.argv[1:])
print(sum(1 for x, y in zip(a, b) if set(x[6].split()) & set(y[6].split())))
EOF
)
check "... every candidate's earlier question is excluded ($same repeated)" test "$same" -eq 0
ws --candidates evil.csv --out-dir injs --shard 1/2 2>/dev/null || true
ws --candidates evil.csv --out-dir injs --shard 2/2 2>/dev/null || true
rc_of rc timeout "$T" "$SP" worksheet --merge-manifests 2 --out-dir injs
check "--merge-manifests keeps the neutralised cells byte for byte" \
	sh -c "test $rc -eq 0 && cmp -s injs/manifest.csv inj/manifest.csv"

# --- control characters on a terminal (script gives a pty) ---
printf 'name,id\n"\033]0;pwned\007\033[2JEvil\001Name",1\nPlain,2\n' >ctl.csv
# (and enough plain rows that the batch runs past the 0.05 s after which
# a rate is told)
for i in $(seq 3 32); do echo "Plain $i,$i"; done >>ctl.csv
script -qec "$SP worksheet -c corpus.yaml --count 1 --jobs 1 --progress --candidates ctl.csv --out-dir ctl" tty.log >/dev/null 2>&1 || true
check "progress on a pty: no title or clear-screen sequence from a name" \
	python3 -c "import sys; t=open('tty.log','rb').read(); sys.exit(b'pwned' not in t or any(x in t for x in (b'\x1b]0;', b'\x1b[2J', b'\x07')))"
check "... the progress line shows a rate and the time left" grep -q '/s, [0-9]*:[0-9][0-9] left' tty.log
check "... and the batch ends with its summary" \
	grep -q 'wrote 32 packets (64 PDFs) and manifest.csv into ctl/' tty.log
check "-q: a batch without its summary line" sh -c \
	"'$SP' worksheet -q -c corpus.yaml --count 1 --jobs 1 --candidates ctl.csv --out-dir ctlq 2>q.err && ! grep -q wrote q.err"
check "no C0 or C1 control character in the manifest" \
	python3 -c "import sys; t=open('ctl/manifest.csv',encoding='utf-8').read(); sys.exit(any((ord(c)<32 and c!='\n') or 127<=ord(c)<160 for c in t))"
check "... the name is there without them" grep -q '^1,\]0;pwned\[2JEvilName,1,' ctl/manifest.csv

# --- two runs into one directory ---
# another process holds the directory's lock (a POSIX lock on the whole
# lock file conflicts with the batch's own)
cat >hold.py <<'EOF'
import fcntl, os, sys, time
d = sys.argv[1]
fd = os.open(d + "/.studypress.lock", os.O_RDWR | os.O_CREAT)
if sys.argv[2] == "whole":
	fcntl.lockf(fd, fcntl.LOCK_EX)
else: # shard 1 of a run: byte 0 shared, byte 1 exclusive
	fcntl.lockf(fd, fcntl.LOCK_SH, 1, 0)
	fcntl.lockf(fd, fcntl.LOCK_EX, 1, 1)
open(d + "/held." + sys.argv[2], "w").close()
time.sleep(30)
EOF
holdlock() { # MODE: python holds two/.studypress.lock
	"$([ -x /usr/bin/python3 ] && echo /usr/bin/python3 || command -v python3)" hold.py "$TMP/two" "$1" </dev/null &
	hold=$!
	wait_for 10 test -e "two/held.$1"
}
mkdir -p two
holdlock whole
rc_of rc ws --candidates c.csv --out-dir two --seed 5
check "a second batch into a locked directory is refused (exit $rc)" \
	sh -c "test $rc -eq 3 && grep -q 'another batch is writing into .two.' err"
check "... and writes nothing" test -z "$(ls two/*.pdf 2>/dev/null)"
kill "$hold" 2>/dev/null || true
wait "$hold" 2>/dev/null || true
holdlock shard
rc_of rc ws --candidates c.csv --out-dir two --shard 2/2
check "shard 2/2 beside a running shard 1/2 is allowed (exit $rc)" test "$rc" -eq 0
rc_of rc ws --candidates c.csv --out-dir two --shard 1/2
check "a second shard 1/2 is refused (exit $rc)" \
	sh -c "test $rc -eq 3 && grep -q 'another run of shard 1/2' err"
rc_of rc ws --candidates c.csv --out-dir two
check "a whole run beside a shard is refused (exit $rc)" test "$rc" -eq 3
kill "$hold" 2>/dev/null || true
wait "$hold" 2>/dev/null || true
# and two real runs at once: the first is stopped (SIGSTOP, its lock
# held) once it has written a packet, while the second runs, so that
# they overlap however fast a batch is (enough rows that the killed
# worker below has work left: 40 took a quarter of a second)
nmany=100
{ echo name,id; for i in $(seq 1 $nmany); do echo "P $i,$i"; done; } >many.csv
set +e
ws --candidates many.csv --out-dir race --seed 1 2>race1.err &
p1=$!
wait_for 20 sh -c 'ls race/*.pdf >/dev/null 2>&1 || ! kill -0 '$p1' 2>/dev/null'
first=$(pgrep -f -- '--out-dir race --seed 1' || true)
alive=0
[ -z "$first" ] || { kill -STOP $first 2>/dev/null && alive=1; }
ws --candidates many.csv --out-dir race --seed 2 2>race2.err
r2=$?
[ -z "$first" ] || kill -CONT $first 2>/dev/null
wait "$p1"
r1=$?
set -e
check "two concurrent batches: the first finishes ($r1), the second is refused ($r2; first still running: $alive)" \
	sh -c "test $r1 -eq 0 && { test $alive -eq 0 || test $r2 -eq 3; }"
check "... the manifest and every packet come from the first run" \
	python3 "$DATA/worksheet/check.py" manifest race

# --- a killed worker ---
set +e
timeout -k 5 "$T" "$SP" worksheet -c corpus.yaml --count 1 --jobs 2 --no-progress \
	--candidates many.csv --out-dir kw 2>kw.err &
pid=$!
wait_for 20 sh -c 'ls kw/*.pdf >/dev/null 2>&1 || ! kill -0 '$pid' 2>/dev/null'
victim=$(pgrep -P "$(pgrep -P "$pid" | head -n1)" | head -n1 || true)
[ -n "$victim" ] || victim=$(pgrep -P "$pid" | tail -n1 || true)
[ -z "$victim" ] || kill -KILL "$victim"
wait "$pid"
rc=$?
set -e
check "a killed worker: exit 1 and a message naming the signal (exit $rc)" \
	sh -c "test $rc -eq 1 && grep -qE 'died \(signal 9|worker process died between packets' kw.err"
check "... every row is in the manifest, written or marked 'not written'" \
	test "$(tail -n +2 kw/manifest.csv | wc -l)" -eq "$nmany"
check "... and no temporary file of the killed worker is left" no_temps kw
check "... a row marked 'not written' has no packet" python3 - <<'EOF'
import csv, os, sys
for r in list(csv.reader(open("kw/manifest.csv", newline="")))[1:]:
	if r[5] == "not written" and any(os.path.exists("kw/p-%s-%s-%s.pdf" % (r[2], r[2], e)) for e in ("candidate", "interviewer")):
		sys.exit(1)
EOF

# --- a full disk: packets are pairs ---
{ echo name,id; for i in 1 2 3; do echo "Q $i,$i"; done; } >three.csv
one=$(stat -c %s m1/jane-doe-17-candidate.pdf 2>/dev/null || echo 90000)
set +e
(trap '' XFSZ; exec prlimit --fsize=$((one + 4096)) "$SP" worksheet -c corpus.yaml \
	--count 1 --jobs 1 --no-progress --template ./tpl.yaml --candidates three.csv --out-dir full) 2>err
rc=$?
set -e
check "a file size limit: exit 3 with a message (exit $rc)" \
	sh -c "test $rc -eq 3 && grep -qi 'file too large' err"
halves=$(cd full 2>/dev/null || exit 0; for f in *-candidate.pdf; do [ -e "$f" ] || continue
	[ -e "${f%-candidate.pdf}-interviewer.pdf" ] || echo "$f"; done)
check "... no candidate PDF without its interviewer PDF (${halves:-none})" test -z "$halves"
check "... no temporary file" no_temps full
mkdir -p small
inter=$(stat -c %s m1/jane-doe-17-interviewer.pdf 2>/dev/null || echo 110000)
# room for one packet and a half
if mount -t tmpfs -o size=$(((2 * one + inter + 12288) / 1024))k tmpfs small 2>/dev/null; then
	rc_of rc ws --candidates three.csv --out-dir small/out
	halves=$(cd small/out 2>/dev/null || exit 0; for f in *-candidate.pdf; do [ -e "$f" ] || continue
		[ -e "${f%-candidate.pdf}-interviewer.pdf" ] || echo "$f"; done)
	check "a full tmpfs: exit 3, no half packet (${halves:-none}), no temporary" \
		sh -c "test $rc -eq 3 && grep -qi 'no space left' err && test -z '$halves' && test -z \"\$(find small -name '.*.??????')\""
	umount small
else
	echo "skip: no tmpfs (mount not permitted)"
fi

# --- sizes ---
# ASan reserves terabytes of address space: no --as limits there
asan() { [ "${SP_SANITIZE:-0}" = 1 ]; }
AS=(prlimit --as=1000000000 --)
! asan || AS=()
rc_of rc timeout -k 2 "$T" "${AS[@]}" "$SP" worksheet --merge-manifests 1000000000 --out-dir two
check "--merge-manifests 1000000000 stops at the first missing shard (exit $rc)" \
	sh -c "test $rc -eq 3 && grep -q 'manifest-1-of-1000000000.csv' err && test \$(grep -c error err) -eq 1"
truncate -s 80M huge.csv
rc_of rc ws --candidates huge.csv --out-dir hc
check "a CSV over the size limit is refused (exit $rc)" \
	sh -c "test $rc -eq 3 && grep -q 'huge.csv.: file too large' err"
# cards that do not fit the template's sheet: reported at the template's line
{ grep -v '^cards:' tpl.yaml; printf 'cards:\n  card: {width: 300mm, height: 200mm, columns: 2, rows: 2}\n'; } >cards-big.yaml
rc_of rc timeout "$T" "$SP" cards -c corpus.yaml --count 2 --template ./cards-big.yaml -o cards.pdf
check "cards too big for the sheet: the template's line (exit $rc)" \
	sh -c "test $rc -eq 1 && grep -q '^./cards-big.yaml:[0-9]*:[0-9]*: error: card layout .custom.: the cards do not fit' err"
# a glyph no font has, in a row: reported at the row's line
printf 'name,id\nJane \340\274\200 Doe,1\nBob,2\n' >glyph.csv
rc_of rc ws --candidates glyph.csv --out-dir gl
check "a glyph warning in a batch names the row's line (exit $rc)" \
	sh -c "test $rc -eq 0 && grep -q '^glyph.csv:2: warning: character U+0F00' err"
# a paper no PDF reader takes: the template's line, not "internal error"
{ grep -v '^paper:' tpl.yaml; echo 'paper: {width: 1000cm, height: 1000cm}'; } >huge-paper.yaml
rc_of rc ws --template ./huge-paper.yaml --candidates c.csv --out-dir hp
check "a 10 m paper is refused at its place in the template (exit $rc)" \
	sh -c "test $rc -eq 1 && grep -q '^./huge-paper.yaml:[0-9]*:[0-9]*: error: the paper must be at most 200in' err"
if asan; then
	echo "skip: the 10 MB word and out of memory (no --as limit under ASan)"
else
	# a 10 MB word: about 50 bytes of memory a byte now (it took 2.9 GB);
	# the limit is on address space, which also holds the mapped font
	# files (the four Noto CJK collections alone are 93 MB): 1.5 GB
	python3 - <<'EOF'
word = ("Pneumonoultramicroscopicsilicovolcanoconiosis" * 240000)[:10 << 20]
open("word.yaml", "w").write(
    "corpus:\n  title: One long word\nroles:\n  - id: r1\n    name: R\n"
    "categories:\n  - id: cat0\n    name: C\n    order: 1\nquestions:\n"
    "  - id: q0\n    category: cat0\n    question: Long?\n"
    "    answer: " + word + "\n")
EOF
	rc_of rc timeout -k 5 $((T * 3)) prlimit --as=1500000000 "$SP" handbook -c word.yaml -o word.pdf
	check "a 10 MB word within 1.5 GB of address space (exit $rc)" \
		sh -c "test $rc -eq 0 && test \$(pdftotext word.pdf - | tr -d '\n\f' | grep -o Pneumono | wc -l) -gt 200000"
	rc_of rc timeout -k 5 "$T" prlimit --as=250000000 "$SP" handbook -c word.yaml -o word2.pdf
	check "out of memory: exit 4 with a message, not an abort (exit $rc)" \
		sh -c "test $rc -eq 4 && grep -q '^studypress: out of memory' err && test ! -e word2.pdf"
	check "... and no temporary file" no_temps .
fi
finish
