#!/usr/bin/env bash
# hostile_inputs.sh - issue 8: pathological inputs, generated at test time
# by data/hostile-gen/hostile_gen.py. Each run must end with a clear result (output,
# or exit 1-3 with an error message) in bounded time and memory: every run
# is wrapped in `timeout` and, outside ASan, `prlimit --as` (2 GiB), so a
# hang or a blow-up fails the test instead of the machine. A crash (exit
# >= 128) or any sanitizer report fails it too.
source "${SP_SOURCE_DIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
GEN=$SP_SOURCE_DIR/tests/e2e/data/hostile-gen/hostile_gen.py
gen() { python3 "$GEN" "$@"; }

if [ "${SP_SANITIZE:-0}" = 1 ]; then
	T=${SP_HOSTILE_TIMEOUT:-500}  # ASan reserves terabytes of address
	LIMIT=()                      # space: no --as limit there
else
	T=${SP_HOSTILE_TIMEOUT:-150}
	LIMIT=(prlimit --as=$((2 * 1024 * 1024 * 1024)) --)
fi

# run NAME WANT COMMAND...: WANT is ok (exit 0), error (exit 1-3 and a
# message naming an error on stderr) or any (either of those). `ran`
# then says whether it did, to chain checks on its output.
LAST_OK=0
ran() { [ "$LAST_OK" = 1 ]; }
run() {
	local name=$1 want=$2 rc=0 t0=$SECONDS
	shift 2
	timeout -k 5 "$T" "${LIMIT[@]}" "$@" >"$TMP/$name.out" 2>"$TMP/$name.err" || rc=$?
	local took=$((SECONDS - t0)) why=
	if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		why="timed out after ${T}s"
	elif [ "$rc" -ge 128 ]; then
		why="killed by signal $((rc - 128))"
	elif grep -qE 'Sanitizer|runtime error:|out of memory' "$TMP/$name.err"; then
		why="sanitizer or allocation failure report"
	elif [ "$want" = ok ] && [ "$rc" -ne 0 ]; then
		why="exit $rc, expected success"
	elif [ "$want" = error ] && { [ "$rc" -lt 1 ] || [ "$rc" -gt 3 ]; }; then
		why="exit $rc, expected an error (1-3)"
	elif [ "$rc" -ne 0 ] && ! grep -q 'error' "$TMP/$name.err"; then
		why="exit $rc without an error message"
	fi
	LAST_OK=0
	if [ -n "$why" ]; then
		fail "$name: $why"
		head -c 2000 "$TMP/$name.err" >&2
		return 0
	fi
	LAST_OK=1
	pass "$name (exit $rc, ${took}s)$(sed -n '1{s/^/: /;p}' "$TMP/$name.err" | cut -c1-150)"
}

pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }
has_pages() { # has_pages FILE MIN
	local n
	n=$(pages "$1")
	[ -n "$n" ] && [ "$n" -ge "$2" ] || { echo "$1: ${n:-no} pages" >&2; return 1; }
}

# --- 5,000 questions ---
gen many-questions "$TMP/many.yaml"
run many-questions-check ok "$SP" check -c "$TMP/many.yaml"
ran &&
	check "check counts 5000 questions" grep -q '5000 questions' "$TMP/many-questions-check.err"
run many-questions-list ok "$SP" list -c "$TMP/many.yaml"
ran &&
	check "list prints 5000 lines" test "$(wc -l <"$TMP/many-questions-list.out")" -eq 5000
run many-questions-handbook ok "$SP" handbook -c "$TMP/many.yaml" -o "$TMP/many.pdf"
ran &&
	check "5000-question handbook has pages" has_pages "$TMP/many.pdf" 500

# --- a 10 MB answer ---
gen big-answer "$TMP/big.yaml"
run big-answer-check ok "$SP" check -c "$TMP/big.yaml"
run big-answer-handbook ok "$SP" handbook -c "$TMP/big.yaml" -o "$TMP/big.pdf"
ran &&
	check "10 MB answer gives over 1000 pages" has_pages "$TMP/big.pdf" 1000
run big-answer-max-pages error "$SP" handbook -c "$TMP/big.yaml" -o "$TMP/big2.pdf" --max-pages 50
ran &&
	check "--max-pages refuses with a message" grep -qi 'page' "$TMP/big-answer-max-pages.err"
check "--max-pages leaves no output" test ! -e "$TMP/big2.pdf"

# --- a 100 KB word (in an answer, and as a question title) ---
gen long-word "$TMP/word.yaml"
run long-word-check ok "$SP" check -c "$TMP/word.yaml"
run long-word-handbook ok "$SP" handbook -c "$TMP/word.yaml" -o "$TMP/word.pdf"
ran &&
	check "100 KB word handbook renders" has_pages "$TMP/word.pdf" 2
