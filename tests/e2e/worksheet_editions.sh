#!/usr/bin/env bash
# worksheet_editions.sh - the two editions of one worksheet: no leak of
# interviewer-only text into the candidate edition (every question of the
# bundled corpus), same questions in the same order, reproducible bytes,
# --minutes and --mix limits, and the errors for requests the pool cannot
# satisfy.
source "$SP_SOURCE_DIR/tests/e2e/lib.sh"
CHECK_PY="python3 $DATA/worksheet/check.py"
CONTENT=$SP_SOURCE_DIR/content
cd "$TMP"

# every question, both editions
check "renders every question in both editions" \
  "$SP" worksheet -c "$CONTENT" --edition both -o all.pdf --name "Jane Doe"
check "candidate edition is a valid PDF" pdf_ok all-candidate.pdf
check "interviewer edition is a valid PDF" pdf_ok all-interviewer.pdf
check "no interviewer-only text in the candidate edition" \
  $CHECK_PY leak "$CONTENT" all-candidate.pdf all-interviewer.pdf
ids=$("$SP" list -c "$CONTENT" | cut -f1 | paste -sd,)
check "both editions list the corpus's ids in corpus order" \
  $CHECK_PY order "$ids" all-candidate.pdf all-interviewer.pdf
check "interviewer edition ends with a scorecard" \
  sh -c 'n=$(pdfinfo all-interviewer.pdf | awk "/^Pages:/{print \$2}");
         pdftotext -f "$n" all-interviewer.pdf - | grep -q "Overall recommendation"'
check "candidate edition has STAR boxes" \
  sh -c 'pdftotext all-candidate.pdf - | grep -q "^Situation"'
check "candidate edition has no scorecard or rubric" \
  sh -c '! pdftotext all-candidate.pdf - | grep -Eq "Scorecard|Strong signals|Red flags|Listen for"'

# a single edition to -o as given; same seed, same bytes
"$SP" worksheet -c "$CONTENT" --minutes 30 --seed 9 -o a.pdf
"$SP" worksheet -c "$CONTENT" --minutes 30 --seed 9 -o b.pdf
check "same seed reproduces identical bytes" cmp a.pdf b.pdf
"$SP" worksheet -c "$CONTENT" --minutes 30 --seed 10 -o c.pdf
check "another seed picks differently" sh -c '! cmp -s a.pdf c.pdf'
"$SP" worksheet -c "$CONTENT" --edition interviewer --minutes 30 --seed 9 \
  -o i.pdf
check "--edition interviewer writes the interviewer edition" \
  sh -c 'pdftotext i.pdf - | grep -q "interviewer edition"'

# --minutes and --mix fill their limits: checked on a one-row batch
printf 'name,id\nJane Doe,17\nBob Ray,18\nCy Lo,19\n' > three.csv
for m in 12 30 45; do
  "$SP" worksheet -c "$CONTENT" --candidates three.csv --out-dir "m$m" \
    --minutes "$m" --seed 4 --jobs 1
  check "--minutes $m fills $m minutes, never more" \
    $CHECK_PY limits "$CONTENT" "m$m/manifest.csv" "minutes=$m"
done
"$SP" worksheet -c "$CONTENT" --candidates three.csv --out-dir mix \
  --mix behavioral=2,technical=3,ask-them=1 --seed 4 --jobs 1
check "--mix picks that many per category" $CHECK_PY limits "$CONTENT" \
  mix/manifest.csv mix=behavioral:2,technical:3,ask-them:1

# requests the pool cannot satisfy: say so, exit 1
set +e
"$SP" worksheet -c "$CONTENT" --mix behavioral=500 -o x.pdf 2>err.txt
rc=$?
set -e
check "--mix beyond the pool exits 1" test "$rc" -eq 1
check "--mix beyond the pool says why" grep -q "asks for 500 behavioral" err.txt
set +e
"$SP" worksheet -c "$CONTENT" --minutes 99999 -o x.pdf 2>err.txt
rc=$?
set -e
check "--minutes beyond the pool exits 1" test "$rc" -eq 1
check "--minutes beyond the pool says why" grep -q "more than the selection" err.txt
check "nothing written for an unsatisfiable request" test ! -e x.pdf
set +e
"$SP" worksheet -c "$CONTENT" --edition sideways -o x.pdf 2>/dev/null
rc1=$?
"$SP" worksheet -c "$CONTENT" --mix nope=1 -o x.pdf 2>mix.err
rc2=$?
"$SP" worksheet -c "$CONTENT" --role nope -o x.pdf 2>/dev/null
rc_role=$?
"$SP" worksheet -c "$CONTENT" --mix behavioral -o x.pdf 2>/dev/null
rc_malformed=$?
"$SP" worksheet -c "$CONTENT" --mix behavioral=1 --minutes 5 -o x.pdf 2>/dev/null
rc3=$?
set -e
check "bad --edition is a usage error" test "$rc1" -eq 2
check "unknown --mix category is invalid input (exit 1), like an unknown --role" \
  test "$rc2" -eq 1 -a "$rc_role" -eq 1
check "unknown --mix category: the message names it and the known ones" \
  grep -q "^studypress: error: --mix: unknown category 'nope' (known: common, technical, behavioral, ask-them)$" mix.err
check "a --mix that is not CATEGORY=COUNT stays a usage error" test "$rc_malformed" -eq 2
check "--mix with --minutes is a usage error" test "$rc3" -eq 2
# the ruled lines of the two cells of a STAR row start at the same height,
# also when one cell's prompt takes more lines than the other's (in the
# page model: every answer line narrower than half the frame has a twin at
# the same height on the other side of the row)
check "STAR worksheet renders with a layout dump" \
  "$SP" worksheet -c "$CONTENT" --category behavioral -o star.pdf --dump-layout star.dump
check "the two cells of every STAR row have their lines at the same heights" \
  python3 - star.dump <<'PY'
import sys, collections
rows = collections.defaultdict(list)
page = 0
for l in open(sys.argv[1], encoding="utf-8"):
    f = l.split()
    if f[0] == "page":
        page += 1
    elif f[0] == "line" and f[5] == "0.50" and float(f[3]) - float(f[1]) < 240:
        rows[(page, f[2])].append(float(f[1]))
assert rows, "no STAR answer lines found"
bad = [(k, v) for k, v in rows.items() if len(v) != 2 or not (min(v) < 300 < max(v))]
assert not bad, "lines without a twin: %r" % bad[:5]
print("%d line pairs" % len(rows))
PY

finish
