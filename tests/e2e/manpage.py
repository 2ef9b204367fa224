#!/usr/bin/env python3
"""manpage.py - hold doc/studypress.1 to the sources and to --help.

  manpage.py messages SRC          every message the sources can print
  manpage.py roff SRC              the DIAGNOSTICS entries, as roff
  manpage.py check SRC MAN BINARY  compare; exit 1 on any difference

Messages are read from the calls that report them (diag_error, ld_error,
cli_usage_error, ... and the few helpers that build a message for one of
them, listed in INDIRECT), with each printf conversion shown as "...",
the way a user sees the message with its variable parts left out. The
DIAGNOSTICS section must list exactly these: none missing, none stale.

Options are read from the getopt tables of src/cli/cmd_*.c (with the
CLI_OPTS_* macros of src/cli/common.h) and from each command's --help:
both must agree, and the command's section of the man page must list
every one of them (a section may cover the shared ones by saying "the
common options" or "the selection options", which have sections of their
own that must list exactly those).
"""
import os
import re
import subprocess
import sys

# function -> (index of the format argument, severity or index of the
# severity argument)
REPORTERS = {
    "diag_error": (2, "error"),
    "diag_warning": (2, "warning"),
    "diag_report": (3, 1),
    "ld_error": (2, "error"),
    "ld_warning": (2, "warning"),
    "ld_error_ref": (2, "error"),
    "ld_warning_ref": (2, "warning"),
    "ld_report": (5, 2),
}
# helpers that make the text of a message reported with "%s" elsewhere:
# file -> {function: (format argument, severity, first argument it must
# have or None, how the text is printed)}
MSG = ("msg", "{}")
INDIRECT = {
    "src/corpus/ytree.c": {"fail": (3, "error"), "fail_mark": (2, "error"),
                           "fail_note": (3, "note"),
                           "snprintf": (2, "error") + MSG,
                           "buf_printf": (1, "error", "&msg", "{}")},
    "src/corpus/richtext.c": {"report": (2, "error"),
                              "snprintf": (2, "error") + MSG},
    "src/corpus/readfile.c": {"io_error": (2, "error", None, "{}: %s")},
    "src/products/csv.c": {"fail": (1, "error")},
    "src/products/batch.c": {"snprintf": (2, "error") + MSG},
    "src/products/batch_rows.c": {"snprintf": (2, "error") + MSG},
    "src/util/mem.c": {"snprintf": (2, "plain")},
    "src/util/datadir.c": {"snprintf": (2, "error", "env_problem", "{}")},
    "src/cli/cmd_worksheet.c": {"bad_option": (0, "plain", None,
                                               "studypress worksheet: {}")},
    "src/cli/cmd_cards.c": {"bad_value": (0, "plain", None,
                                          "studypress cards: {}, not '%s'")},
    "src/products/worksheet_pick.c": {"snprintf": (2, "error") + MSG},
    "src/pdf/fonts.c": {"buf_printf": (1, "error", "&msg", "{}")},
}
ASSIGNED = {"src/products/batch.c": ("err", "error"),  # err = "...";
            "src/products/batch_rows.c": ("err", "error")}
SEVERITIES = {"SP_ERROR": "error", "SP_WARNING": "warning", "SP_NOTE": "note"}
LAYERS = ["cli", "corpus", "layout", "pdf", "products", "util"]

CONV = re.compile(r"%[-+ #0]*(\*|\d+)?(\.(\*|\d+))?(hh|h|ll|l|z|j|t|L)?"
                  r"[diouxXeEfgGcsp]")


def strip_comments(src):
    out, i, n = [], 0, len(src)
    while i < n:
        c = src[i]
        if c in "\"'":
            j = i + 1
            while j < n and src[j] != c:
                j += 2 if src[j] == "\\" else 1
            out.append(src[i:j + 1])
            i = j + 1
        elif src.startswith("/*", i):
            j = src.find("*/", i + 2)
            out.append(" " * (j + 2 - i) if j >= 0 else "")
            i = j + 2 if j >= 0 else n
        elif src.startswith("//", i):
            j = src.find("\n", i)
            i = j if j >= 0 else n
        else:
            out.append(c)
            i += 1
    return "".join(out)


