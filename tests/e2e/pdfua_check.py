#!/usr/bin/env python3
"""pdfua_check.py - the machine-checkable PDF/UA-1 conditions (Matterhorn
Protocol checkpoints) that apply to what studypress writes, read from
`qpdf --json` and `pdfinfo -struct-text` (veraPDF is not in Debian).

  pdfua_check.py [--lang TAG] [--order FILE] [--heading H2] FILE.pdf...

Checks (the checkpoint numbers of the Matterhorn Protocol 1.1 in brackets):
  - the catalog: /MarkInfo /Marked true (01-002), /StructTreeRoot (01-003),
    /Lang (11-001; equal to --lang when given), /ViewerPreferences
    /DisplayDocTitle true (07-002), /Metadata with dc:title (06-003) and
    pdfuaid:part 1 (06-002), an /Info /Title;
  - content: every text-showing and path-painting operator inside marked
    content, tagged or /Artifact (01-001, 01-004), no MCID inside an
    artifact, MCIDs unique per page and each one in the ParentTree (01-005);
    the text of a show operator in Hebrew, Arabic, Devanagari, Thai or CJK
    script (and no Latin letters) outside the document's language is inside
    marked content with a /Lang (11-006);
  - structure: only standard roles after the RoleMap (02-001), heading
    levels not skipped and the first one H1 (14-002, 14-003), every Table
    with a TR and a TH (15-003), every TH with a Table /Scope attribute
    (15-005; we write no /Headers), L holding LI, LI holding Lbl or LBody
    (16-001), every Link element holding an OBJR, every link annotation
    with /Contents and a /StructParent (28-004, 28-011), every page with
    annotations /Tabs /S (the annotations' checkpoints);
  - fonts: embedded (31-001) with a ToUnicode that maps every code drawn
    (31-006/31-009); a font with an embedded one-byte CMap has the
    codespace <00> <FF> and its code 32 (which Tw acts on) reads as a space;
  - with --order: the text of the --heading elements (default H2), in
    the order of `pdfinfo -struct-text`, equals the lines of FILE (the
    corpus order of the questions); a heading's Lbl (its number) is left
    out.
Exit status 0 when every file passes, 1 otherwise; each failure is one
line "FILE: what".
"""
import base64
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from punct_fold import fold  # noqa: E402

STANDARD = set("""Document Part Art Sect Div BlockQuote Caption TOC TOCI Index
NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead
TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP
Warichu WT WP Figure Formula Form""".split())
PAINT = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do"}
SHOW = {"Tj", "TJ", "'", '"'}


class Fail(Exception):
    pass


def load(path):
    out = subprocess.run(
        ["qpdf", "--json", "--json-stream-data=inline",
         "--decode-level=generalized", path],
        check=True, capture_output=True).stdout
    j = json.loads(out)
    objs = j["qpdf"][1]
    return objs


class Doc:
    def __init__(self, path):
        self.path = path
        self.objs = load(path)
        self.fails = []

    def fail(self, what):
        self.fails.append(what)

    def obj(self, ref):
        if isinstance(ref, str) and ref.endswith(" R"):
            o = self.objs.get("obj:" + ref)
            if o is None:
                return None
            return o.get("value", o.get("stream"))
        return ref

    def dict_of(self, ref):
        o = self.obj(ref)
        if isinstance(o, dict) and "dict" in o and "data" in o:
            return o["dict"]
        return o

    def stream_data(self, ref):
        o = self.obj(ref)
        if isinstance(o, dict) and "data" in o:
            return base64.b64decode(o["data"])
        return b""

    def trailer(self):
        return self.objs["trailer"]["value"]


def text(v):
    if isinstance(v, str) and v.startswith("u:"):
        return v[2:]
    if isinstance(v, str) and v.startswith("b:"):
        return bytes.fromhex(v[2:]).decode("latin-1")
    return v


# ---- content streams ----

