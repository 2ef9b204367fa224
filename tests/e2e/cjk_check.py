#!/usr/bin/env python3
"""tests/e2e/cjk_check.py - Chinese, Japanese and Korean in a PDF.

  cjk_check.py lines TEXT CORPUS
      for each CJK paragraph of the probe corpus (a line of CORPUS with
      ideographs, kana or hangul and no ASCII letter), checks that
      pdftotext's TEXT holds it in logical order (whitespace aside, line
      by line), that it took at least two lines, and that no line starts
      with closing punctuation or ends with opening punctuation; Korean
      only breaks at its spaces
  cjk_check.py subset FILE.qdf
      for each CIDFontType0 font of a PDF uncompressed by qpdf, checks that
      its FontFile3 is a CFF program (CIDFontType0C) holding no more glyphs
      than the CIDs its /W lists, plus .notdef and a few of hb-subset's
      closure (a whole font would be some 65,000)
  cjk_check.py faces FILE.qdf
      checks that no font but a CJK one draws kana, ideographs or hangul
  cjk_check.py cids FILE.qdf
      prints the CIDs the CIDFontType0 fonts' /W arrays list
"""
import re
import sys
import zlib

CLOSE = "、。，．：；！？）」』】〕〉》ー々ゃゅょっャュョッ"
OPEN = "（「『【〔〈《"


def cjk(ch):
    o = ord(ch)
    return (0x3040 <= o <= 0x30FF or 0x3400 <= o <= 0x9FFF
            or 0xAC00 <= o <= 0xD7A3)


def paragraphs(corpus):
    for line in open(corpus, encoding="utf-8"):
        t = line.strip()
        if len(t) > 20 and sum(cjk(c) for c in t) > 10 and not re.search(
                "[A-Za-z]", t):
            yield t


def check_lines(text, corpus):
    lines = [l.strip() for l in open(text, encoding="utf-8")]
    ok, n = True, 0
    for para in paragraphs(corpus):
        n += 1
        want = re.sub(r"\s+", "", para)
        found = False
        for i, l in enumerate(lines):
            got, j = "", i
            while j < len(lines) and len(got) < len(want):
                got += re.sub(r"\s+", "", lines[j])
                j += 1
            if got == want:
                found = True
                took = lines[i:j]
                break
        if not found:
            print("not extracted in order:", para)
            ok = False
            continue
        hangul = any(0xAC00 <= ord(c) <= 0xD7A3 for c in para)
        if hangul and " ".join(took) != " ".join(para.split()):
            print("Korean broken inside a word:", took)
            ok = False
        if len(took) < 2:
            print("did not break across lines:", para)
            ok = False
        for l in took[1:]:
            if l and l[0] in CLOSE:
                print("a line starts with closing punctuation:", l)
                ok = False
        for l in took[:-1]:
            if l and l[-1] in OPEN:
                print("a line ends with opening punctuation:", l)
                ok = False
    if n < 3:
        print("only", n, "CJK paragraphs in", corpus)
        ok = False
    return ok


def objects(data):
    return {int(m.group(1)): m.group(2) for m in re.finditer(
        rb"\n(\d+) 0 obj\n(.*?)\nendobj", data, re.S)}


def ref(body, key):
    m = re.search(rb"/" + key + rb" (\d+) 0 R", body)
    return int(m.group(1)) if m else None


def stream(body):
    m = re.search(rb"stream\r?\n(.*)\nendstream", body, re.S)
    return m.group(1) if m else b""