def split_args(src, start):
    """The top-level arguments of the call whose '(' is at start-1."""
    args, depth, i, cur = [], 0, start, []
    while i < len(src):
        c = src[i]
        if c in "\"'":
            j = i + 1
            while src[j] != c:
                j += 2 if src[j] == "\\" else 1
            cur.append(src[i:j + 1])
            i = j + 1
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                args.append("".join(cur).strip())
                return args
            depth -= 1
        elif c == "," and depth == 0:
            args.append("".join(cur).strip())
            cur = []
            i += 1
            continue
        cur.append(c)
        i += 1
    raise ValueError("unbalanced call")


def top_level(expr, ch):
    """Index of the first top-level ch in expr, or -1."""
    depth, i = 0, 0
    while i < len(expr):
        c = expr[i]
        if c in "\"'":
            j = i + 1
            while expr[j] != c:
                j += 2 if expr[j] == "\\" else 1
            i = j + 1
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == ch and depth == 0:
            return i
        i += 1
    return -1


def alternatives(expr):
    """The values a (possibly ?: ) expression of string literals has;
    None for an alternative that is not made of literals."""
    q = top_level(expr, "?")
    if q >= 0:
        rest = expr[q + 1:]
        c = top_level(rest, ":")
        return alternatives(rest[:c]) + alternatives(rest[c + 1:])
    expr = expr.strip()
    if expr.startswith("(") and expr.endswith(")"):
        return alternatives(expr[1:-1])
    lits = re.findall(r'"((?:[^"\\]|\\.)*)"', expr)
    rest = re.sub(r'"((?:[^"\\]|\\.)*)"', "", expr).strip()
    if not lits or rest:
        return [None]
    return ["".join(lits)]


def unescape_c(s):
    s = s.replace("\\n", "").replace("\\t", "\t").replace('\\"', '"')
    return s.replace("\\'", "'").replace("\\\\", "\\")


def shown(fmt):
    """The message as printed, conversions as '...'."""
    s = CONV.sub("\x00", unescape_c(fmt)).replace("%%", "%")
    s = re.sub("\x00+", "\x00", s)
    return s.replace("\x00", "...")


def severities(arg):
    found = [SEVERITIES[w] for w in re.findall(r"SP_[A-Z]+", arg)
             if w in SEVERITIES]
    return found or [None]


def calls(src, names):
    pat = re.compile(r"(?<![\w.>])(" + "|".join(map(re.escape, names)) +
                     r")\s*\(")
    for m in pat.finditer(src):
        line = src.count("\n", 0, m.start()) + 1
        yield m.group(1), line, split_args(src, m.end())


def messages(root):
    out = []  # (layer, severity, text, where)

    def add(rel, line, sev, text):
        if (text is None or not text.strip(". :") or text.startswith(" ")
                or text.endswith(" ")):
            return  # "%s", or a prefix or fragment of another message
        layer = rel.split("/")[1] if rel.count("/") > 1 else "cli"
        out.append((layer, sev, text, "%s:%d" % (rel, line)))

    files = []
    for d, _, fs in os.walk(os.path.join(root, "src")):
        files += [os.path.join(d, f) for f in fs if f.endswith(".c")]
    for path in sorted(files):
        rel = os.path.relpath(path, root)
        src = strip_comments(open(path, encoding="utf-8").read())
        table = dict(REPORTERS)
        table.update(INDIRECT.get(rel, {}))
        for name, line, args in calls(src, list(table) + ["cli_usage_error",
                                                         "fprintf",
                                                         "diag_printf"]):
            if name in ("fprintf", "diag_printf"):
                if args[0] == "stderr":
                    for alt in alternatives(args[1]):
                        if alt and alt.startswith("studypress"):
                            add(rel, line, "", shown(alt))
                continue
            if name == "cli_usage_error":
                cmd = alternatives(args[0])[0] or "%s"
                for alt in alternatives(args[1]):
                    if alt and not alt.startswith("%s"):
                        add(rel, line, "", shown("studypress %s: %s" %
                                                 (cmd, alt)))
                continue
            fi, sev, first, wrap = (table[name] + (None, "{}"))[:4]
            if fi >= len(args) or (first and args[0] != first):
                continue
            sevs = [sev] if isinstance(sev, str) else severities(args[sev])
            for alt in alternatives(args[fi]):
                for s in sevs:
                    if alt is not None and s == "plain":
                        add(rel, line, "", shown(wrap.replace("{}", alt)))
                    elif alt is not None and s:
                        add(rel, line, s, shown(wrap.replace("{}", alt)))
        if rel in ASSIGNED:
            var, sev = ASSIGNED[rel]
            for m in re.finditer(r"\b%s\s*=\s*(\"(?:[^\"\\]|\\.)*\")" % var,
                                 src):
                add(rel, src.count("\n", 0, m.start()) + 1, sev,
                    shown(m.group(1)[1:-1]))
    seen, uniq = set(), []
    for m in out:
        if (m[1], m[2]) not in seen:
            seen.add((m[1], m[2]))
            uniq.append(m)
    return uniq


