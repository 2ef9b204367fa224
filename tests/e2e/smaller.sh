#!/usr/bin/env bash
# smaller.sh - issue 17's smaller items: --paper is applied inside the
# template before its margin check; a Type 1/CFF family is reported as
# existing but not TrueType (not "not found"); a missing font of a chain
# is a warning and the next one is used; the sans template prints its
# cards on its own paper (A4); a candidates row whose role is close to a
# role id or name is a warning with "did you mean" at its line. (The
# booklet's sheet in the output line: report.sh.)
source "$SP_SOURCE_DIR/tests/e2e/lib.sh"
cd "$TMP"
run() { # run OUT ERR CMD...: sets rc
  local out=$1 err=$2
  shift 2
  set +e
  "$@" >"$out" 2>"$err"
  rc=$?
  set -e
}

# --paper before the margin check
printf 'name: wide\nmargins: {inner: 50mm, outer: 50mm}\n' >wide.yaml
run o e "$SP" handbook --count 2 --template ./wide.yaml -o a4.pdf
check "50 mm side margins on A4: fine" test "$rc" -eq 0
run o e "$SP" handbook --count 2 --template ./wide.yaml --paper a6 -o a6.pdf
check "on --paper a6: refused (exit 1), nothing written" \
  bash -c "[ $rc -eq 1 ] && [ ! -e a6.pdf ]"
check "the message names --paper" \
  grep -q "^\./wide.yaml:1:1: error: the margins leave less than 1in (72pt) of the page for text on --paper a6$" e

# fonts: Type 1 / CFF, and falling back along a chain
if fc-list "Nimbus Roman" fontformat | grep -qv TrueType; then
  printf 'name: t1\nfonts:\n  body: [Nimbus Roman]\n' >t1.yaml
  run o e "$SP" handbook --count 1 --template ./t1.yaml -o t1.pdf
  check "a Type 1/CFF family alone: exit 1" test "$rc" -eq 1
  check "it exists but is not TrueType, at its location" \
    grep -q "^\./t1.yaml:3:10: error: font family 'Nimbus Roman' exists but is not TrueType" e
  check "not 'not found'" bash -c "! grep -q 'not found' e"
fi
printf 'name: fb\nfonts:\n  body: [No Such Family, Liberation Serif]\n' >fb.yaml
run o e "$SP" handbook --count 2 --template ./fb.yaml -o fb.pdf
check "a missing first font: the next one is used (exit 0)" test "$rc" -eq 0
check "with a warning at its location" \
  grep -q "^\./fb.yaml:3:10: warning: font family 'No Such Family' not found; the next font of the chain is used instead$" e
check "the PDF uses the next font" bash -c "pdffonts fb.pdf | grep -q LiberationSerif"
printf 'name: none\nfonts:\n  body: [No Such Family, Nor This One]\n' >none.yaml
run o e "$SP" handbook --count 2 --template ./none.yaml -o none.pdf
check "no font of a chain at all: exit 1" test "$rc" -eq 1
check "the last is the error" grep -q "none.yaml:3:26: error: font family 'Nor This One' not found" e

# the sans template's cards on A4
"$SP" cards -q --count 3 --template sans -o sans.pdf
check "sans: cards on A4" bash -c "pdfinfo sans.pdf | grep -q 'Page size:.*(A4)'"
"$SP" cards -q --count 3 --template sans --layout letter-3x5 -o sansl.pdf
check "--layout letter-3x5 still gives Letter" bash -c "pdfinfo sansl.pdf | grep -q 'Page size:.*(letter)'"
"$SP" cards -q --count 3 -o def.pdf
check "the default template: A4 as before" bash -c "pdfinfo def.pdf | grep -q 'Page size:.*(A4)'"

# a role cell close to a role
printf 'name,id,role\nAda,1,ml-scientst\nBo,2,Data Scientst\nCy,3,data-scientist\nDee,4,astronaut\n' >roles.csv
run o e "$SP" worksheet -q --count 2 --candidates roles.csv --out-dir p --no-progress
check "the batch still succeeds" test "$rc" -eq 0
check "ml-scientst: did you mean ml-scientist, at its line" \
  grep -q "^roles.csv:2: warning: candidate 'Ada': role 'ml-scientst' is not a role of the corpus (did you mean 'ml-scientist'?)" e
check "Data Scientst: did you mean the name" \
  grep -q "^roles.csv:3: warning: candidate 'Bo': role 'Data Scientst' is not a role of the corpus (did you mean 'Data Scientist'?)" e
check "an exact id and a far word: no warning" test "$(grep -c 'did you mean' e)" -eq 2
finish