run long-word-cards any "$SP" cards -c "$TMP/word.yaml" -o "$TMP/word-cards.pdf"

# --- a 2 MB single-line question ---
gen long-line "$TMP/line.yaml"
run long-line-check ok "$SP" check -c "$TMP/line.yaml"
run long-line-handbook ok "$SP" handbook -c "$TMP/line.yaml" -o "$TMP/line.pdf"

# --- rich text nested 1,000 lists deep: a located error ---
gen deep-lists "$TMP/deep.yaml"
run deep-lists-check error "$SP" check -c "$TMP/deep.yaml"
ran &&
	check "deep lists: FILE:LINE:COL error" grep -qE 'deep\.yaml:[0-9]+:[0-9]+: error: .*nested' "$TMP/deep-lists-check.err"
run deep-lists-handbook error "$SP" handbook -c "$TMP/deep.yaml" -o "$TMP/deep.pdf"
check "deep lists: no PDF" test ! -e "$TMP/deep.pdf"

# --- 500 categories ---
gen many-categories "$TMP/cats.yaml"
run many-categories-check ok "$SP" check -c "$TMP/cats.yaml"
ran &&
	check "check counts 500 categories" grep -q '500 categories' "$TMP/many-categories-check.err"
run many-categories-handbook ok "$SP" handbook -c "$TMP/cats.yaml" -o "$TMP/cats.pdf"
ran &&
	check "500-category handbook has a page per section" has_pages "$TMP/cats.pdf" 500

# --- a corpus directory of 5,000 files ---
gen many-files "$TMP/dir"
run many-files-check ok "$SP" check -c "$TMP/dir"
ran &&
	check "check reads 5000 questions from 5001 files" grep -q '5000 questions' "$TMP/many-files-check.err"
run many-files-handbook ok "$SP" handbook -c "$TMP/dir" -o "$TMP/dir.pdf"

# --- a FIFO (nobody writes to it: must be refused at once, never block:
# 20 s) and /dev/zero ---
mkfifo "$TMP/fifo.yaml"
T=20 run fifo-check error "$SP" check -c "$TMP/fifo.yaml"
T=20 run fifo-handbook error "$SP" handbook -c "$TMP/fifo.yaml" -o "$TMP/fifo.pdf"
mkdir "$TMP/fifodir"
cp "$SP_SOURCE_DIR/tests/fuzz/seeds/fuzz_pipeline/minimal.yaml" "$TMP/fifodir/a.yaml"
mkfifo "$TMP/fifodir/b.yaml"
T=20 run fifo-in-dir any "$SP" check -c "$TMP/fifodir"
run dev-zero-check error "$SP" check -c /dev/zero
run dev-zero-list error "$SP" list -c /dev/zero
run dev-zero-template error "$SP" handbook --template /dev/zero -o "$TMP/z.pdf"
T=20 run fifo-template error "$SP" handbook --template "$TMP/fifo.yaml" -o "$TMP/z.pdf"

# --- binary garbage and YAML bombs ---
gen garbage "$TMP/garbage.yaml"
run garbage-check error "$SP" check -c "$TMP/garbage.yaml"
run garbage-template error "$SP" handbook --template "$TMP/garbage.yaml" -o "$TMP/g.pdf"
gen alias-bomb "$TMP/bomb.yaml"
run alias-bomb-check error "$SP" check -c "$TMP/bomb.yaml"
gen deep-yaml "$TMP/deepy.yaml"
run deep-yaml-check error "$SP" check -c "$TMP/deepy.yaml"

# --- a 10,000-row candidates CSV (when the worksheet command exists) ---
if "$SP" worksheet --help >/dev/null 2>&1; then
	gen many-rows "$TMP/rows.csv"
	# every row is read and checked; --shard keeps the rendering to 10
	run many-rows-shard ok "$SP" worksheet --candidates "$TMP/rows.csv" \
		--out-dir "$TMP/ws" --shard 1/1000 --jobs 2 --no-progress
	ran && check "10 of 10,000 rows rendered (both editions)" \
			test "$(find "$TMP/ws" -name '*.pdf' | wc -l)" -eq 20
	run garbage-csv error "$SP" worksheet --candidates "$TMP/garbage.yaml" \
		--out-dir "$TMP/wsg" --no-progress
	run dev-zero-csv error "$SP" worksheet --candidates /dev/zero \
		--out-dir "$TMP/wsz" --no-progress
	T=20 run fifo-csv error "$SP" worksheet --candidates "$TMP/fifo.yaml" \
		--out-dir "$TMP/wsf" --no-progress
fi
finish
