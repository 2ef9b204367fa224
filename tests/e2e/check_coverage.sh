#!/usr/bin/env bash
# check_coverage.sh - check finds missing characters without laying the
# products out: for a corpus with characters no font has in every kind of
# field (title, category name and summary, question, rich text with
# emphasis, code, lists and a code block, key points, framework, tip,
# follow-ups, rubric, related), check reports every warning the handbook
# gives, word for word, and exactly the characters and places the
# handbook and the interviewer worksheet report between them.
source "$SP_SOURCE_DIR/tests/e2e/lib.sh"
cd "$TMP"
cat >c.yaml <<'Y'
corpus:
  title: Glyphs 標題
  subtitle: Sub ሀ title
  author: Ann ไทย
  edition: "2 Ω"
  description: |
    A description with 日 and `code 語` and **bold ሀ**.
categories:
  - id: c
    name: Common 常
    summary: |
      Summary *ital ሁ* and plain ไ.
  - id: d
    name: Deux
questions:
  - id: q1
    category: c
    question: What does the word 日本 mean "quoted" 'x'?
    topics: [alpha]
    level: senior
    minutes: 4
    why: |
      Why ሀ with a list:

      1. first 語
      2. second *ሁ*
         - nested ไทย
           - deeper क्षि

      ```python
      x = "日本"  # ሀ
      ```
    answer: It names a country 'q̃', written with two ideographs.
    key_points: [Point 常 one, "Point -- two"]
    framework:
      name: STAR ሀ
      steps:
        - {label: Situation 日, prompt: Set the scene ไ}
        - {label: Task, prompt: What ሁ}
        - {label: Action, prompt: Did}
        - {label: Result, prompt: "Then 語"}
    tip: Tip 😀 and 👩‍💻 and ℵ ꙮ.
    follow_ups: ["Follow ᚠ up?"]
    rubric: {strong: [Mentions 語], red_flags: [Flag ሀ]}
    related: [q2]
  - id: q2
    category: d
    question: Second ไทย "question"
    answer: |
      Answer with `mono ℵ` and [link ꙮ](https://example.com).
    tip: Bare tip ሀ *it ไ*.
    related: [q1]
  - id: q3
    category: c
    question: Plain one
    answer: Plain answer.
Y
set +e
"$SP" check -c c.yaml 2>check.err
"$SP" handbook -c c.yaml -o hb.pdf 2>hb.err
"$SP" worksheet -c c.yaml --edition interviewer --only q1,q2,q3 \
  -o ws.pdf 2>ws.err
set -e
check "the worksheet was written" test -s ws.pdf
w() { grep ': warning: ' "$1" | sort -u; }
# (place, code point): the place is empty for text without one
key() { sed -E 's/^(.*: )warning: character (U\+[0-9A-F]+) .*/\1\2/' | sort -u; }
w hb.err >hb.w
w check.err >check.w
check "the handbook warns about several characters" \
  bash -c "[ \$(wc -l <hb.w) -ge 20 ]"
check "every handbook warning is a check warning, word for word" \
  bash -c "comm -23 hb.w check.w | (! grep .)"
cat hb.err ws.err | grep ': warning: ' | key >products.k
key <check.w >check.k
check "check reports the characters and places the products report" \
  cmp products.k check.k
check "one warning per character and place" \
  bash -c "[ \$(grep -c ': warning: ' check.err) -eq \$(wc -l <check.k) ]"
check "the count in the summary" \
  grep -q "$(wc -l <check.k) warnings: ok" check.err
for place in c.yaml:1[0-9]: c.yaml:2[0-9]: c.yaml:3[0-9]: c.yaml:4[0-9]:; do
  check "warnings at $place" grep -q "^$place" check.w
done

# A corpus of many slices (100 questions each): a helper thread walks
# slices from the end while the main thread walks from the start
# (src/cli/coverage.c). Characters no font has in every 40th question (so
# in every slice, whichever thread walks it) and in text without a place
# (a category name): the messages and their order are those of one
# thread (SP_NO_PREFETCH=1), and so is a clean corpus's.
python3 "$SP_SOURCE_DIR/tests/bench/gen.py" 700 --out-dir big >/dev/null
python3 - big <<'PY'
import glob, re, sys
files = sorted(glob.glob(sys.argv[1] + "/questions-*.yaml"))
text = {f: open(f, encoding="utf-8").read() for f in files}
done = 0
for f in files:
    s = text[f]
    starts = [m.start() for m in re.finditer(r"\n  - id: ", s)]
    for k in list(range(0, len(starts), 40)) + [len(starts) - 1]:
        j = s.index("question: ", starts[k]) + len("question: ")
        j += s[j] == '"'
        s = s[:j] + "\ue000 " + s[j:]
        starts = [m.start() for m in re.finditer(r"\n  - id: ", s)]
        done += 1
    text[f] = s
c = sys.argv[1] + "/corpus.yaml"
s = open(c, encoding="utf-8").read()
s = s.replace('name: "Modeling problems"', 'name: "Modeling \ue001 problems"', 1)
open(c, "w", encoding="utf-8").write(s)
for f, s in text.items():
    open(f, "w", encoding="utf-8").write(s)
print(done, "questions marked")
PY
set +e
"$SP" check -c big >big.two 2>&1
two=$?
SP_NO_PREFETCH=1 "$SP" check -c big >big.one 2>&1
one=$?
set -e
check "many slices: the same exit status on one thread and two ($one, $two)" \
  test "$one" = "$two"
check "many slices: the same messages in the same order" cmp big.one big.two
check "many slices: a warning for each marked question" \
  bash -c "[ \$(grep -c 'U+E000' big.two) -ge 18 ]"
check "many slices: the category name warned about" grep -q 'U+E001' big.two
python3 "$SP_SOURCE_DIR/tests/bench/gen.py" 300 --out-dir clean >/dev/null
"$SP" check -c clean >clean.two 2>&1
SP_NO_PREFETCH=1 "$SP" check -c clean >clean.one 2>&1
check "a clean corpus of many slices: the same report" cmp clean.one clean.two
finish