TOKEN = re.compile(rb"""
    (?P<ws>[\x00\t\n\x0c\r ]+|%[^\r\n]*) |
    (?P<str>\() | (?P<hex><[0-9A-Fa-f\s]*>) |
    (?P<dopen><<) | (?P<dclose>>>) | (?P<aopen>\[) | (?P<aclose>\]) |
    (?P<name>/[^\x00\t\n\x0c\r ()<>\[\]{}/%]*) |
    (?P<word>[^\x00\t\n\x0c\r ()<>\[\]{}/%]+)""", re.X)


def literal(data, i):
    """The bytes of the literal string starting after '(' at i; returns
    (bytes, next index)."""
    out, depth = bytearray(), 1
    while i < len(data):
        c = data[i]
        if c == 0x5C:  # backslash
            n = data[i + 1:i + 2]
            esc = {b"n": 10, b"r": 13, b"t": 9, b"b": 8, b"f": 12}
            if n in esc:
                out.append(esc[n])
                i += 2
            elif n and n in b"01234567":
                m = re.match(rb"[0-7]{1,3}", data[i + 1:i + 4])
                out.append(int(m.group(0), 8) & 255)
                i += 1 + len(m.group(0))
            elif n in (b"\r", b"\n"):
                i += 2
            else:
                out += n
                i += 2
            continue
        if c == 0x28:
            depth += 1
        elif c == 0x29:
            depth -= 1
            if depth == 0:
                return bytes(out), i + 1
        out.append(c)
        i += 1
    raise Fail("unterminated string in a content stream")


def tokens(data):
    i = 0
    while i < len(data):
        m = TOKEN.match(data, i)
        if not m:
            raise Fail("cannot read a content stream at byte %d" % i)
        kind = m.lastgroup
        if kind == "str":
            s, i = literal(data, m.end())
            yield ("str", s)
            continue
        i = m.end()
        if kind == "ws":
            continue
        if kind == "hex":
            h = re.sub(rb"\s", b"", m.group(0)[1:-1])
            yield ("str", bytes.fromhex((h + b"0" * (len(h) % 2)).decode()))
        else:
            yield (kind, m.group(0))


def code_bytes(doc, ref):
    """1 for a font whose /Encoding is an embedded one-byte CMap, else 2."""
    f = doc.dict_of(ref) if ref else None
    enc = f.get("/Encoding") if isinstance(f, dict) else None
    if not enc or (isinstance(enc, str) and enc.startswith("/")):
        return 2
    return 1


def check_one_byte_font(doc, name, f, tu):
    """An embedded one-byte CMap: codespace <00> <FF>; code 32 (what Tw
    acts on) reads as a space."""
    cmap = doc.stream_data(f.get("/Encoding"))
    if not re.search(rb"begincodespacerange\s*<00>\s*<FF>", cmap):
        doc.fail("font %s: embedded CMap without the one-byte codespace "
                 "<00> <FF>" % name)
    m = re.search(rb"<20>\s*<([0-9A-Fa-f]+)>", tu)
    if m and m.group(1).upper() != b"0020":
        doc.fail("font %s: code 32 (word spacing) reads as U+%s, not a "
                 "space" % (name, m.group(1).decode()))


SCRIPT_LANGS = [((0x41, 0x5A), "la"), ((0x61, 0x7A), "la"),
                ((0xC0, 0x24F), "la"),
                ((0x590, 0x5FF), "he"), ((0x600, 0x6FF), "ar"),
                ((0x750, 0x77F), "ar"), ((0x900, 0x97F), "hi"),
                ((0xE00, 0xE7F), "th"), ((0x1100, 0x11FF), "ko"),
                ((0x3040, 0x30FF), "ja"), ((0x3400, 0x4DBF), "zh"),
                ((0x4E00, 0x9FFF), "zh"), ((0xAC00, 0xD7AF), "ko"),
                ((0xFB1D, 0xFB4F), "he"), ((0xFB50, 0xFDFF), "ar"),
                ((0xFE70, 0xFEFF), "ar")]


