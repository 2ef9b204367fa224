#!/usr/bin/env bash
# Chinese, Japanese and Korean (issue 15): the probe corpus's CJK
# paragraphs are drawn in Noto CJK (CFF outlines, embedded as a
# CIDFontType0 with a CIDFontType0C subset), break across lines between
# ideographs and kana (never before closing punctuation, Korean at its
# spaces), extract in logical order with no U+FFFD and no warning, and open
# cleanly in poppler, MuPDF and Ghostscript; the corpus language picks the
# regional forms.
source "${SP_SOURCE_DIR}/tests/e2e/lib.sh"
probe=$DATA/scripts/corpus.yaml
py=$SP_SOURCE_DIR/tests/e2e/cjk_check.py
"$SP" handbook -q -c "$probe" -o "$TMP/p.pdf" 2>"$TMP/err"
check "no warning" test ! -s "$TMP/err"
check "qpdf and pdftotext are clean" pdf_ok "$TMP/p.pdf"
pdftotext "$TMP/p.pdf" "$TMP/p.txt"
check "no U+FFFD" bash -c "! grep -q $'\xef\xbf\xbd' '$TMP/p.txt'"
check "every CJK paragraph extracts in order, broken as CJK is" \
  python3 "$py" lines "$TMP/p.txt" "$probe"
pdffonts "$TMP/p.pdf" >"$TMP/fonts"
check "Noto CJK embedded as CID Type 0C with ToUnicode" \
  grep -Eq 'NotoSerifCJK[a-z]*-Regular +CID Type 0C +Identity-H +yes +yes +yes' "$TMP/fonts"
qpdf --qdf --object-streams=disable "$TMP/p.pdf" "$TMP/p.qdf"
check "the CFF subset holds the glyphs drawn" python3 "$py" subset "$TMP/p.qdf"
check "all CJK text in the CJK face (not Symbola's の or 中)" \
  python3 "$py" faces "$TMP/p.qdf"
cjk="中文排版需要在任意两个汉字之间换行"
if command -v mutool >/dev/null; then
  mutool draw -o "$TMP/m%d.png" -r 40 "$TMP/p.pdf" 2>"$TMP/mu" >/dev/null
  check "MuPDF draws it without a message" \
    bash -c "! grep -Ev '^page |ICC support' '$TMP/mu' | grep -q ."
  mutool draw -F txt -o "$TMP/m.txt" "$TMP/p.pdf" 2>/dev/null
  check "MuPDF extracts the Chinese" grep -qF "$cjk" "$TMP/m.txt"
fi
if command -v gs >/dev/null; then
  gs -q -dNOPAUSE -dBATCH -sDEVICE=txtwrite -sOutputFile="$TMP/g.txt" \
    "$TMP/p.pdf" 2>"$TMP/gs" >/dev/null
  # (Ghostscript 10.0 warns about Lato's TrueType hinting: not ours)
  check "Ghostscript reads it without an error or a CJK font message" \
    bash -c "! grep -Eiq 'error|CJK' '$TMP/gs'"
  check "Ghostscript extracts the Chinese" grep -qF "$cjk" "$TMP/g.txt"
  gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfwrite -sOutputFile="$TMP/g.pdf" \
    "$TMP/p.pdf" 2>/dev/null >/dev/null
  check "text survives a Ghostscript pdfwrite round trip" \
    bash -c "pdftotext '$TMP/g.pdf' - | grep -qF '$cjk'"
fi
# the corpus language reaches HarfBuzz: Japanese and Chinese forms of the
# same ideographs (Noto CJK's locl) are other glyphs, the text the same
for l in ja zh-Hans; do
  cat >"$TMP/$l.yaml" <<EOF
corpus: {title: Forms, language: $l}
categories: [{id: c, name: Common}]
questions: [{id: q1, category: c, question: Forms, answer: 直骨写画角}]
EOF
  "$SP" handbook -q -c "$TMP/$l.yaml" -o "$TMP/$l.pdf" 2>>"$TMP/lerr"
  qpdf --qdf --object-streams=disable "$TMP/$l.pdf" "$TMP/$l.qdf"
  python3 "$py" cids "$TMP/$l.qdf" >"$TMP/$l.cids"
  pdftotext "$TMP/$l.pdf" - | grep -F 直骨写画角 >"$TMP/$l.txt" || true
done
check "language ja and zh-Hans: the same text" bash -c \
  "test -s '$TMP/ja.txt' && cmp -s '$TMP/ja.txt' '$TMP/zh-Hans.txt' && test ! -s '$TMP/lerr'"
check "in other glyphs (Japanese and Chinese forms)" bash -c \
  "test -s '$TMP/ja.cids' && ! cmp -s '$TMP/ja.cids' '$TMP/zh-Hans.cids'"
"$SP" handbook -q -c "$probe" -o "$TMP/q.pdf" 2>/dev/null
check "same bytes run to run" cmp "$TMP/p.pdf" "$TMP/q.pdf"
finish
