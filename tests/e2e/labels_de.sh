#!/usr/bin/env bash
# labels_de.sh - every fixed string comes from the template's labels:
# the German sample corpus (examples/de) with templates/de.yaml prints
# German labels in the handbook, both worksheet editions and the cards,
# and none of the English ones; language: de hyphenates with the
# hyphen-de patterns (the layout differs from the English patterns'); a
# template's unknown label is an error at its line.
source "$SP_SOURCE_DIR/tests/e2e/lib.sh"
# the German patterns make libhyphen's loader leak (not ours): see the file
export LSAN_OPTIONS="suppressions=$SP_SOURCE_DIR/tests/e2e/libhyphen.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
cd "$TMP"
DE=$SP_SOURCE_DIR/examples/de
"$SP" check -c "$DE" --strict 2>/dev/null
check "the German sample passes check --strict" test $? -eq 0
"$SP" handbook -q -c "$DE" --template de -o hb.pdf
"$SP" worksheet -q -c "$DE" --template de --edition both -o ws.pdf
"$SP" cards -q -c "$DE" --template de -o cards.pdf
pdftotext hb.pdf hb.txt
pdftotext ws-candidate.pdf wc.txt
pdftotext ws-interviewer.pdf wi.txt
pdftotext cards.pdf cards.txt
has() { grep -qF "$2" "$1" || { echo "'$2' not in $1" >&2; return 1; }; }
lacks() { ! grep -qF "$2" "$1" || { echo "'$2' in $1" >&2; return 1; }; }
for s in Inhalt "Warum man das fragt" Musterantwort Kernpunkte \
  "Machen Sie es zu Ihrer Antwort" Nachfragen "Siehe auch" "Seite 1 von" \
  Stichwortverzeichnis "Vorgehen: STAR" "4 Min."; do
  check "handbook: '$s'" has hb.txt "$s"
done
for s in "Why they ask" "Model answer" "Key points" "Make it yours" \
  "Follow-up questions" "See also" "Page 1 of" "Topic index" Contents \
  "Framework:" "level"; do
  check "handbook: no '$s'" lacks hb.txt "$s"
done
for s in "Probeinterview: Arbeitsblatt" Hinweise Kandidat Gesamtzeit "Minuten"; do
  check "candidate worksheet: '$s'" has wc.txt "$s"
done
for s in "Warum wir fragen" "Lösungshinweise" "Bewertungsbogen" "Punkte" \
  "Starke Signale" "Warnsignale" "Gesamtempfehlung" "Einstellen" "Seite 1 von"; do
  check "interviewer worksheet: '$s'" has wi.txt "$s"
done
for s in "Why we ask" "Answer key" "Scorecard" "Strong signals" "Score" \
  "Instructions" "Candidate" "minutes" "page 1 of"; do
  check "worksheets: no '$s'" bash -c "! grep -qF '$s' wc.txt wi.txt"
done
check "cards: 'Kernpunkte' on the backs" has cards.txt Kernpunkte
"$SP" cards -q -c "$DE" --template de --dump-layout cards.dump
check "cards: the sheets' guidance lines" \
  bash -c "grep -qF '\"Bogen 1 Vorderseite' cards.dump && grep -qF '\"Bogen 1 Rückseite' cards.dump"
check "cards: the levels" has cards.txt Einstieg
check "cards: no English guidance" lacks cards.dump "Sheet 1"

# hyphenation in the corpus language
"$SP" handbook -q -c "$DE" --template de --paper a6 --dump-layout de.dump
SP_HYPHEN_DICT=/usr/share/hyphen/hyph_en_US.dic \
  "$SP" handbook -q -c "$DE" --template de --paper a6 --dump-layout en.dump
check "language: de does not hyphenate with the English patterns" \
  bash -c "! cmp -s de.dump en.dump"
sed 's/^  language: de$/  language: en/' "$DE/corpus.yaml" >en.yaml
"$SP" handbook -q -c en.yaml --template de --paper a6 --dump-layout en2.dump
check "language: en does" bash -c "sed 1d en.dump >a; sed 1d en2.dump >b; cmp -s a b || diff a b | head -5"

# the calibration sheet's instructions and the PDF's title are labels too
"$SP" cards -q --calibration --template de -o cal.pdf
pdftotext cal.pdf cal.txt
check "calibration: German instructions" grep -q "Duplex-Kalibrierung: Vorderseite" cal.txt
check "calibration: German back page" grep -q "Duplex-Kalibrierung: Rückseite" cal.txt
check "calibration: no English left" bash -c "! grep -q 'Print both pages' cal.txt"
check "calibration: German document title" bash -c "pdfinfo cal.pdf | grep -q '^Title: *Duplex-Kalibrierung$'"

# a wrong label is an error at its location
printf 'name: t\nlabels:\n  why: Warum\n  wyh-they-ask: x\n' >bad.yaml
set +e
"$SP" handbook -c "$DE" --template ./bad.yaml -o bad.pdf 2>bad.err
rc=$?
set -e
check "unknown label: exit 1" test "$rc" -eq 1
check "at its line and column" grep -q "^\./bad.yaml:4:3: error: unknown label 'wyh-they-ask'" bad.err
finish