def script_lang(text):
    """The language a string's script says ("he", "zh", ...), or None
    (Latin letters in it, or no such script)."""
    found = set()
    for ch in text:
        c = ord(ch)
        for (lo, hi), lang in SCRIPT_LANGS:
            if lo <= c <= hi:
                found.add(lang)
    if not found or "la" in found:
        return None
    return "ja" if "ja" in found else sorted(found)[0]


def unicode_map(doc, ref):
    """code -> text of a font's ToUnicode (cached)."""
    cache = doc.__dict__.setdefault("tu_maps", {})
    if ref not in cache:
        f = doc.dict_of(ref) if ref else None
        tu = f.get("/ToUnicode") if isinstance(f, dict) else None
        m = {}
        data = doc.stream_data(tu) if tu else b""
        for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
            for a, b in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>",
                                   block):
                try:
                    m[int(a, 16)] = bytes.fromhex(b.decode()).decode(
                        "utf-16-be")
                except ValueError:
                    pass
        cache[ref] = m
    return cache[ref]


def check_span_lang(doc, page_no, fref, strings, in_lang):
    """The text of one show operator, when its script is not the
    document's language, is in marked content with a /Lang (Matterhorn
    11-006)."""
    if in_lang:
        return
    width = code_bytes(doc, fref)
    m = unicode_map(doc, fref)
    text = ""
    for s in strings:
        codes = list(s) if width == 1 else [
            s[j] << 8 | s[j + 1] for j in range(0, len(s) - 1, 2)]
        text += "".join(m.get(c, "") for c in codes)
    lang = script_lang(text)
    doc_lang = (getattr(doc, "lang", None) or "en").split("-")[0]
    if lang and lang != doc_lang:
        doc.fail("page %d: text in a %r script without a /Lang" %
                 (page_no, lang))


def check_content(doc, page_no, data, fonts, used):
    """Marked content around everything drawn; MCIDs; codes per font."""
    stack = []  # per open sequence: "art", "mc" or "other"
    langs = []  # per open sequence: it has a /Lang
    operands = []
    mcids = set()
    font = None
    for kind, v in tokens(data):
        if kind in ("str", "name", "hex") or kind in ("dopen", "dclose",
                                                      "aopen", "aclose"):
            operands.append((kind, v))
            continue
        w = v.decode("latin-1")
        if re.match(r"^[-+.0-9]+$", w) or w in ("true", "false", "null"):
            operands.append((kind, v))
            continue
        op = w
        if op in ("BDC", "BMC"):
            tag = next((x[1] for x in operands if x[0] == "name"), b"")
            mcid = None
            m = re.search(rb"/MCID\s+(\d+)", b" ".join(
                x[1] if isinstance(x[1], bytes) else b"" for x in operands))
            if m:
                mcid = int(m.group(1))
            langs.append(any(x[1] == b"/Lang" for x in operands))
            if tag == b"/Artifact":
                if mcid is not None:
                    doc.fail("page %d: an artifact with an MCID" % page_no)
                stack.append("art")
            elif mcid is not None:
                if any(s == "art" for s in stack):
                    doc.fail("page %d: MCID %d inside an artifact" %
                             (page_no, mcid))
                if mcid in mcids:
                    doc.fail("page %d: MCID %d twice" % (page_no, mcid))
                mcids.add(mcid)
                stack.append("mc")
            else:
                stack.append("other")
        elif op == "EMC":
            if not stack:
                doc.fail("page %d: EMC without BDC" % page_no)
            else:
                stack.pop()
                langs.pop()
        elif op == "Tf":
            font = next((x[1] for x in operands if x[0] == "name"), None)
        elif op in SHOW or op in PAINT:
            if not any(s in ("art", "mc") for s in stack):
                doc.fail("page %d: '%s' outside tagged content and "
                         "artifacts" % (page_no, op))
            if op in SHOW and font is not None:
                codes = used.setdefault(fonts.get(font), set())
                width = code_bytes(doc, fonts.get(font))
                if "art" not in stack:
                    check_span_lang(doc, page_no, fonts.get(font),
                                    [v for k, v in operands if k == "str"],
                                    any(langs))
                for k, s in operands:
                    if k != "str":
                        continue
                    if width == 1:
                        codes.update(s)
                    else:
                        for j in range(0, len(s) - 1, 2):
                            codes.add(s[j] << 8 | s[j + 1])
        operands = []
    if stack:
        doc.fail("page %d: %d marked-content sequences left open" %
                 (page_no, len(stack)))
    return mcids


