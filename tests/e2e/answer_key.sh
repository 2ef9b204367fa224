#!/usr/bin/env bash
# answer_key.sh - the interviewer edition prints the model answer as the
# answer key, after the checklist (--no-answers leaves it out), and the
# tip of a question that has no key points and no rubric; the candidate
# edition never does. One candidate rebuilt with --name/--id is, byte for
# byte, that candidate's files from the batch.
source "$SP_SOURCE_DIR/tests/e2e/lib.sh"
cd "$TMP"
cat >c.yaml <<'Y'
corpus: {title: Keys, language: en}
roles: [{id: pm, name: Product Manager}]
categories: [{id: common, name: Common}]
questions:
  - id: with-points
    category: common
    question: How do you say no to a stakeholder?
    answer: I start from the goal we share, QUOKKA-ANSWER-ONE.
    key_points: [Names the shared goal]
    tip: Keep it short, WOMBAT-TIP-ONE.
  - id: bare
    category: common
    question: Why this company?
    answer: Because of the product, QUOKKA-ANSWER-TWO.
    tip: Mention one recent launch, WOMBAT-TIP-TWO.
Y
"$SP" worksheet -q -c c.yaml --edition both -o ws.pdf
pdftotext ws-interviewer.pdf iv.txt
pdftotext ws-candidate.pdf cand.txt
check "interviewer: the model answers, as the answer key" \
  bash -c "grep -q QUOKKA-ANSWER-ONE iv.txt && grep -q QUOKKA-ANSWER-TWO iv.txt && grep -q 'Answer key' iv.txt"
check "the answer key comes after the checklist" python3 - iv.txt <<'PY'
import sys
t = open(sys.argv[1]).read()
sys.exit(0 if t.index("Names the shared goal") < t.index("QUOKKA-ANSWER-ONE") else 1)
PY
check "the tip of the question without key points or rubric" grep -q WOMBAT-TIP-TWO iv.txt
check "not the tip of the one with key points" bash -c "! grep -q WOMBAT-TIP-ONE iv.txt"
check "candidate edition: no answer, no tip" bash -c "! grep -Eq 'QUOKKA|WOMBAT|Answer key' cand.txt"
"$SP" worksheet -q -c c.yaml --edition interviewer --no-answers -o no.pdf
pdftotext no.pdf no.txt
check "--no-answers: no answer key, no tip" bash -c "! grep -Eq 'QUOKKA|WOMBAT|Answer key' no.txt"
check "--no-answers: the checklist stays" grep -q "Names the shared goal" no.txt

# the batch's files and one candidate rebuilt alone
csv=$SP_SOURCE_DIR/examples/candidates.csv
"$SP" worksheet -q --count 3 --candidates "$csv" --out-dir p --no-progress
"$SP" worksheet -q --count 3 --name "Jane Doe" --id 17 --role data-scientist \
  --date 2026-03-02 --interviewer "Sam Patel" --edition both -o one.pdf
for ed in candidate interviewer; do
  check "--name/--id rebuilds the batch's $ed file, byte for byte" \
    cmp p/jane-doe-17-$ed.pdf one-$ed.pdf
done
"$SP" worksheet -q --count 3 --no-answers --candidates "$csv" --out-dir p2 --no-progress
"$SP" worksheet -q --count 3 --no-answers --name "Jane Doe" --id 17 --role data-scientist \
  --date 2026-03-02 --interviewer "Sam Patel" --edition interviewer -o two.pdf
check "and with --no-answers" cmp p2/jane-doe-17-interviewer.pdf two.pdf
check "a batch's --no-answers leaves the answers out" \
  bash -c "! pdftotext p2/jane-doe-17-interviewer.pdf - | grep -q 'Answer key'"
finish
