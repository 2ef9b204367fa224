#!/usr/bin/env python3
"""pdfa_check.py - the PDF/A-2a conditions (ISO 19005-2, clause numbers in
brackets) that apply to what `studypress ... --pdfa` writes, read with
`qpdf --json` (veraPDF is not in Debian). The accessibility side (level
"a": tagged, Unicode for every glyph, /Lang) is pdfua_check.py's; run both.

  pdfa_check.py FILE.pdf...

Checks:
  - the header: version 1.0-1.7, a comment of four bytes over 127 on the
    second line (6.1.2); the trailer: an /ID of two 16-byte strings
    (6.1.3), no /Encrypt (6.1.3);
  - the catalog: one /OutputIntents entry /S /GTS_PDFA1 whose
    /DestOutputProfile is an ICC profile ("acsp") of an RGB device with
    /N 3 (6.2.3), no /AA, no /OpenAction other than GoTo, no
    /EmbeddedFiles or /JavaScript names (6.6.1, 6.8);
  - metadata: an unfiltered XMP stream (6.6.2.1) with pdfaid:part 2 and
    pdfaid:conformance A (6.6.4), every property outside the predefined
    schemas described by a pdfaExtension schema (here: pdfuaid) (6.6.2.3),
    and the document information dictionary equal to its XMP
    counterparts: Title, Author, Subject, Keywords, Creator, Producer,
    CreationDate, ModDate (6.6.3);
  - annotations: /F with Print set and Hidden, Invisible, NoView,
    ToggleNoView clear (6.3.2), an /AP except on Link and Popup (6.3.3), no
    /A of a forbidden action type (Launch, Sound, Movie, ResetForm,
    ImportData, JavaScript, Hide, SetOCGState, Rendition, Trans, GoTo3DView)
    (6.5.1);
  - colour: content uses DeviceRGB and DeviceGray only (an RGB output
    intent covers them; no CMYK operators k/K) (6.2.4.3), no transparency
    (/SMask other than /None, /CA or /ca below 1, a blend mode other than
    Normal/Compatible) in graphics states;
  - fonts: every font embedded (/FontFile, /FontFile2 or /FontFile3)
    (6.2.11.4), a CIDFontType2 with a /CIDToGIDMap (6.2.11.3.2), a Type0
    font's CMap Identity-H/V or embedded with its CIDFont's Registry and
    Ordering (6.2.11.3.1, 6.2.11.3.3).
Exit status 0 when every file passes, 1 otherwise; each failure is one
line "FILE: what".
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pdfua_check import Doc, pages, text, tokens  # noqa: E402

FORBIDDEN_ACTIONS = {"/Launch", "/Sound", "/Movie", "/ResetForm",
                     "/ImportData", "/JavaScript", "/Hide", "/SetOCGState",
                     "/Rendition", "/Trans", "/GoTo3DView"}
# Document information key -> the XMP property that must equal it
INFO_XMP = {"/Title": "dc:title", "/Author": "dc:creator",
            "/Subject": "dc:description", "/Keywords": "pdf:Keywords",
            "/Creator": "xmp:CreatorTool", "/Producer": "pdf:Producer",
            "/CreationDate": "xmp:CreateDate", "/ModDate": "xmp:ModifyDate"}
PREDEFINED = {"dc", "pdf", "xmp", "xmpMM", "xmpRights", "xmpTPg", "xmpDM",
              "xmpBJ", "xmpidq", "photoshop", "tiff", "exif", "aux", "crs",
              "pdfaid", "pdfaExtension", "pdfaSchema", "pdfaProperty",
              "pdfaType", "pdfaField", "stRef", "stEvt", "rdf", "x"}


def check_header(doc):
    with open(doc.path, "rb") as f:
        head = f.read(64)
    m = re.match(rb"%PDF-1\.([0-7])\r?\n%([^\r\n]*)", head)
    if not m:
        doc.fail("header: not %PDF-1.0 to 1.7")
    elif len(m.group(2)) < 4 or any(b < 128 for b in m.group(2)[:4]):
        doc.fail("header: no comment of four bytes over 127 on line 2")
    tr = doc.trailer()
    ids = tr.get("/ID")
    if not (isinstance(ids, list) and len(ids) == 2 and
            all(isinstance(i, str) and i.startswith("b:") and
                len(i) == 2 + 32 for i in ids)):
        doc.fail("trailer: no /ID of two 16-byte strings")
    if "/Encrypt" in tr:
        doc.fail("trailer: /Encrypt")


def check_intent(doc, cat):
    ois = doc.obj(cat.get("/OutputIntents"))
    if not isinstance(ois, list) or len(ois) != 1:
        doc.fail("catalog: not exactly one /OutputIntents entry")
        return
    oi = doc.dict_of(ois[0])
    if oi.get("/S") != "/GTS_PDFA1":
        doc.fail("output intent: /S is not /GTS_PDFA1")
    if not text(oi.get("/OutputConditionIdentifier")):
        doc.fail("output intent: no /OutputConditionIdentifier")
    ref = oi.get("/DestOutputProfile")
    prof = doc.dict_of(ref) or {}
    icc = doc.stream_data(ref)
    if len(icc) < 128 or icc[36:40] != b"acsp":
        doc.fail("output intent: /DestOutputProfile is not an ICC profile")
    elif icc[16:20] != b"RGB ":
        doc.fail("output intent: the profile's colour space is not RGB")
    if prof.get("/N") != 3:
        doc.fail("output intent: the profile's /N is not 3")


def xmp_values(xmp):
    """property name -> its text (the first rdf:li of an Alt/Seq/Bag)."""
    out = {}
    for m in re.finditer(r"<([\w]+:[\w]+)>(.*?)</\1>", xmp, re.S):
        v = m.group(2)
        li = re.search(r"<rdf:li[^>]*>(.*?)</rdf:li>", v, re.S)
        v = li.group(1) if li else v
        if "<" not in v:
            out.setdefault(m.group(1), unxml(v.strip()))
    return out


def unxml(s):
    return (s.replace("&lt;", "<").replace("&gt;", ">")
            .replace("&quot;", '"').replace("&amp;", "&"))


def pdf_date(v):
    """D:YYYYMMDDHHmmSS+HH'mm' -> YYYY-MM-DDTHH:mm:SS+HH:mm"""
    m = re.match(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)"
                 r"(?:([+-])(\d\d)'(\d\d)'?|Z)?", v or "")
    if not m:
        return None
    g = m.groups()
    tz = "+00:00" if not g[6] else "%s%s:%s" % (g[6], g[7], g[8])
    return "%s-%s-%sT%s:%s:%s%s" % (g[:6] + (tz,))


def check_metadata(doc, cat):
    ref = cat.get("/Metadata")
    md = doc.dict_of(ref) or {}
    if "/Filter" in md:
        doc.fail("metadata: the XMP stream is filtered")
    xmp = doc.stream_data(ref).decode("utf-8", "replace")
    vals = xmp_values(xmp)
    if vals.get("pdfaid:part") != "2":
        doc.fail("metadata: pdfaid:part is not 2")
    if vals.get("pdfaid:conformance") != "A":
        doc.fail("metadata: pdfaid:conformance is not A")
    described = set(re.findall(
        r"<pdfaSchema:prefix>(\w+)</pdfaSchema:prefix>", xmp))
    for prefix in sorted(set(re.findall(r"<(\w+):\w+>", xmp))):
        if prefix not in PREDEFINED and prefix not in described:
            doc.fail("metadata: properties of '%s' without an extension "
                     "schema" % prefix)
    info = doc.dict_of(doc.trailer().get("/Info")) or {}
    for key, prop in INFO_XMP.items():
        if key not in info:
            if prop in vals and key != "/Creator":
                doc.fail("metadata: %s without %s in /Info" % (prop, key))
            continue
        want = text(info[key])
        if key.endswith("Date"):
            want = pdf_date(want)
        if vals.get(prop) != want:
            doc.fail("metadata: /Info %s %r but %s %r" %
                     (key, want, prop, vals.get(prop)))


def check_annots(doc, cat):
    for no, ref in enumerate(pages(doc, cat), 1):
        for a in doc.obj((doc.dict_of(ref) or {}).get("/Annots")) or []:
            ad = doc.dict_of(a)
            f = ad.get("/F", 0)
            if not isinstance(f, int) or not f & 4 or f & (1 | 2 | 32 | 256):
                doc.fail("page %d: an annotation's /F is not printable "
                         "and visible (%r)" % (no, f))
            if ad.get("/Subtype") not in ("/Link", "/Popup") and \
                    "/AP" not in ad:
                doc.fail("page %d: a %s annotation without /AP" %
                         (no, ad.get("/Subtype")))
            act = doc.dict_of(ad.get("/A")) or {}
            if act.get("/S") in FORBIDDEN_ACTIONS:
                doc.fail("page %d: a forbidden action %s" %
                         (no, act.get("/S")))


def check_objects(doc):
    for key, o in doc.objs.items():
        if not key.startswith("obj:"):
            continue
        d = o.get("value", (o.get("stream") or {}).get("dict"))
        if not isinstance(d, dict):
            continue
        t = d.get("/Type")
        if t == "/ExtGState" or "/CA" in d or "/ca" in d:
            for k in ("/CA", "/ca"):
                if k in d and d[k] < 1:
                    doc.fail("%s: transparency %s %s" % (key, k, d[k]))
            if d.get("/SMask", "/None") != "/None":
                doc.fail("%s: a soft mask" % key)
            if d.get("/BM", "/Normal") not in ("/Normal", "/Compatible"):
                doc.fail("%s: blend mode %s" % (key, d.get("/BM")))
        if t == "/FontDescriptor" and not any(
                k in d for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            doc.fail("%s: font %s not embedded" % (key, d.get("/FontName")))
        if t == "/Font" and d.get("/Subtype") == "/Type0":
            check_cmap(doc, key, d)
        if t == "/Font" and d.get("/Subtype") == "/CIDFontType2" and \
                "/CIDToGIDMap" not in d:
            doc.fail("%s: a CIDFontType2 without /CIDToGIDMap" % key)
        if t == "/Font" and d.get("/Subtype") in ("/TrueType", "/Type1",
                                                 "/CIDFontType2",
                                                 "/CIDFontType0") and \
                "/FontDescriptor" not in d:
            doc.fail("%s: font %s not embedded" % (key, d.get("/BaseFont")))


def check_cmap(doc, key, font):
    """A Type0 font's CMap other than Identity-H/V: embedded, with the
    /CIDSystemInfo Registry and Ordering of its CIDFont (6.2.11.3.1,
    6.2.11.3.3)."""
    enc = font.get("/Encoding")
    if enc in ("/Identity-H", "/Identity-V"):
        return
    cm = doc.dict_of(enc)
    if not isinstance(cm, dict):
        doc.fail("%s: a Type0 font with a CMap that is not embedded (%r)" %
                 (key, enc))
        return
    desc = doc.dict_of((font.get("/DescendantFonts") or [None])[0]) or {}
    a = doc.dict_of(cm.get("/CIDSystemInfo")) or {}
    b = doc.dict_of(desc.get("/CIDSystemInfo")) or {}
    for k in ("/Registry", "/Ordering"):
        if text(a.get(k)) != text(b.get(k)):
            doc.fail("%s: the CMap's CIDSystemInfo %s %r is not its "
                     "CIDFont's %r" % (key, k, a.get(k), b.get(k)))


def check_colour(doc, cat):
    for no, ref in enumerate(pages(doc, cat), 1):
        c = (doc.dict_of(ref) or {}).get("/Contents")
        refs = doc.obj(c) if isinstance(doc.obj(c), list) else [c]
        for r in refs:
            for kind, tok in tokens(doc.stream_data(r)):
                if kind == "word" and tok in (b"k", b"K"):
                    doc.fail("page %d: DeviceCMYK colour (%s) under an RGB "
                             "output intent" % (no, tok.decode()))
                    return
                if kind == "name" and tok == b"/DeviceCMYK":
                    doc.fail("page %d: DeviceCMYK colour space" % no)
                    return


def check_catalog(doc, cat):
    if "/AA" in cat:
        doc.fail("catalog: /AA")
    oa = doc.dict_of(cat.get("/OpenAction"))
    if isinstance(oa, dict) and oa.get("/S") not in (None, "/GoTo"):
        doc.fail("catalog: /OpenAction %s" % oa.get("/S"))
    names = doc.dict_of(cat.get("/Names")) or {}
    for k in ("/EmbeddedFiles", "/JavaScript"):
        if k in names:
            doc.fail("catalog: %s in /Names" % k)


def main(argv):
    if not argv or argv[0].startswith("-"):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    bad = 0
    for path in argv:
        doc = Doc(path)
        cat = doc.dict_of(doc.trailer()["/Root"])
        for step in (check_header, lambda d: check_intent(d, cat),
                     lambda d: check_metadata(d, cat),
                     lambda d: check_annots(d, cat), check_objects,
                     lambda d: check_colour(d, cat),
                     lambda d: check_catalog(d, cat)):
            step(doc)
        seen = {}
        for f in doc.fails:  # a failure repeated on many pages: once
            key = re.sub(r"^page \d+: ", "", f)
            seen.setdefault(key, [f, 0])[1] += 1
        for f, n in seen.values():
            print("%s: %s%s" % (path, f, " (and %d more)" % (n - 1)
                                if n > 1 else ""))
        bad += bool(doc.fails)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