def tounicode_codes(cmap):
    got = set()
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for src in re.findall(rb"<([0-9A-Fa-f]+)>\s*<[0-9A-Fa-f]+>", block):
            got.add(int(src, 16))
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for a, b in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>",
                               block):
            got.update(range(int(a, 16), int(b, 16) + 1))
    return got


def check_fonts(doc, used):
    for ref, codes in used.items():
        f = doc.dict_of(ref)
        if not f:
            continue
        name = f.get("/BaseFont", ref)
        tu = f.get("/ToUnicode")
        if not tu:
            doc.fail("font %s: no ToUnicode" % name)
        else:
            if code_bytes(doc, ref) == 1:
                check_one_byte_font(doc, name, f, doc.stream_data(tu))
            missing = codes - tounicode_codes(doc.stream_data(tu))
            if missing:
                doc.fail("font %s: %d codes drawn without a ToUnicode "
                         "mapping (e.g. %04X)" % (name, len(missing),
                                                  min(missing)))
        desc = None
        for d in f.get("/DescendantFonts", []) or []:
            desc = doc.dict_of(doc.dict_of(d).get("/FontDescriptor"))
        if desc is None:
            desc = doc.dict_of(f.get("/FontDescriptor"))
        if not desc or not any(k in desc for k in
                               ("/FontFile", "/FontFile2", "/FontFile3")):
            doc.fail("font %s: not embedded" % name)


# ---- structure ----

