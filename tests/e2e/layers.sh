#!/usr/bin/env bash
# layers.sh - the layers of src/, top to bottom (doc: design.md, README):
#   main.c > cli > products, import > pdf (the device) > layout > corpus > util
# Fails when a file includes a header of a higher layer, or of the other
# layer of its level (products and import know nothing of each other), or
# names a header without its layer ("corpus/corpus.h", never "corpus.h").
# Needs no build: run it as `bash tests/e2e/layers.sh`.
set -u
src=${SP_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}/src
declare -A rank=([util]=0 [corpus]=1 [layout]=2 [pdf]=3 [products]=4
	[import]=4 [cli]=5 [main]=6)
fails=0
files=$(find "$src" -name '*.[ch]' | wc -l)
# every quoted include, as FILE:HEADER
while IFS= read -r line; do
	f=${line%%:*}
	f=${f#"$src"/}
	inc=${line#*:}
	inc=${inc#*\"}
	inc=${inc%%\"*}
	layer=${f%%/*}
	[ "$layer" = "$f" ] && layer=main # src/main.c
	dep=${inc%%/*}
	r=${rank[$layer]:--1}
	d=${rank[$dep]:--1}
	if [ "$r" -lt 0 ]; then
		echo "FAIL: src/$f: '$layer' is not a layer"
	elif [ "$dep" = "$inc" ] || [ "$d" -lt 0 ]; then
		echo "FAIL: src/$f includes \"$inc\", which names no layer"
	elif [ "$d" -gt "$r" ]; then
		echo "FAIL: src/$f ($layer) includes \"$inc\" of a higher layer ($dep)"
	elif [ "$d" -eq "$r" ] && [ "$dep" != "$layer" ]; then
		echo "FAIL: src/$f ($layer) includes \"$inc\" of the other layer of its level ($dep)"
	else
		continue
	fi
	fails=$((fails + 1))
done < <(grep -r -E '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' --include='*.[ch]' "$src")
if [ "$fails" -ne 0 ]; then
	echo "layers: $fails include(s) against the layers"
	exit 1
fi
echo "layers: $files files, every include is of its own layer or one below"
