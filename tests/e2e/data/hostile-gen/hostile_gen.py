#!/usr/bin/env python3
"""hostile_gen.py CASE OUT - write one pathological input for tests/e2e/hostile_*.sh.

Cases (OUT is a file unless said otherwise):
  many-questions   a corpus of 5,000 questions in 20 categories
  big-answer       one question with a 10 MB answer
  long-word        one question whose answer is a single 100 KB word
  deep-lists       rich text with lists nested 1,000 deep
  many-categories  500 categories with a question each
  many-files       OUT is a directory: corpus.yaml and 5,000 question files
  garbage          1 MB of random bytes (fixed seed)
  alias-bomb       a YAML "billion laughs" of nested aliases
  deep-yaml        YAML flow sequences nested 10,000 deep
  long-line        a 2 MB single-line question text
  many-rows        a candidates CSV of 10,000 rows
All output is deterministic.
"""
import os
import random
import sys

HEAD = """corpus:
  title: Hostile corpus
  author: gen.py
roles:
  - id: r1
    name: Role one
  - id: r2
    name: Role two
"""


def cats(n):
    out = ["categories:"]
    for i in range(n):
        out.append(f"  - id: cat{i}\n    name: Category number {i}\n"
                   f"    order: {i + 1}")
    return "\n".join(out) + "\n"


def question(i, cat, answer=None):
    answer = answer or (f"Answer {i} explains the trade-off between bias and "
                        f"variance with *emphasis*, **strength** and `code`.")
    return (f"  - id: q{i}\n    category: cat{cat}\n    roles: [r{1 + i % 2}]\n"
            f"    topics: [topic{i % 37}]\n"
            f"    question: Question number {i}, about topic {i % 37}?\n"
            f"    answer: {answer}\n"
            f"    key_points: [first point {i}, second point {i}]\n")


def many_questions(out):
    with open(out, "w") as f:
        f.write(HEAD + cats(20) + "questions:\n")
        for i in range(5000):
            f.write(question(i, i % 20))


def big_answer(out):
    sentence = ("Regularisation trades a little bias for a large cut in "
                "variance, and validation tells you how much. ")
    para = sentence * 20
    n = (10 * 1024 * 1024) // (len(para) + 1) + 1
    with open(out, "w") as f:
        f.write(HEAD + cats(1) + "questions:\n")
        f.write("  - id: big\n    category: cat0\n    question: Big?\n"
                "    answer: |\n")
        for _ in range(n):
            f.write("      " + para + "\n\n")


def long_word(out):
    word = ("Pneumonoultramicroscopicsilicovolcanoconiosis" * 2300)[:100 * 1024]
    with open(out, "w") as f:
        f.write(HEAD + cats(1) + "questions:\n")
        f.write(question(0, 0, word))
        f.write(f"  - id: q1\n    category: cat0\n    question: {word}\n"
                f"    answer: short\n")


def deep_lists(out):
    lines = []
    for d in range(1000):
        lines.append("      " + "  " * d + f"- level {d}")
    with open(out, "w") as f:
        f.write(HEAD + cats(1) + "questions:\n")
        f.write("  - id: deep\n    category: cat0\n    question: Deep?\n"
                "    answer: |\n" + "\n".join(lines) + "\n")


def many_categories(out):
    with open(out, "w") as f:
        f.write(HEAD + cats(500) + "questions:\n")
        for i in range(500):
            f.write(question(i, i))


def many_files(out):
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "corpus.yaml"), "w") as f:
        f.write(HEAD + cats(10))
    for i in range(5000):
        with open(os.path.join(out, f"q{i:05d}.yaml"), "w") as f:
            f.write("questions:\n" + question(i, i % 10))


def garbage(out):
    rnd = random.Random(8)
    with open(out, "wb") as f:
        f.write(bytes(rnd.getrandbits(8) for _ in range(1024 * 1024)))


def alias_bomb(out):
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 12):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 8)}]")
    with open(out, "w") as f:
        f.write(HEAD + cats(1) + "\n".join(lines) + "\nquestions:\n")
        f.write("  - id: bomb\n    category: cat0\n    question: Bomb?\n"
                "    answer: x\n    key_points: *a11\n")


def deep_yaml(out):
    with open(out, "w") as f:
        f.write(HEAD + cats(1) + "questions: " + "[" * 10000 + "]" * 10000
                + "\n")


def long_line(out):
    text = " ".join(f"w{i}" for i in range(400000))[:2 * 1024 * 1024]
    with open(out, "w") as f:
        f.write(HEAD + cats(1) + "questions:\n")
        f.write(f"  - id: long\n    category: cat0\n    question: {text}\n"
                f"    answer: short\n")


def many_rows(out):
    with open(out, "w") as f:
        f.write("name,id,role,seed,date,interviewer\n")
        for i in range(10000):
            f.write(f"Candidate {i},{i},,{i},2026-01-01,\"Smith, Jo\"\n")


CASES = {
    "many-questions": many_questions, "big-answer": big_answer,
    "long-word": long_word, "deep-lists": deep_lists,
    "many-categories": many_categories, "many-files": many_files,
    "garbage": garbage, "alias-bomb": alias_bomb, "deep-yaml": deep_yaml,
    "long-line": long_line, "many-rows": many_rows,
}

if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in CASES:
        sys.exit(__doc__)
    CASES[sys.argv[1]](sys.argv[2])
