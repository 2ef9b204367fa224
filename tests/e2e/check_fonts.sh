#!/usr/bin/env bash
# check_fonts.sh - check runs rendering's font coverage pass: a character
# no font can draw is a warning of check, with the message and location
# the handbook gives, and check --strict fails where handbook --strict
# does; a clean corpus stays clean; --template picks the fonts.
source "$SP_SOURCE_DIR/tests/e2e/lib.sh"
cd "$TMP"
cat >c.yaml <<'Y'
corpus: {title: Glyphs}
categories: [{id: c, name: Common}]
questions:
  - id: q1
    category: c
    question: What does the word ሰላ mean?
    answer: It names a country, written in Ethiopic (no font of the chains has it).
    rubric: {strong: [Mentions ሀ]}
Y
set +e
"$SP" check -c c.yaml 2>check.err
rc_check=$?
"$SP" check -c c.yaml --strict 2>strict.err
rc_strict=$?
"$SP" handbook -c c.yaml -o hb.pdf 2>hb.err
"$SP" handbook -c c.yaml --strict -o hbs.pdf 2>hbs.err
rc_hb=$?
set -e
check "check: exit 0 without --strict" test "$rc_check" -eq 0
check "check --strict fails (1), as handbook --strict does" \
  bash -c "[ $rc_strict -eq 1 ] && [ $rc_hb -eq 1 ]"
grep ': warning: ' hb.err | sort -u >hb.w
grep ': warning: ' check.err | sort -u >check.w
check "handbook warns about the Ethiopic letters" grep -q "c.yaml:6:.*U+1230" hb.w
check "every handbook warning is a check warning, same text and location" \
  bash -c "comm -23 hb.w check.w | (! grep .)"
check "check also reports what only the worksheet prints (the rubric)" \
  grep -q "c.yaml:8:23: .*U+1200" check.w
check "the summary counts them" grep -q "warnings: failed (--strict)" strict.err
"$SP" check --strict 2>bundled.err
check "the bundled corpus stays clean" grep -q ": ok$" bundled.err
check "and warns about nothing" bash -c "! grep -q warning bundled.err"
"$SP" check -c c.yaml --template sans 2>sans.err
check "--template picks the fonts checked against" grep -q "U+1230" sans.err
set +e
"$SP" check -c c.yaml --template nonesuch 2>none.err
rc=$?
set -e
check "an unknown template: exit 3, named" bash -c "[ $rc -eq 3 ] && grep -q nonesuch none.err"
finish
