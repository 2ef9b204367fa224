#!/usr/bin/env bash
# pdfa.sh - --pdfa (issue 16, item 7): every kind of output written with
# it passes pdfa_check.py's PDF/A-2a conditions and still pdfua_check.py's
# PDF/UA ones, qpdf --check, Ghostscript and MuPDF; the same input gives
# the same bytes; without --pdfa nothing of it is written (and the checker
# rejects such a file).
source "$SP_SOURCE_DIR/tests/e2e/lib.sh"
PA="python3 $SP_SOURCE_DIR/tests/e2e/pdfa_check.py"
UA="python3 $SP_SOURCE_DIR/tests/e2e/pdfua_check.py"
CONTENT=$SP_SOURCE_DIR/content
one="--category behavioral"
cd "$TMP"

check "handbook --pdfa" "$SP" handbook -q -c "$CONTENT" $one --pdfa -o hb.pdf
check "booklet --pdfa" "$SP" handbook -q -c "$CONTENT" $one --booklet \
  --paper a5 --pdfa -o booklet.pdf
check "cards --pdfa (long-edge, fold)" sh -c \
  "'$SP' cards -q -c '$CONTENT' $one --pdfa -o cards.pdf &&
   '$SP' cards -q -c '$CONTENT' $one --duplex fold --pdfa -o fold.pdf"
check "calibration --pdfa" "$SP" cards -q --calibration --pdfa -o calib.pdf
check "worksheets --pdfa, both editions" "$SP" worksheet -q -c "$CONTENT" \
  --edition both --name "Jane Doe" --pdfa -o ws.pdf
check "a worksheet batch --pdfa" "$SP" worksheet -q -c "$CONTENT" --seed 3 \
  --mix behavioral=1,common=2 --candidates "$DATA/worksheet/batch.csv" \
  --out-dir batch --pdfa
all="hb.pdf booklet.pdf cards.pdf fold.pdf calib.pdf ws-candidate.pdf
  ws-interviewer.pdf batch/jane-doe-17-candidate.pdf
  batch/jane-doe-17-interviewer.pdf"
check "PDF/A-2a checks on every kind of output" $PA $all
check "and the PDF/UA checks still" $UA $all
for f in $all; do
  check "qpdf --check $f" sh -c "qpdf --check '$f' >/dev/null"
done
check "Ghostscript reads the handbook and a worksheet without a complaint" \
  sh -c "gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=nullpage hb.pdf \
    ws-interviewer.pdf 2>&1 | (! grep -q .)"
# (Debian's MuPDF says "ICC support is not available" of every file)
check "MuPDF reads them without a complaint" \
  sh -c "mutool draw -F txt -o /dev/null hb.pdf ws-interviewer.pdf 2>&1 |
    grep -v '^warning: ICC support is not available' | grep -v '^page ' | (! grep -q .)"
check "pdfinfo: Tagged: yes" sh -c "pdfinfo hb.pdf | grep -q '^Tagged: *yes'"

# deterministic, and the /ID follows the content
"$SP" handbook -q -c "$CONTENT" $one --pdfa -o hb2.pdf
check "same input, same bytes" cmp hb.pdf hb2.pdf
"$SP" handbook -q -c "$CONTENT" --category technical --pdfa -o other.pdf
id() { qpdf --show-object=trailer "$1" | grep -o '/ID \[ <[0-9a-f]*>'; }
check "another document, another /ID" test "$(id hb.pdf)" != "$(id other.pdf)"

# without --pdfa: none of it, and the checker says so
"$SP" handbook -q -c "$CONTENT" $one -o plain.pdf
check "without --pdfa: no output intent, no pdfaid" sh -c \
  "! qpdf --qdf --object-streams=disable plain.pdf - | grep -aq 'OutputIntents\|pdfaid'"
check "the checker rejects a file written without --pdfa" sh -c \
  "! $PA plain.pdf >out.txt && grep -q 'OutputIntents' out.txt &&
   grep -q 'pdfaid:part' out.txt && grep -q '/ID' out.txt"
check "the page is the same with and without --pdfa" sh -c \
  "pdftoppm -r 50 -f 3 -l 3 -png plain.pdf p && pdftoppm -r 50 -f 3 -l 3 -png hb.pdf a &&
   cmp p-*3.png a-*3.png"
finish