def check_tree(doc, root, pages_of, mcids_of):
    rolemap = doc.dict_of(root.get("/RoleMap")) or {}
    heads = []
    seen_mcid = {}

    def role(e):
        r = e.get("/S", "")[1:]
        while "/" + r in rolemap:
            r = rolemap["/" + r][1:]
        return r

    def walk(ref, depth):
        e = doc.dict_of(ref)
        if depth > 200 or not isinstance(e, dict):
            return
        r = role(e)
        if r not in STANDARD:
            doc.fail("role /%s is not standard and not role-mapped" % r)
        kids = e.get("/K", [])
        if not isinstance(kids, list):
            kids = [kids]
        elems = [doc.dict_of(k) for k in kids
                 if isinstance(k, str) and k.endswith(" R")]
        elems = [k for k in elems if isinstance(k, dict) and "/S" in k]
        kroles = [role(k) for k in elems]
        m = re.match(r"^H([1-6])$", r)
        if m:
            heads.append(int(m.group(1)))
        if r == "Table" and ("TR" not in kroles and not any(
                role(doc.dict_of(x)) == "TR" for k in elems
                for x in (k.get("/K") if isinstance(k.get("/K"), list)
                          else [k.get("/K")])
                if isinstance(x, str) and x.endswith(" R"))):
            doc.fail("a Table without TR")
        if r == "Table":
            cells = set()
            for k in elems:
                for x in (k.get("/K") if isinstance(k.get("/K"), list)
                          else [k.get("/K")]):
                    if isinstance(x, str) and x.endswith(" R"):
                        cells.add(role(doc.dict_of(x)))
            if "TH" not in cells:
                doc.fail("a Table without header cells (TH)")
        if r == "TH":
            attrs = e.get("/A", [])
            attrs = attrs if isinstance(attrs, list) else [attrs]
            if not any(isinstance(a, dict) and a.get("/O") == "/Table" and
                       a.get("/Scope") in ("/Row", "/Column", "/Both")
                       for a in (doc.dict_of(x) for x in attrs)):
                doc.fail("a TH without a Table /Scope attribute")
        if r == "L" and any(k not in ("LI", "Caption", "L") for k in kroles):
            doc.fail("an L holding %s" % sorted(set(kroles)))
        if r == "LI" and any(k not in ("Lbl", "LBody") for k in kroles):
            doc.fail("an LI holding %s" % sorted(set(kroles)))
        if r == "Link":
            if not any(isinstance(k, dict) and k.get("/Type") == "/OBJR"
                       for k in (doc.dict_of(x) for x in kids)):
                doc.fail("a Link element without an OBJR")
        pg = e.get("/Pg")
        for k in kids:
            d = doc.dict_of(k) if not isinstance(k, int) else k
            if isinstance(d, int):
                seen_mcid[(pg, d)] = ref
            elif isinstance(d, dict) and d.get("/Type") == "/MCR":
                seen_mcid[(d.get("/Pg", pg), d.get("/MCID"))] = ref
        for k in kids:
            if isinstance(k, str) and k.endswith(" R"):
                d = doc.dict_of(k)
                if isinstance(d, dict) and "/S" in d:
                    walk(k, depth + 1)

    k = root.get("/K")
    for ref in (k if isinstance(k, list) else [k]):
        if ref:
            walk(ref, 0)
    if heads and heads[0] != 1:
        doc.fail("the first heading is H%d, not H1" % heads[0])
    for a, b in zip(heads, heads[1:]):
        if b > a + 1:
            doc.fail("heading level skipped: H%d after H%d" % (b, a))
            break
    # every MCID drawn is a kid of some element, and the ParentTree says so
    nums = []
    pt = doc.dict_of(root.get("/ParentTree")) or {}
    stack = [pt]
    while stack:
        n = stack.pop()
        nums += n.get("/Nums", [])
        stack += [doc.dict_of(x) for x in n.get("/Kids", [])]
    ptree = dict(zip(nums[0::2], nums[1::2]))
    for pref, mcids in mcids_of.items():
        sp = doc.dict_of(pref).get("/StructParents")
        arr = doc.obj(ptree.get(sp)) if sp is not None else None
        for m in sorted(mcids):
            if (pref, m) not in seen_mcid:
                doc.fail("page %d: MCID %d is in no structure element" %
                         (pages_of[pref], m))
                break
            if not isinstance(arr, list) or m >= len(arr) or \
                    arr[m] != seen_mcid[(pref, m)]:
                doc.fail("page %d: the ParentTree does not give MCID %d's "
                         "element" % (pages_of[pref], m))
                break
    return ptree


def check_catalog(doc, lang):
    cat = doc.dict_of(doc.trailer()["/Root"])
    mi = doc.dict_of(cat.get("/MarkInfo")) or {}
    if mi.get("/Marked") is not True:
        doc.fail("no /MarkInfo /Marked true")
    got = text(cat.get("/Lang"))
    doc.lang = got
    if not got:
        doc.fail("no /Lang")
    elif lang and got != lang:
        doc.fail("/Lang is %r, not %r" % (got, lang))
    vp = doc.dict_of(cat.get("/ViewerPreferences")) or {}
    if vp.get("/DisplayDocTitle") is not True:
        doc.fail("no /ViewerPreferences /DisplayDocTitle true")
    xmp = doc.stream_data(cat.get("/Metadata")) if cat.get("/Metadata") \
        else b""
    if b"<pdfuaid:part>1</pdfuaid:part>" not in xmp:
        doc.fail("no XMP metadata with pdfuaid:part 1")
    if b"<dc:title>" not in xmp:
        doc.fail("no dc:title in the XMP metadata")
    info = doc.dict_of(doc.trailer().get("/Info")) or {}
    if not text(info.get("/Title")):
        doc.fail("no /Info /Title")
    root = doc.dict_of(cat.get("/StructTreeRoot"))
    if not root:
        doc.fail("no /StructTreeRoot")
    return cat, root


def pages(doc, cat):
    out = []
    stack = [doc.trailer()["/Root"] and cat.get("/Pages")]
    while stack:
        ref = stack.pop(0)
        d = doc.dict_of(ref)
        if d.get("/Type") == "/Pages":
            stack = list(d.get("/Kids", [])) + stack
        else:
            out.append(ref)
    return out


