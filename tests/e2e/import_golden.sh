#!/usr/bin/env bash
# import_golden.sh - issue 14: `studypress import` on every kind of input.
# For each tests/golden/import/CASE.{txt,md,csv,tsv} (options in CASE.args,
# one a line), run from that directory: standard output must be exactly
# CASE.yaml, standard error exactly CASE.stderr, the exit status 0. Then
# the corpus must pass `check` without errors, render a handbook, cards
# and both worksheet editions that qpdf and pdftotext read cleanly, and
# hold every word of its source (import_words.py). Also: -o writes the
# same bytes, a second run gives the same bytes, "-" reads standard
# input, several files make one corpus, and an imported corpus combines
# with the bundled content. SP_UPDATE_GOLDEN=1 rewrites the golden files.
source "${SP_SOURCE_DIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
G=$SP_SOURCE_DIR/tests/golden/import
WORDS=$SP_SOURCE_DIR/tests/e2e/import_words.py
cd "$G"

format_of() { # the word check's format, from the YAML's header
	case $(sed -n 2p "$1") in
	*"(plain-text guide)"*) echo text ;;
	*"(Markdown guide)"*) echo markdown ;;
	*"(Anki notes)"*) echo anki ;;
	*"(Quizlet set)"*) echo quizlet ;;
	*"(CSV table)"*) echo csv ;;
	*"(TSV table)"*) echo tsv ;;
	esac
}

args_of() { # the case's options, one a line
	ARGS=()
	[ -f "$1.args" ] && mapfile -t ARGS <"$1.args"
	return 0
}

renders() { # renders CASE YAML: every product, readable PDFs
	local c=$1 y=$2 ok=0
	"$SP" handbook -c "$y" -o "$TMP/$c-handbook.pdf" 2>"$TMP/$c.render" &&
		"$SP" cards -c "$y" -o "$TMP/$c-cards.pdf" 2>>"$TMP/$c.render" &&
		"$SP" worksheet -c "$y" --edition both -o "$TMP/$c-ws.pdf" \
			2>>"$TMP/$c.render" || ok=1
	[ $ok -eq 0 ] || { cat "$TMP/$c.render" >&2; return 1; }
	for f in handbook cards ws-candidate ws-interviewer; do
		pdf_ok "$TMP/$c-$f.pdf" || return 1
	done
}

n=0
for src in *.txt *.md *.csv *.tsv; do
	[ -e "$src" ] || continue
	c=${src%.*}
	args_of "$c"
	rc=0
	"$SP" import "${ARGS[@]}" "$src" >"$TMP/$c.yaml" 2>"$TMP/$c.stderr" || rc=$?
	if [ "${SP_UPDATE_GOLDEN:-0}" = 1 ]; then
		cp "$TMP/$c.yaml" "$c.yaml"
		cp "$TMP/$c.stderr" "$c.stderr"
	fi
	check "$c: exit 0" test $rc -eq 0
	check "$c: YAML as expected" diff -u "$c.yaml" "$TMP/$c.yaml"
	check "$c: messages as expected" diff -u "$c.stderr" "$TMP/$c.stderr"
	check "$c: check accepts it" "$SP" check -c "$TMP/$c.yaml"
	check "$c: renders" renders "$c" "$TMP/$c.yaml"
	check "$c: no word lost" python3 "$WORDS" "$(format_of "$c.yaml")" \
		"$src" "$TMP/$c.yaml" "$TMP/$c.stderr"
	"$SP" import "${ARGS[@]}" -o "$TMP/$c-o.yaml" "$src" 2>/dev/null
	check "$c: -o writes the same bytes" cmp "$TMP/$c.yaml" "$TMP/$c-o.yaml"
	"$SP" import "${ARGS[@]}" "$src" 2>/dev/null >"$TMP/$c-again.yaml"
	check "$c: the same bytes again" cmp "$TMP/$c.yaml" "$TMP/$c-again.yaml"
	n=$((n + 1))
done
check "at least 8 cases" test $n -ge 8

# the word check notices a lost word
sed 's/regional grocer/grocer/' "$TMP/guide-text.yaml" >"$TMP/lossy.yaml"
check "the word check fails on a lost word" \
	bash -c '! python3 "$1" text guide-text.txt "$2" guide-text.stderr >/dev/null' \
	_ "$WORDS" "$TMP/lossy.yaml"

# standard input, with the format named
"$SP" import --from markdown - <guide-md.md >"$TMP/stdin.yaml" 2>/dev/null
check "- reads standard input" grep -q 'bias-variance' "$TMP/stdin.yaml"
check "- is checked" "$SP" check -c "$TMP/stdin.yaml"

# several files make one corpus
"$SP" import guide-text.txt anki-notes.txt table-csv.csv -o "$TMP/all.yaml" \
	2>"$TMP/all.err"
check "three files import together" "$SP" check -c "$TMP/all.yaml"
check "their questions are all there" \
	test "$("$SP" list -c "$TMP/all.yaml" | wc -l)" -eq 15
check "the summary names three files" grep -q 'from 3 files' "$TMP/all.err"

# an imported corpus after the bundled content
"$SP" check -c "$SP_SOURCE_DIR/content" -c "$TMP/guide-text.yaml" \
	2>"$TMP/combined.err"
check "imported + bundled: check passes" grep -q '^total: .*: ok$' \
	"$TMP/combined.err"
check "imported + bundled: a handbook" "$SP" handbook \
	-c "$SP_SOURCE_DIR/content" -c "$TMP/guide-text.yaml" \
	-o "$TMP/combined.pdf"
finish