# ---- roff ----

def roff_escape(s):
    s = s.replace("\\", "\\e").replace("-", "\\-").replace("`", "\\(ga")
    return s.replace("...", "\\fI...\\fR")


def roff_entry(sev, text):
    body = "\\(lq%s\\(rq" % roff_escape(text)
    return ".TP\n%s%s" % (sev + ": " if sev else "", body)


def roff(root):
    ms = messages(root)
    lines = []
    for layer in LAYERS:
        mine = [m for m in ms if m[0] == layer]
        if not mine:
            continue
        lines.append('.SS "%s"' % layer)
        lines += [roff_entry(m[1], m[2]) for m in mine]
    return "\n".join(lines)


def roff_unescape(s):
    s = re.sub(r"\\f[IRBP]", "", s)
    for a, b in (("\\(lq", "\u201c"), ("\\(rq", "\u201d"), ("\\(ga", "`"),
                 ("\\-", "-"), ("\\&", ""), ("\\e", "\\")):
        s = s.replace(a, b)
    return s


def man_section(man, start, stop=r"^\.S[HS] "):
    """The roff lines from the line matching start to the next header."""
    lines = man.split("\n")
    for i, l in enumerate(lines):
        if re.match(start, l):
            j = i + 1
            while j < len(lines) and not re.match(stop, lines[j]):
                j += 1
            return lines[i + 1:j]
    return None


def man_messages(man):
    body = man_section(man, r"^\.SH DIAGNOSTICS", r"^\.SH ")
    got = []
    for i, l in enumerate(body or []):
        if l == ".TP" and i + 1 < len(body):
            t = roff_unescape(body[i + 1])
            m = re.match(r"^(?:(error|warning|note): )?\u201c(.*)\u201d$", t)
            if m:
                got.append((m.group(1) or "", m.group(2)))
    return got


# ---- options ----

def macro_options(common_h):
    src = open(common_h, encoding="utf-8").read().replace("\\\n", " ")
    out = {}
    for m in re.finditer(r"#define (CLI_OPTS_\w+)([^\n]*)", src):
        out[m.group(1)] = re.findall(r'\{\s*"([a-z][a-z0-9-]*)",\s*\w+_argument',
                                     m.group(2))
    return out


def command_options(root, cmd, macros):
    src = strip_comments(open(os.path.join(root, "src/cli/cmd_%s.c" % cmd),
                              encoding="utf-8").read())
    opts, used = set(), set()
    for m in re.finditer(r"struct option \w+\[\]\s*=\s*\{", src):
        body = src[m.end():src.index("};", m.end())]
        opts |= set(re.findall(r'\{\s*"([a-z][a-z0-9-]*)",\s*\w+_argument',
                               body))
        for name in re.findall(r"\bCLI_OPTS_\w+", body):
            used.add(name)
            opts |= set(macros.get(name, []))
    return opts, used