def check_pages(doc, cat):
    used, mcids_of, pages_of = {}, {}, {}
    for no, ref in enumerate(pages(doc, cat), 1):
        pages_of[ref] = no
        pg = doc.dict_of(ref)
        res = doc.dict_of(pg.get("/Resources")) or {}
        fonts = {("/" + k[1:]).encode(): v for k, v in
                 (doc.dict_of(res.get("/Font")) or {}).items()}
        c = pg.get("/Contents")
        refs = c if isinstance(c, list) else [c] if c else []
        data = b"\n".join(doc.stream_data(r) for r in refs)
        mcids = check_content(doc, no, data, fonts, used)
        if mcids:
            mcids_of[ref] = mcids
            if pg.get("/StructParents") is None:
                doc.fail("page %d: marked content but no /StructParents" % no)
        annots = [doc.dict_of(a) for a in doc.obj(pg.get("/Annots")) or []]
        if annots and pg.get("/Tabs") != "/S":
            doc.fail("page %d: annotations but no /Tabs /S" % no)
        for a in annots:
            if a.get("/Subtype") != "/Link":
                continue
            if not text(a.get("/Contents")):
                doc.fail("page %d: a link annotation without /Contents" % no)
                break
            if a.get("/StructParent") is None:
                doc.fail("page %d: a link annotation without "
                         "/StructParent" % no)
                break
    check_fonts(doc, used)
    return mcids_of, pages_of


# ---- reading order (pdfinfo -struct-text) ----

def headings(path, role):
    out = subprocess.run(["pdfinfo", "-struct-text", path], check=True,
                         capture_output=True, text=True).stdout
    res, cur, depth, skip = [], None, -1, -1
    for line in out.split("\n"):
        ind = len(line) - len(line.lstrip(" "))
        s = line.strip()
        if cur is not None and ind <= depth:
            res.append(" ".join("".join(cur).split()))
            cur = None
        if skip >= 0 and ind <= skip:
            skip = -1
        if re.match(r"^%s( \(block\)| \(inline\))?$" % role, s):
            cur, depth = [], ind
        elif cur is not None and re.match(r"^Lbl( \(\w+\))?$", s):
            skip = ind
        elif cur is not None and skip < 0 and s.startswith('"'):
            cur.append(s[1:-1])
    if cur is not None:
        res.append(" ".join("".join(cur).split()))
    return res


def check_order(doc, order_file, role):
    # typographic punctuation (the templates' default) is folded back to
    # the ASCII marks `studypress list` prints, on both sides
    want = [fold(" ".join(l.split())) for l in
            open(order_file, encoding="utf-8").read().split("\n") if l.strip()]
    got = [fold(h) for h in headings(doc.path, role)]
    if got != want:
        for i, (a, b) in enumerate(zip(got, want)):
            if a != b:
                doc.fail("reading order: %s %d is %r, expected %r" %
                         (role, i + 1, a[:60], b[:60]))
                return
        doc.fail("reading order: %d %s headings, expected %d" %
                 (len(got), role, len(want)))


def main(argv):
    lang, order, role, files = None, None, "H2", []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("--lang", "--order", "--heading") and i + 1 < len(argv):
            if a == "--lang":
                lang = argv[i + 1]
            elif a == "--order":
                order = argv[i + 1]
            else:
                role = argv[i + 1]
            i += 2
            continue
        files.append(a)
        i += 1
    if not files:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    bad = 0
    for path in files:
        doc = Doc(path)
        try:
            cat, root = check_catalog(doc, lang)
            mcids_of, pages_of = check_pages(doc, cat)
            if root:
                check_tree(doc, root, pages_of, mcids_of)
            if order:
                check_order(doc, order, role)
        except Fail as e:
            doc.fail(str(e))
        for f in doc.fails[:20]:
            print("%s: %s" % (path, f))
        if len(doc.fails) > 20:
            print("%s: ... and %d more" % (path, len(doc.fails) - 20))
        bad += bool(doc.fails)
        if not doc.fails:
            print("%s: PDF/UA checks passed" % path)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
