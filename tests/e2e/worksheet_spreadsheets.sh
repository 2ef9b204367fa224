#!/usr/bin/env bash
# worksheet_spreadsheets.sh - candidates files as spreadsheets export them
# (tests/e2e/data/spreadsheets/): Excel's semicolon CSV with a BOM, CRLF,
# quoted decimals ("3,5") and empty rows at the end; LibreOffice's
# all-quoted CSV with empty rows; a tab-separated file. Each gives the
# packets and manifest of the plain comma file, byte for byte.
# --delimiter forces the separator. Excel's Windows-1252 and UTF-16 files
# are refused with a message naming the encoding, the byte offset and the
# iconv command, and the command given converts them into files that work.
source "$SP_SOURCE_DIR/tests/e2e/lib.sh"
CONTENT=$SP_SOURCE_DIR/content
cd "$TMP"
cp "$DATA"/spreadsheets/* .
ws() { "$SP" worksheet -c "$CONTENT" --seed 5 --minutes 20 --jobs 1 "$@"; }
warn_score() { # FILE: the only message is the warning about 'score'
  printf '%s:1: warning: unknown column '\''score'\'' ignored\n' "$1"
}

check "the plain comma file" ws --candidates plain.csv --out-dir plain
check "four packets from it" \
  test "$(ls plain/*-candidate.pdf | wc -l)" -eq 4 -a "$(tail -n +2 plain/manifest.csv | wc -l)" -eq 4

for f in excel-semicolon.csv libreoffice-quoted.csv tab.tsv; do
  set +e
  ws --candidates "$f" --out-dir "out-$f" 2>"$f.err"
  rc=$?
  set -e
  check "$f: exit 0" test "$rc" -eq 0
  check "$f: no message but the unknown column" diff <(warn_score "$f") <(grep -v "^wrote " "$f.err")
  check "$f: the same packets and manifest as the plain file" diff -r plain "out-$f"
done
check "a quoted decimal stays one field: 'O'\''Brien, Mary-Kate' and '4,25' read right" \
  grep -q "^3,\"O'Brien, Mary-Kate\",19,Machine Learning Scientist," out-excel-semicolon.csv/manifest.csv

# --delimiter forces the separator
check "--delimiter ';' reads the semicolon file" \
  ws --candidates excel-semicolon.csv --delimiter ';' --out-dir forced 2>/dev/null
check "... the same packets" diff -r plain forced
check "--delimiter tab reads the tab file" \
  ws --candidates tab.tsv --delimiter tab --out-dir forced-tab 2>/dev/null
check "... the same packets" diff -r plain forced-tab
set +e
ws --candidates excel-semicolon.csv --delimiter , --out-dir wrong 2>wrong.err
rc=$?
set -e
check "--delimiter , on a semicolon file: its header has no name column (exit 1)" \
  sh -c "test $rc -eq 1 && grep -q 'excel-semicolon.csv:1: error: the header has no .name. column' wrong.err"
set +e
ws --candidates plain.csv --delimiter pipe --out-dir x 2>bad-delim.err
rc1=$?
ws --delimiter ';' -o x.pdf 2>no-batch.err
rc2=$?
set -e
check "--delimiter pipe is a usage error" \
  sh -c "test $rc1 -eq 2 && grep -q \"studypress worksheet: --delimiter takes ',', ';' or tab, not 'pipe'\" bad-delim.err"
check "--delimiter without --candidates is a usage error" \
  sh -c "test $rc2 -eq 2 && grep -q 'studypress worksheet: --delimiter needs --candidates FILE.csv' no-batch.err"

# empty rows: at the end, and in the middle, like empty lines
{ cat plain.csv; printf ',,,,,\n\n,,,,,\r\n   ,  ,,,,\n'; } >trailing.csv
check "empty rows at the end (',,,', spaces, empty lines) are not rows" \
  ws --candidates trailing.csv --out-dir trailing 2>/dev/null
check "... the same packets" diff -r plain trailing
{ printf ',,,,,\n\n'; cat plain.csv; } >leading.csv
check "empty rows before the header are skipped too" \
  ws --candidates leading.csv --out-dir leading 2>/dev/null
check "... the same packets" diff -r plain leading
{ printf '\xEF\xBB\xBF\r\n;;;;;\r\n'; tail -c +4 excel-semicolon.csv; } >leading-semi.csv
check "... also in a semicolon file with a BOM and CRLF" \
  ws --candidates leading-semi.csv --out-dir leading-semi 2>/dev/null
check "... the same packets" diff -r plain leading-semi

# Windows-1252 (Excel's "CSV (Comma delimited)")
f=excel-windows-1252.csv
set +e
ws --candidates "$f" --out-dir w1252 2>w1252.err
rc=$?
set -e
cat w1252.err
want="$f:3: error: the file is not UTF-8 but looks like Windows-1252 (byte offset 95 is 0xE9, 'é' in Windows-1252); convert it with: iconv -f WINDOWS-1252 -t UTF-8 $f > $f.utf8"
check "a Windows-1252 file is refused (exit 1)" test "$rc" -eq 1
check "... with the encoding, the byte offset and the iconv command" \
  test "$(cat w1252.err)" = "$want"
check "... and nothing written" test ! -e w1252
cmd=${want#*convert it with: }
check "the iconv command it gives converts the file" sh -c "$cmd"
check "... into one that gives the same packets" \
  ws --candidates "$f.utf8" --out-dir w1252 2>/dev/null
check "... byte for byte" diff -r plain w1252
mkdir -p "dir with space"
cp "$f" "dir with space/it's.csv"
set +e
ws --candidates "dir with space/it's.csv" --out-dir q 2>q.err
set -e
cmd=$(sed 's/.*convert it with: //' q.err)
check "the command quotes a path with spaces and quotes for the shell" \
  sh -c "$cmd && test -s \"dir with space/it's.csv.utf8\""

# UTF-16 (Excel's "Unicode Text": tab-separated)
f=excel-unicode.txt
set +e
ws --candidates "$f" --out-dir u16 2>u16.err
rc=$?
set -e
cat u16.err
want="$f: error: the file is UTF-16 (it starts with a UTF-16 byte order mark), not UTF-8; convert it with: iconv -f UTF-16 -t UTF-8 $f > $f.utf8"
check "a UTF-16 file is refused (exit 1) with the iconv command" \
  sh -c "test $rc -eq 1 && test \"\$(cat u16.err)\" = \"\$1\"" sh "$want"
check "the command converts it" sh -c "${want#*convert it with: }"
check "... into a tab-separated file that gives the same packets" \
  ws --candidates "$f.utf8" --out-dir u16 2>/dev/null
check "... byte for byte" diff -r plain u16
finish
