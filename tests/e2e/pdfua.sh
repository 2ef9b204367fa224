#!/usr/bin/env bash
# pdfua.sh - every kind of output is a tagged PDF (issue 16): pdfinfo says
# "Tagged: yes", and pdfua_check.py's PDF/UA-1 conditions hold for the
# handbook (plain, duplex, booklet), the cards (each duplex mode, backs
# only, calibration), both worksheet editions and a batch packet; the
# reading order of the structure is the corpus order of the questions; a
# corpus in another language gives its /Lang; the checker fails on an
# untagged PDF.
source "$SP_SOURCE_DIR/tests/e2e/lib.sh"
UA="python3 $SP_SOURCE_DIR/tests/e2e/pdfua_check.py"
CONTENT=$SP_SOURCE_DIR/content
cd "$TMP"
tagged() { pdfinfo "$1" | grep -q '^Tagged: *yes'; }

# the corpus order of the questions, grouped by category as the products
# print them (categories in order of their first question)
"$SP" list -c "$CONTENT" >list.tsv
python3 - list.tsv >order.txt <<'PY'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8")]
cats = []
for r in rows:
    if r[1] not in cats:
        cats.append(r[1])
for c in cats:
    for r in rows:
        if r[1] == c:
            print(r[3])
PY
cut -f4 list.tsv >corpus-order.txt

check "handbook" "$SP" handbook -c "$CONTENT" -o hb.pdf
check "handbook: Tagged: yes" tagged hb.pdf
check "handbook: PDF/UA checks, questions (H2) in corpus order" \
  $UA --order order.txt hb.pdf
# a "See also" link is read as its question, the "; " between two is not
# part of either
pdfinfo -struct-text hb.pdf >hb-struct.txt
check "handbook: links of 'See also' hold no separator" sh -c \
  "grep -A1 'Link (inline)' hb-struct.txt | grep -q '\"1\\.[0-9]* ' &&
   ! grep -A1 'Link (inline)' hb-struct.txt | grep -q '\"; '"
# (one category from here on: the checks read every object of a PDF)
"$SP" list -c "$CONTENT" --category behavioral | cut -f4 >behavioral.txt
one="--category behavioral"
check "duplex handbook and booklet" sh -c \
  "'$SP' handbook -c '$CONTENT' $one --duplex -o duplex.pdf &&
   '$SP' handbook -c '$CONTENT' $one --booklet --paper a5 -o booklet.pdf"
check "duplex handbook: PDF/UA checks, reading order" \
  $UA --order behavioral.txt duplex.pdf
check "booklet: PDF/UA checks, reading order" \
  $UA --order behavioral.txt booklet.pdf

for mode in long-edge short-edge none fold; do
  check "cards --duplex $mode" "$SP" cards -c "$CONTENT" $one --duplex $mode \
    -o cards-$mode.pdf
done
check "cards --backs-only" "$SP" cards -c "$CONTENT" $one --backs-only -o backs.pdf
check "cards --calibration" "$SP" cards --calibration -o calib.pdf
check "cards: Tagged: yes" tagged cards-long-edge.pdf
check "cards (every mode), calibration: PDF/UA checks" \
  $UA cards-long-edge.pdf cards-short-edge.pdf cards-none.pdf cards-fold.pdf \
  backs.pdf calib.pdf
check "cards: questions (H1) in corpus order" \
  $UA --heading H1 --order behavioral.txt cards-long-edge.pdf

check "worksheets, both editions" \
  "$SP" worksheet -c "$CONTENT" --edition both --name "Jane Doe" -o ws.pdf
check "worksheets: Tagged: yes" tagged ws-interviewer.pdf
{ echo Instructions; cat corpus-order.txt; } >ws-order.txt
{ cat ws-order.txt; printf 'Overall recommendation\nComments\n'; } >wi-order.txt
check "worksheets: PDF/UA checks, questions (H2) in corpus order" sh -c \
  "$UA --order ws-order.txt ws-candidate.pdf &&
   $UA --order wi-order.txt ws-interviewer.pdf"
check "a worksheet batch" "$SP" worksheet -c "$CONTENT" --seed 3 \
  --mix behavioral=1,common=2 --candidates "$DATA/worksheet/batch.csv" \
  --out-dir batch
check "batch packets: PDF/UA checks" $UA batch/jane-doe-17-candidate.pdf \
  batch/jane-doe-17-interviewer.pdf

# the corpus language is the document's
mkdir de
sed 's/^  language: en$/  language: de-DE/' "$CONTENT/corpus.yaml" >de/corpus.yaml
check "the German copy says so" grep -q '^  language: de-DE$' de/corpus.yaml
cp -r "$CONTENT"/*/ de/ 2>/dev/null || true
check "a German corpus" "$SP" handbook -c de $one -o de.pdf
check "a German corpus gives /Lang de-DE" $UA --lang de-DE de.pdf
check "the bundled corpus (language: en) gives /Lang en" $UA --lang en hb.pdf

# text in another script than the corpus language's (Hebrew, Arabic,
# Devanagari in an English corpus) is a /Span with its /Lang, header cells
# carry their /Scope, and every glyph has a ToUnicode text, those drawn
# only inside a cluster of several (a Devanagari vowel sign's contextual
# form) included
check "the scripts corpus" "$SP" handbook -c "$DATA/scripts" -o scripts.pdf
check "the scripts corpus passes the checker, fonts included" $UA scripts.pdf
qpdf --qdf --object-streams=disable scripts.pdf scripts.qdf
for l in he ar hi; do
  check "scripts: a span in /Lang ($l)" grep -aq "/Span <</Lang ($l)>> BDC" scripts.qdf
done
check "the handbook's header cells have a /Scope" sh -c \
  "qpdf --qdf --object-streams=disable hb.pdf hb.qdf && grep -aq '/Scope /Row' hb.qdf"

# Words in different styles are words to a reader: where a space between
# a bold, code or italic run and the next run is set as the gap between
# them (a justified line, shrunk or stretched), the structure's text
# still has it. Every pair of neighbours below must come apart.
python3 - >styles.yaml <<'PY'
words = ["alpha", "**beta**", "gamma", "`delta`", "epsilon", "*zeta*", "eta"]
line = " ".join(words)
print("corpus:\n  title: Styles\ncategories:\n  - id: c\n    name: C")
print("questions:\n  - id: q\n    category: c\n    question: Styles?")
print("    answer: |\n      " + " ".join([line] * 40))
PY
"$SP" handbook -q -c styles.yaml -o styles.pdf
pdfinfo -struct-text styles.pdf | sed -n 's/^ *"\(.*\)"$/\1/p' | tr -d '\n' >styles.txt
check "styles: the answer's words are in the structure's text" \
  grep -q 'alpha beta gamma delta epsilon zeta eta alpha' styles.txt
check "styles: no two words of different styles run together" sh -c \
  "! grep -Eo 'alphabeta|betagamma|gammadelta|deltaepsilon|epsilonzeta|zetaeta|etaalpha' styles.txt"

# the checker can fail: an untagged PDF (pdfinfo's own sample is not
# available everywhere, so one written by qpdf without the structure)
qpdf --empty --pages hb.pdf 1-2 -- untagged.pdf
check "the checker rejects a PDF without structure" sh -c "! $UA untagged.pdf >/dev/null"
finish
