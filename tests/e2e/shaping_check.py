#!/usr/bin/env python3
"""tests/e2e/shaping_check.py - what the PDF says about shaping.

Reads a PDF that qpdf has uncompressed (qpdf --qdf --object-streams=disable)
and prints, for each font (by BaseFont without its subset tag), its
ToUnicode entries with more than one character (ligatures), and checks
kerned pairs against HarfBuzz:

  shaping_check.py FILE.qdf ligatures FONT
      prints the multi-character texts FONT's glyphs stand for, one a line
  shaping_check.py FILE.qdf kern FONT FONTFILE PAIR...
      for each PAIR (two characters), finds it drawn in FONT and checks that
      the TJ number between the two glyphs is HarfBuzz's kerning (hb-shape
      with and without the kern feature, in 1/1000 em, sign as TJ writes
      it); exit status 1 when one differs or is not found
"""
import json
import re
import struct
import subprocess
import sys


def objects(data):
    out = {}
    for m in re.finditer(rb"\n(\d+) 0 obj\n(.*?)\nendobj", data, re.S):
        out[int(m.group(1))] = m.group(2)
    return out


def stream(body):
    m = re.search(rb"stream\r?\n(.*)\nendstream", body, re.S)
    return m.group(1) if m else b""


def ref(body, key):
    m = re.search(rb"/" + key + rb" (\d+) 0 R", body)
    return int(m.group(1)) if m else None


def tounicode(text):
    """code -> str from a bfchar CMap (two-byte codes are glyph ids)."""
    out = {}
    text = b"".join(re.findall(rb"beginbfchar(.*?)endbfchar", text, re.S))
    for m in re.finditer(rb"<([0-9A-F]{4}|[0-9A-F]{2})> <([0-9A-F]+)>",
                         text):
        raw = bytes.fromhex(m.group(2).decode())
        out[int(m.group(1), 16)] = raw.decode("utf-16-be")
    return out


