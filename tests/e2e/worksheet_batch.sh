#!/usr/bin/env bash
# worksheet_batch.sh - batches from a candidates CSV: manifest and packets
# agree, per-candidate selections (reproducible row by row, different
# across candidates), --jobs 2 == --jobs 1, shards 1/3 2/3 3/3 == the
# unsharded run, --exclude-from, malformed rows reported with their line
# numbers, and a clean stop on SIGINT.
source "$SP_SOURCE_DIR/tests/e2e/lib.sh"
CHECK_PY="python3 $DATA/worksheet/check.py"
CONTENT=$SP_SOURCE_DIR/content
CSV=$DATA/worksheet/batch.csv
cd "$TMP"
ws() { "$SP" worksheet -c "$CONTENT" --seed 11 --mix behavioral=1,technical=1,common=2 "$@"; }

check "a batch with --jobs 1" ws --candidates "$CSV" --out-dir j1 --jobs 1
check "twelve packets and a manifest" \
  test "$(ls j1/*-candidate.pdf j1/*-interviewer.pdf | wc -l)" -eq 24 -a \
       "$(tail -n +2 j1/manifest.csv | grep -c '^[0-9]')" -eq 12
check "packet names: slug of the name plus the id" \
  test -f j1/jane-doe-17-candidate.pdf -a -f j1/o-brien-mary-kate-19-interviewer.pdf \
       -a -f j1/jose-nunez-18-candidate.pdf -a -f j1/emil-berg-candidate.pdf
check "manifest and packets agree" $CHECK_PY manifest j1
check "packets are valid PDFs" pdf_ok j1/li-wei-22-interviewer.pdf
distinct=$(tail -n +2 j1/manifest.csv | awk -F, '{print $NF}' | sort -u | wc -l)
check "different candidates get different selections ($distinct of 12)" \
  test "$distinct" -ge 10

check "a batch with --jobs 2" ws --candidates "$CSV" --out-dir j2 --jobs 2
check "--jobs 2 writes the same files as --jobs 1" diff -r j1 j2

for k in 1 2 3; do
  ws --candidates "$CSV" --out-dir sh --jobs 1 --shard "$k/3"
done
check "shards write their own manifests" \
  test -f sh/manifest-1-of-3.csv -a -f sh/manifest-3-of-3.csv -a ! -f sh/manifest.csv
check "merging the shard manifests" \
  "$SP" worksheet --merge-manifests 3 --out-dir sh
rm -f sh/manifest-*-of-3.csv
check "shards 1/3 2/3 3/3 together equal the unsharded batch" diff -r j1 sh

# one row again reproduces its packet
{ head -n 1 "$CSV"; grep '^Ana Lima' "$CSV"; } > one.csv
ws --candidates one.csv --out-dir one --jobs 1
check "re-running one row reproduces its packet byte for byte" \
  cmp one/ana-lima-23-candidate.pdf j1/ana-lima-23-candidate.pdf
check "... and its interviewer edition" \
  cmp one/ana-lima-23-interviewer.pdf j1/ana-lima-23-interviewer.pdf
"$SP" worksheet -c "$CONTENT" --seed 11 --mix behavioral=1,technical=1,common=2 \
  --name "Ana Lima" --id 23 --seed 7 --edition candidate -o single.pdf
check "a single worksheet with the row's id and seed picks the same" \
  $CHECK_PY order "$(grep ',Ana Lima,' j1/manifest.csv | awk -F, '{print $NF}' | tr ' ' ,)" single.pdf

# a second round leaves out what each candidate already had
ws --candidates "$CSV" --out-dir round2 --jobs 2 --exclude-from j1/manifest.csv
check "--exclude-from: no candidate gets a question twice" \
  $CHECK_PY limits "$CONTENT" round2/manifest.csv exclude=j1/manifest.csv

# malformed rows: reported with their lines, the others still written
set +e
ws --candidates "$DATA/worksheet/bad.csv" --out-dir bad --jobs 2 2>bad.err
rc=$?
set -e
cat bad.err
check "a bad row makes the exit status 1" test "$rc" -eq 1
for want in "bad.csv:3: error: unterminated quoted field" \
            "bad.csv:5: error: missing name" \
            "bad.csv:6: error: too many fields" \
            "bad.csv:7: error: invalid UTF-8" \
            "bad.csv:10: error: bad seed" \
            "bad.csv:11: error: file name 'ann-lee-1' already used on line 2"; do
  check "reported: $want" grep -qF "$want" bad.err
done
check "good rows of a bad file are still written" \
  test "$(tail -n +2 bad/manifest.csv | wc -l)" -eq 4 -a -f bad/fay-fox-7-candidate.pdf
check "no packet for a bad row" test ! -e bad/cara-diaz-3-interviewer.pdf -o -e bad/cara-diaz-3-candidate.pdf
set +e
printf 'id,role\n1,x\n' > noname.csv
ws --candidates noname.csv --out-dir nn 2>nn.err
rc=$?
set -e
check "a CSV without a name column is refused" \
  sh -c "test $rc -eq 1 && grep -q 'noname.csv:1: error: the header has no .name. column' nn.err"

# SIGINT in the middle of a batch: a clean stop, no temporary files
{ head -n 1 "$CSV"; for i in $(seq 1 60); do echo "Person $i,$i,,,,"; done; } > many.csv
ws --candidates many.csv --out-dir stop --jobs 2 2>stop.err &
pid=$!
# once the first packet is written (or the batch has ended)
stop_ready() { compgen -G 'stop/*.pdf' >/dev/null || ! kill -0 "$pid" 2>/dev/null; }
wait_for 120 stop_ready || true
kill -INT "$pid" 2>/dev/null || true
set +e
wait "$pid"
rc=$?
set -e
check "a stopped batch exits 130 (or finished first: 0)" \
  sh -c "test $rc -eq 130 -o $rc -eq 0"
check "no temporary files left after SIGINT" \
  test -z "$(find stop -name '.*.??????' -type f)"
for f in stop/*.pdf; do
  [ -e "$f" ] || continue
  pdfinfo "$f" >/dev/null 2>&1 || fail "incomplete PDF left: $f"
done
finish
