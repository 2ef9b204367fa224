#!/usr/bin/env bash
# report.sh - every command that writes says so on stderr, one line a
# file ("wrote FILE: N pages, K kB"), with the booklet's sheets named;
# -q/--quiet says nothing; a worksheet batch prints no line per PDF.
source "$SP_SOURCE_DIR/tests/e2e/lib.sh"
cd "$TMP"
line='^wrote %s: [0-9]+ pages?%s, [0-9]+ (kB|bytes|MB)$'
has_line() { # has_line FILE-OF-STDERR PATH [NOTE]
  grep -Eq "$(printf "$line" "$2" "${3:-}")" "$1" ||
    { echo "no line for $2 in:" >&2; cat "$1" >&2; return 1; }
}
"$SP" handbook --count 4 -o hb.pdf 2>hb.err
check "handbook: one line, the file, its pages and size" has_line hb.err hb.pdf
check "handbook: nothing else" test "$(wc -l <hb.err)" -eq 1
pages=$(pdfinfo hb.pdf | awk '/^Pages:/ {print $2}')
check "handbook: the page count is the PDF's" grep -q "hb.pdf: $pages pages" hb.err
"$SP" handbook --count 4 --booklet -o bk.pdf 2>bk.err
check "--booklet without --paper a5 says it is on A3 sheets" \
  has_line bk.err bk.pdf ", a booklet on landscape A3 sheets"
"$SP" handbook --count 4 --booklet --paper a5 -o bk5.pdf 2>bk5.err
check "--booklet --paper a5: on A4 sheets" \
  has_line bk5.err bk5.pdf ", a booklet on landscape A4 sheets"
"$SP" cards --count 4 -o cards.pdf 2>cards.err
check "cards: its line after the summary" has_line cards.err cards.pdf
"$SP" worksheet --count 3 --edition both -o ws.pdf --dump-layout ws.txt 2>ws.err
check "worksheet both: a line for each edition" \
  bash -c "grep -Eq '^wrote ws-candidate.pdf: ' ws.err && grep -Eq '^wrote ws-interviewer.pdf: ' ws.err"
check "and for each layout dump" \
  test "$(grep -c '^wrote ws-.*\.txt: the layout dump, [0-9]* kB$' ws.err)" -eq 2
"$SP" handbook --count 3 --each-role --out-dir roles 2>roles.err
check "--each-role: a line per role's file" \
  test "$(grep -cE '^wrote roles/handbook-[a-z-]+\.pdf: [0-9]+ pages, [0-9]+ kB$' roles.err)" -eq "$(ls roles | wc -l)"
for cmd in "handbook --count 3 -o q1.pdf" "cards --count 3 -o q2.pdf" \
  "worksheet --count 2 --edition both -o q3.pdf" "handbook --count 3 --booklet --quiet -o q4.pdf"; do
  # shellcheck disable=SC2086
  "$SP" ${cmd/ -o/ -q -o} 2>q.err
  check "-q: nothing on stderr ($cmd)" test ! -s q.err
done
"$SP" worksheet --count 2 --candidates "$SP_SOURCE_DIR/examples/candidates.csv" \
  --out-dir packets --no-progress 2>batch.err
check "a batch prints no line per PDF" bash -c "! grep -q '^wrote .*\.pdf: ' batch.err"
finish