def help_options(binary, cmd):
    r = subprocess.run([binary, cmd, "--help"], capture_output=True, text=True)
    opts = set()
    arg = r"(?: [A-Z][A-Z0-9,./=-]*)?"
    spec = re.compile(r"^ +(?:-\w, )?(--[a-z][a-z0-9-]*%s(?:, --[a-z][a-z0-9-]*%s)*)"
                      % (arg, arg))
    for l in r.stdout.split("\n"):
        m = spec.match(l)
        if m:
            opts |= set(re.findall(r"--([a-z][a-z0-9-]*)", m.group(1)))
    return r.returncode, opts


def section_options(lines):
    """--options in the .TP tags of a man section."""
    opts = set()
    for i, l in enumerate(lines or []):
        if l.startswith(".TP") and i + 1 < len(lines):
            tag = roff_unescape(lines[i + 1])
            if tag.startswith("Options:"):
                continue
            opts |= set(re.findall(r"--([a-z][a-z0-9-]*)", tag))
    return opts


def commands(root):
    src = open(os.path.join(root, "src/main.c"), encoding="utf-8").read()
    return re.findall(r'\{"([a-z]+)", cmd_\w+,', src)


def check_options(root, man, binary, problems):
    macros = macro_options(os.path.join(root, "src/cli/common.h"))
    shared = {"common": set(macros["CLI_OPTS_CONTENT"]),
              "selection": set(macros["CLI_OPTS_SELECTION"])}
    for name, want in shared.items():
        sec = man_section(man, r'^\.SS "%s options"' % name.capitalize())
        got = section_options(sec)
        if sec is None or got != want:
            problems.append("the man page's %s options section lists %s, "
                            "not %s" % (name, sorted(got), sorted(want)))
    for cmd in commands(root):
        table, used = command_options(root, cmd, macros)
        rc, helped = help_options(binary, cmd)
        if rc != 0:
            problems.append("%s --help exits %d" % (cmd, rc))
        for o in sorted(table - helped):
            problems.append("%s: --%s is accepted but not in --help" % (cmd, o))
        for o in sorted(helped - table):
            problems.append("%s: --help shows --%s, which it does not accept"
                            % (cmd, o))
        sec = man_section(man, r'^\.SS "%s"' % cmd)
        if sec is None:
            problems.append("the man page has no section for '%s'" % cmd)
            continue
        listed = section_options(sec)
        text = roff_unescape(" ".join(sec)).lower()
        covered = set(listed)
        for name, opts in shared.items():
            if "%s options" % name in text:
                covered |= opts
        for o in sorted(table - covered):
            problems.append("man page, %s: --%s is missing" % (cmd, o))
        for o in sorted(listed - table):
            problems.append("man page, %s: lists --%s, which %s does not "
                            "accept" % (cmd, o, cmd))


def check(root, manpath, binary):
    man = open(manpath, encoding="utf-8").read()
    problems = []
    want = messages(root)
    got = man_messages(man)
    gotset = set(got)
    for layer, sev, text, where in want:
        if (sev, text) not in gotset:
            problems.append("DIAGNOSTICS lacks (%s; under .SS \"%s\"):\n%s" %
                            (where, layer, roff_entry(sev, text)))
    wantset = {(m[1], m[2]) for m in want}
    for sev, text in got:
        if (sev, text) not in wantset:
            problems.append("DIAGNOSTICS lists a message no source prints: "
                            "%s%s" % (sev + ": " if sev else "", text))
    check_options(root, man, binary, problems)
    for p in problems:
        print("manpage: " + p)
    print("manpage: %d messages, %d problems" % (len(want), len(problems)))
    return 1 if problems else 0


def main(argv):
    if len(argv) >= 3 and argv[1] == "messages":
        for m in messages(argv[2]):
            print("%s\t%s\t%s\t%s" % (m[0], m[1] or "-", m[2], m[3]))
        return 0
    if len(argv) >= 3 and argv[1] == "roff":
        print(roff(argv[2]))
        return 0
    if len(argv) >= 5 and argv[1] == "check":
        return check(argv[2], argv[3], argv[4])
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
