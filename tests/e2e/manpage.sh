#!/usr/bin/env bash
# manpage.sh - issue 8: doc/studypress.1 renders without groff warnings,
# and every long option printed by each command's --help appears in it
# (so the man page cannot drift from the tool). Issue 17: manpage.py holds
# it to the sources too: every option each command accepts is in its
# --help and in its section of the man page (and none there that it does
# not accept), and DIAGNOSTICS lists exactly the messages the sources can
# print, as a user sees them ("..." for what is filled in).
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
for cmd in init check list handbook cards worksheet import; do
	"$SP" "$cmd" --help >"$TMP/$cmd.help" 2>&1 || true
	check "the man page documents '$cmd'" grep -qE "^ +$cmd\$" "$TMP/man.norm"
	for opt in $(grep -oE -- '--[a-z][a-z0-9-]+' "$TMP/$cmd.help" | sort -u); do
		grep -q -- "$opt" "$TMP/man.norm" || fail "$cmd: option $opt is not in the man page"
	done
done
for v in SOURCE_DATE_EPOCH SP_HYPHEN_DICT SP_NO_HUGE_PAGES GLIBC_TUNABLES; do
	check "ENVIRONMENT names $v" grep -q "$v" "$TMP/man.norm"
done

PY="python3 $SP_SOURCE_DIR/tests/e2e/manpage.py"
check "options and messages: the man page agrees with the sources and --help" \
	$PY check "$SP_SOURCE_DIR" "$M" "$SP"
n=$($PY messages "$SP_SOURCE_DIR" | wc -l)
check "the sources' messages are found ($n)" test "$n" -ge 150
sed -n '/^DIAGNOSTICS/,/^EXAMPLES/p' "$TMP/man.norm" >"$TMP/diags.txt"
check "no format string is left in DIAGNOSTICS (%04lX, (known: ...)none, \"check: \")" \
	sh -c "! grep -E '%[0-9.*]*l?[a-zA-Z]|\\)none|“[a-z]+: ”' '$TMP/diags.txt'"
# the check notices a message left out, one no source prints, and an
# option missing from a command's section
sed '/it already exists/d' "$M" >"$TMP/lacks.1"
sed 's/^error: \\(lqno questions found\\(rq$/&\n.TP\nerror: \\(lqno such message\\(rq/' "$M" >"$TMP/stale.1"
sed '/^\\fB\\-\\-grid\\fR$/,+1d' "$M" >"$TMP/nogrid.1"
for bad in lacks stale nogrid; do
	check "the check fails on a man page that $bad" \
		sh -c "! $PY check '$SP_SOURCE_DIR' '$TMP/$bad.1' '$SP' >'$TMP/$bad.out'"
done
check "... naming what is wrong" sh -c "grep -q 'lacks.*cmd_init.c' '$TMP/lacks.out' &&
	grep -q 'no source prints: error: no such message' '$TMP/stale.out' &&
	grep -q 'man page, cards: --grid is missing' '$TMP/nogrid.out'"
finish