def cff_glyphs(prog):
    """The CharStrings count of a CFF program (its Top DICT's op 17)."""
    def index(at):
        count = prog[at] << 8 | prog[at + 1]
        if count == 0:
            return 0, at + 2, []
        size = prog[at + 2]
        offs = [int.from_bytes(prog[at + 3 + k * size:at + 3 + (k + 1) * size],
                               "big") for k in range(count + 1)]
        data = at + 3 + (count + 1) * size - 1
        return count, data + offs[-1], [prog[data + offs[k]:data + offs[k + 1]]
                                        for k in range(count)]
    _, end, _ = index(prog[2])
    _, end, tops = index(end)
    top, i, arg = tops[0], 0, 0
    while i < len(top):
        b = top[i]
        if b == 28:
            arg = int.from_bytes(top[i + 1:i + 3], "big", signed=True); i += 3
        elif b == 29:
            arg = int.from_bytes(top[i + 1:i + 5], "big", signed=True); i += 5
        elif b == 30:
            i += 1
            while top[i] & 0x0F != 0x0F and top[i] & 0xF0 != 0xF0:
                i += 1
            i += 1
        elif 32 <= b <= 246:
            arg = b - 139; i += 1
        elif 247 <= b <= 250:
            arg = (b - 247) * 256 + top[i + 1] + 108; i += 2
        elif 251 <= b <= 254:
            arg = -(b - 251) * 256 - top[i + 1] - 108; i += 2
        elif b == 12:
            i += 2
        else:
            if b == 17:
                return index(arg)[0]
            i += 1
    return None


def check_subset(path):
    objs = objects(open(path, "rb").read())
    ok, n = True, 0
    for body in objs.values():
        if b"/Subtype /CIDFontType0\n" not in body and \
                not re.search(rb"/Subtype /CIDFontType0\s", body):
            continue
        n += 1
        w = body[body.find(b"/W ["):]  # runs "first [w1 w2 ...]"
        cids = sum(len(m.group(1).split()) for m in
                   re.finditer(rb"\d+\s*\[([\d\s]*)\]", w))
        fd = objs[ref(body, b"FontDescriptor")]
        ff = objs[ref(fd, b"FontFile3")]
        if b"/Subtype /CIDFontType0C" not in ff:
            print("FontFile3 is not CIDFontType0C")
            ok = False
            continue
        glyphs = cff_glyphs(stream(ff))
        print("CFF subset: %s glyphs for %d CIDs, %d bytes" %
              (glyphs, cids, len(stream(ff))))
        # hb-subset 6.0 adds a few glyphs of its own closure (3 of 155
        # in the probe: alternates of punctuation) even with GSUB dropped
        if glyphs is None or glyphs > cids + 1 + max(8, cids // 20):
            ok = False
    if not n:
        print("no CIDFontType0 font")
        ok = False
    return ok


def print_cids(path):
    """The CIDs the CIDFontType0 fonts' /W arrays list, one a line."""
    for body in objects(open(path, "rb").read()).values():
        if re.search(rb"/Subtype /CIDFontType0\s", body):
            w = body[body.find(b"/W ["):]
            for m in re.finditer(rb"(\d+)\s*\[([\d\s]*)\]", w):
                for k in range(len(m.group(2).split())):
                    print(int(m.group(1)) + k)
    return 0


def check_faces(path):
    """Every CJK character is drawn by a CJK font (its ToUnicode)."""
    objs = objects(open(path, "rb").read())
    ok = True
    for body in objs.values():
        if not re.search(rb"/Subtype /Type0\s", body):
            continue
        name = re.search(rb"/BaseFont /(\S+)", body).group(1).decode()
        tu = objs.get(ref(body, b"ToUnicode"), b"")
        for m in re.finditer(rb"<[0-9A-F]{4}> <([0-9A-F]+)>", stream(tu)):
            text = bytes.fromhex(m.group(1).decode()).decode("utf-16-be")
            if any(cjk(c) for c in text) and "CJK" not in name:
                print("%s drawn in %s" % (text, name))
                ok = False
    return ok


def main():
    mode = sys.argv[1]
    if mode == "faces":
        return 0 if check_faces(sys.argv[2]) else 1
    if mode == "cids":
        return print_cids(sys.argv[2])
    if mode == "lines":
        return 0 if check_lines(sys.argv[2], sys.argv[3]) else 1
    if mode == "subset":
        return 0 if check_subset(sys.argv[2]) else 1
    print("usage: cjk_check.py lines TEXT CORPUS | subset FILE.qdf")
    return 2


if __name__ == "__main__":
    sys.exit(main())
