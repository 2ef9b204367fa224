#!/bin/bash
# pdf_readers.sh - render the hand-built page model of test_pdf_doc.h and
# read it back with every reader installed: qpdf --check, pdftotext (no
# warnings, exact text), pdffonts (all embedded, with ToUnicode), mutool,
# Ghostscript txtwrite and a pdfwrite round trip, plus the nested-composite
# check (DejaVu Serif accents drawn). A missing tool is skipped with a
# message by the program itself.
set -eu
: "${SP_BUILD_DIR:?SP_BUILD_DIR is not set}"
prog="$SP_BUILD_DIR/test_pdf_readers"
if [ ! -x "$prog" ]; then
	echo "pdf_readers: $prog is not built" >&2
	exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
TMPDIR="$tmp" "$prog" --readers
# nothing may be left behind
left=$(find "$tmp" -mindepth 1 | wc -l)
if [ "$left" -ne 0 ]; then
	echo "pdf_readers: files left in the temporary directory:" >&2
	find "$tmp" -mindepth 1 >&2
	exit 1
fi
echo "pdf_readers: ok"
