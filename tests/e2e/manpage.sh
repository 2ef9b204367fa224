#!/usr/bin/env bash
# manpage.sh - issue 8: doc/studypress.1 renders without groff warnings,
# and every long option printed by each command's --help appears in it
# (so the man page cannot drift from the tool).
source "${SP_SOURCE_DIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
M=$SP_SOURCE_DIR/doc/studypress.1
check "the man page exists" test -s "$M"
if command -v groff >/dev/null; then
	groff -man -Tutf8 -ww -P-cbou "$M" >"$TMP/man.txt" 2>"$TMP/groff.err" || fail "groff fails"
	check "groff -ww prints no warnings" test ! -s "$TMP/groff.err"
	cat "$TMP/groff.err" >&2
else
	sed 's/\\-/-/g' "$M" >"$TMP/man.txt"
fi
# hyphens may be rendered as U+2010 or U+2212: fold them back
sed 's/\xe2\x80\x90/-/g; s/\xe2\x88\x92/-/g' "$TMP/man.txt" >"$TMP/man.norm"
for section in "NAME" "SYNOPSIS" "DESCRIPTION" "COMMANDS" "EXIT STATUS" "ENVIRONMENT" \
	"FILES" "DIAGNOSTICS" "EXAMPLES"; do
	check "section $section" grep -q "^$section" "$TMP/man.norm"
done
for cmd in check list handbook cards worksheet import; do
	"$SP" "$cmd" --help >"$TMP/$cmd.help" 2>&1 || true
	check "the man page documents '$cmd'" grep -qE "^ +$cmd\$" "$TMP/man.norm"
	for opt in $(grep -oE -- '--[a-z][a-z0-9-]+' "$TMP/$cmd.help" | sort -u); do
		grep -q -- "$opt" "$TMP/man.norm" || fail "$cmd: option $opt is not in the man page"
	done
done
for v in SOURCE_DATE_EPOCH SP_HYPHEN_DICT; do
	check "ENVIRONMENT names $v" grep -q "$v" "$TMP/man.norm"
done
finish
