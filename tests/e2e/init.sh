#!/usr/bin/env bash
# init.sh - `studypress init DIR`: the starter corpus it writes has a role,
# the four categories and one question of each kind with every field (a
# fenced code block in one answer), is commented, passes check --strict and
# renders a handbook, cards and worksheets without a warning. It never
# overwrites a file: an existing one stops it before anything is written.
source "$SP_SOURCE_DIR/tests/e2e/lib.sh"
cd "$TMP"

set +e
"$SP" init new/corpus >init.out 2>init.err
rc=$?
set -e
check "init into a new directory (parents made too) exits 0" test "$rc" -eq 0
check "it writes corpus.yaml and questions.yaml, nothing else" \
  test "$(cd new/corpus && ls -A | tr '\n' ' ')" = "corpus.yaml questions.yaml "
check "it says what it wrote and what to do next, on stderr" diff - init.err <<'TXT'
wrote new/corpus/corpus.yaml
wrote new/corpus/questions.yaml
next: studypress check -c new/corpus --strict, then studypress handbook -c new/corpus -o handbook.pdf
TXT
check "nothing on stdout" test ! -s init.out

"$SP" check -c new/corpus --strict 2>check.err
check "check --strict passes, with the summary alone" \
  test "$(cat check.err)" = "new/corpus: 4 questions, 1 role, 4 categories: ok"
check "list: one question of each category, in order" \
  test "$("$SP" list -c new/corpus | cut -f2 | tr '\n' ' ')" = "common technical behavioral ask-them "

check "every field of the format, in every question; comments throughout" python3 - new/corpus <<'PY'
import sys, yaml, os
d = sys.argv[1]
corpus = yaml.safe_load(open(os.path.join(d, "corpus.yaml"), encoding="utf-8"))
qs = yaml.safe_load(open(os.path.join(d, "questions.yaml"), encoding="utf-8"))["questions"]
ok = True
def need(cond, what):
    global ok
    if not cond:
        print("missing:", what); ok = False
need(set(corpus["corpus"]) == {"title", "subtitle", "author", "edition", "language", "description"}, "corpus metadata")
need(len(corpus["roles"]) == 1 and set(corpus["roles"][0]) == {"id", "name", "summary"}, "one role with every field")
need([c["id"] for c in corpus["categories"]] == ["common", "technical", "behavioral", "ask-them"], "the four categories")
need(all(set(c) == {"id", "name", "summary", "order"} for c in corpus["categories"]), "every category field")
fields = {"id", "question", "category", "roles", "topics", "level", "minutes", "why", "answer",
          "key_points", "framework", "tip", "follow_ups", "rubric", "related"}
need(sorted(q["category"] for q in qs) == sorted(["common", "technical", "behavioral", "ask-them"]), "one question per category")
for q in qs:
    need(set(q) == fields, "every field in %s: %s" % (q["id"], sorted(fields - set(q))))
    need(set(q["framework"]) == {"name", "steps"} and all(set(s) == {"label", "prompt"} for s in q["framework"]["steps"]), "framework of " + q["id"])
    need(set(q["rubric"]) == {"strong", "red_flags"}, "rubric of " + q["id"])
need(sum("```" in q["answer"] for q in qs) == 1, "a fenced code block in one answer")
for f in ("corpus.yaml", "questions.yaml"):
    lines = open(os.path.join(d, f), encoding="utf-8").read().splitlines()
    need(sum(l.lstrip().startswith("#") or " # " in l for l in lines) >= 10, "comments in " + f)
sys.exit(0 if ok else 1)
PY

for what in "handbook" "handbook --template sans" "cards" "cards --layout letter-3x5" \
            "worksheet --edition both" "worksheet --edition interviewer --minutes 15"; do
  name=$(echo "$what" | tr ' ' '_' | tr -d -)
  set +e
  # shellcheck disable=SC2086
  "$SP" $what -c new/corpus --strict -o "$name.pdf" 2>"$name.err"
  rc=$?
  set -e
  check "$what --strict renders the starter corpus" test "$rc" -eq 0
  check "... without a warning" sh -c "! grep -q 'warning\|error' '$name.err'"
done
check "the handbook is a valid PDF" pdf_ok handbook.pdf
check "the worksheets are valid PDFs" pdf_ok worksheet_edition_both-interviewer.pdf
pdftotext handbook.pdf handbook.txt
for want in "My Interview Handbook" "Tell me about yourself." "def two_sum(numbers, target):" \
            "Questions to ask them" "Framework: STAR"; do
  check "the handbook shows '$want'" grep -qF "$want" handbook.txt
done

# never over a file
cp -r new/corpus saved
echo "# mine" >>new/corpus/questions.yaml
cp new/corpus/questions.yaml mine.yaml
set +e
"$SP" init new/corpus 2>again.err
rc=$?
set -e
check "init on a directory with the files exits 3" test "$rc" -eq 3
check "... names every file that exists, and says nothing was written" diff - again.err <<'TXT'
studypress: error: cannot write 'new/corpus/corpus.yaml': it already exists
studypress: error: cannot write 'new/corpus/questions.yaml': it already exists
studypress init: nothing was written (it never overwrites a file)
TXT
check "... and leaves them as they were" cmp mine.yaml new/corpus/questions.yaml
mkdir half
echo "questions: []" >half/questions.yaml
ln -s nowhere half/corpus.yaml
set +e
"$SP" init half 2>half.err
rc=$?
set -e
check "one file there (and a dangling link in the other's place): exit 3" test "$rc" -eq 3
check "... nothing written, the file untouched" \
  sh -c 'test "$(cat half/questions.yaml)" = "questions: []" && test ! -e half/nowhere'
check "no temporary files are left" test -z "$(find . -name '.*.yaml.*')"
mkdir empty
check "init into an existing empty directory" "$SP" init empty 2>/dev/null
check "... writes the same files" diff -r saved empty
touch plainfile
set +e
"$SP" init plainfile 2>file.err
rc1=$?
"$SP" init /proc/studypress-init-test 2>proc.err
rc2=$?
"$SP" init 2>/dev/null
rc3=$?
"$SP" init a b 2>/dev/null
rc4=$?
"$SP" init --bogus x 2>/dev/null
rc5=$?
set -e
check "DIR is a file: exit 3, 'cannot create directory'" \
  sh -c "test $rc1 -eq 3 && grep -q \"cannot create directory 'plainfile'\" file.err"
check "DIR cannot be made: exit 3" test "$rc2" -eq 3
check "no DIR, two DIRs, an unknown option: usage errors (2)" \
  test "$rc3" -eq 2 -a "$rc4" -eq 2 -a "$rc5" -eq 2
# the second file cannot be written (a 4000-byte file size limit): the
# first one is removed again, and the directory init made
set +e
prlimit --fsize=4000 sh -c 'trap "" XFSZ; exec "$0" init small' "$SP" 2>small.err
rc=$?
set -e
check "a file that cannot be written: exit 3, and it says so" \
  sh -c "test $rc -eq 3 && grep -q \"cannot write 'small/questions.yaml': File too large\" small.err"
check "... the file written before it is removed, and the new directory" test ! -e small
check "init --help" sh -c "'$SP' init --help | grep -q 'usage: studypress init DIR'"
check "studypress --help lists init" sh -c "'$SP' --help | grep -qE '^  init +'"
finish