def code_to_gid(objs, body):
    """For a font with one-byte codes (an embedded CMap as /Encoding,
    CID = code), code -> glyph id from the CIDToGIDMap; None for
    Identity-H (code = glyph id)."""
    if ref(body, b"Encoding") is None:
        return None
    m = re.search(rb"/DescendantFonts\s*\[\s*(\d+) 0 R", body)
    desc = objs.get(int(m.group(1)), b"") if m else b""
    mp = ref(desc, b"CIDToGIDMap")
    data = stream(objs[mp]) if mp else b""
    return {c: data[2 * c] << 8 | data[2 * c + 1]
            for c in range(min(256, len(data) // 2))}


def fonts(objs):
    """resource object number -> (base name, code->text, code->gid)"""
    out = {}
    for n, body in objs.items():
        if b"/Subtype /Type0" not in body:
            continue
        m = re.search(rb"/BaseFont /([^\s/]+)", body)
        base = m.group(1).decode().split("+")[-1] if m else "?"
        tu = ref(body, b"ToUnicode")
        out[n] = (base, tounicode(stream(objs[tu])) if tu else {},
                  code_to_gid(objs, body))
    return out


def glyphs(items, gids):
    """The items of a TJ array with its strings as glyph ids."""
    out = []
    for kind, v in items:
        if kind != "s":
            out.append((kind, v))
        elif gids is None:
            out += [("g", v[k] << 8 | v[k + 1])
                    for k in range(0, len(v) - 1, 2)]
        else:
            out += [("g", gids.get(c, 0)) for c in v]
    return out


def literal(s, i):
    """Parses a literal string starting after '(' at s[i]; returns
    (bytes, index after ')')."""
    out = bytearray()
    depth = 0
    while i < len(s):
        c = s[i]
        if c == 0x5C:  # backslash
            i += 1
            e = s[i]
            if e in b"01234567":
                j = i
                while j < len(s) and j < i + 3 and s[j] in b"01234567":
                    j += 1
                out.append(int(s[i:j], 8) & 0xFF)
                i = j
                continue
            out.append({0x6E: 10, 0x72: 13, 0x74: 9, 0x62: 8,
                        0x66: 12}.get(e, e))
            i += 1
            continue
        if c == 0x28:
            depth += 1
        elif c == 0x29:
            if depth == 0:
                return bytes(out), i + 1
            depth -= 1
        out.append(c)
        i += 1
    return bytes(out), i


def tj_items(content):
    """Yields (font resource name, [string or number, ...]) per TJ
    array."""
    font = None
    i = 0
    s = content
    while i < len(s):
        m = re.compile(rb"/(\w+) [\d.]+ Tf").match(s, i)
        if m:
            font = m.group(1).decode()
            i = m.end()
            continue
        if s[i] == 0x5B:  # [
            items = []
            i += 1
            while i < len(s) and s[i] != 0x5D:
                if s[i] in (0x28, 0x3C):  # ( or < (qpdf writes hex)
                    if s[i] == 0x28:
                        b, i = literal(s, i + 1)
                    else:
                        j = s.index(b">", i)
                        b, i = bytes.fromhex(s[i + 1:j].decode()), j + 1
                    items.append(("s", b))
                    continue
                m = re.compile(rb"-?\d+").match(s, i)
                if m:
                    items.append(("n", int(m.group(0))))
                    i = m.end()
                    continue
                i += 1
            yield font, items
        i += 1


def contents(objs, allfonts):
    """Yields (content stream, resource name -> font object) per page."""
    for body in objs.values():
        if not re.search(rb"/Type /Page\s", body):
            continue
        c = ref(body, b"Contents")
        m = re.search(rb"/Font\s*<<(.*?)>>", body, re.S)
        names = {}
        if m:
            for k, n in re.findall(rb"/(\w+) (\d+) 0 R", m.group(1)):
                if int(n) in allfonts:
                    names[k.decode()] = int(n)
        if c:
            yield stream(objs[c]), names


def hb_kern(fontfile, pair):
    """TJ number hb-shape's kerning of pair gives, and the two gids."""
    def shape(extra):
        out = subprocess.run(["hb-shape", "--output-format=json",
                              "--no-glyph-names"] + extra +
                             [fontfile, pair], capture_output=True,
                             text=True, check=True).stdout
        return json.loads(out)
    kern, plain = shape([]), shape(["--features=-kern"])
    with open(fontfile, "rb") as f:
        data = f.read()
    num = struct.unpack(">H", data[4:6])[0]
    upem = None
    for t in range(num):
        tag, _, off, _ = struct.unpack(">4sIII", data[12 + 16 * t:28 + 16 * t])
        if tag == b"head":
            upem = struct.unpack(">H", data[off + 18:off + 20])[0]
    diff = kern[0]["ax"] - plain[0]["ax"]
    return -round(diff * 1000 / upem), kern[0]["g"], kern[1]["g"]


def main():
    path, mode, want = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(path, "rb") as f:
        objs = objects(f.read())
    allf = fonts(objs)
    if mode == "ligatures":
        for n, (base, tu, _) in sorted(allf.items()):
            if base == want:
                for g in sorted(tu):
                    if len(tu[g]) > 1:
                        print(tu[g])
        return 0
    fontfile, pairs = sys.argv[4], sys.argv[5:]
    bad = 0
    for pair in pairs:
        tj, g1, g2 = hb_kern(fontfile, pair)
        seen = None
        for c, names in contents(objs, allf):
            for res, items in tj_items(c):
                if res not in names or allf[names[res]][0] != want:
                    continue
                items = glyphs(items, allf[names[res]][2])
                for k in range(len(items) - 1):
                    if items[k] != ("g", g1):
                        continue
                    nxt = items[k + 1]
                    if nxt == ("g", g2):
                        seen = 0
                    elif nxt[0] == "n" and k + 2 < len(items) and \
                            items[k + 2] == ("g", g2):
                        seen = nxt[1]
                    if seen is not None:
                        break
                if seen is not None:
                    break
            if seen is not None:
                break
        ok = seen == tj and tj != 0
        print("%s %r: HarfBuzz %d, PDF %s" % ("ok" if ok else "FAIL", pair,
                                               tj, seen))
        bad += not ok
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
