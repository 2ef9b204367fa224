#!/usr/bin/env bash
# layers.sh - the layers of src/, top to bottom (doc: design.md, README):
#   main.c > cli > products, import > pdf (the device) > layout > corpus > util
# Fails when a file includes a header of a higher layer, or of the other
# layer of its level (products and import know nothing of each other), or
# names a header without its layer ("corpus/corpus.h", never "corpus.h").
# Needs no build: run it as `bash tests/e2e/layers.sh`.
set -u
src=${SP_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}/src
rank() {
	case $1 in
	util) echo 0 ;;
	corpus) echo 1 ;;
	layout) echo 2 ;;
	pdf) echo 3 ;;
	products | import) echo 4 ;;
	cli) echo 5 ;;
	main) echo 6 ;;
	*) echo -1 ;;
	esac
}
fails=0
files=0
while IFS= read -r f; do
	f=${f#"$src"/}
	layer=${f%%/*}
	[ "$layer" = "$f" ] && layer=main # src/main.c
	r=$(rank "$layer")
	files=$((files + 1))
	if [ "$r" -lt 0 ]; then
		echo "FAIL: src/$f: '$layer' is not a layer"
		fails=$((fails + 1))
		continue
	fi
	while IFS= read -r inc; do
		dep=${inc%%/*}
		d=$(rank "$dep")
		if [ "$dep" = "$inc" ] || [ "$d" -lt 0 ]; then
			echo "FAIL: src/$f includes \"$inc\", which names no layer"
		elif [ "$d" -gt "$r" ]; then
			echo "FAIL: src/$f ($layer) includes \"$inc\" of a higher layer ($dep)"
		elif [ "$d" -eq "$r" ] && [ "$dep" != "$layer" ]; then
			echo "FAIL: src/$f ($layer) includes \"$inc\" of the other layer of its level ($dep)"
		else
			continue
		fi
		fails=$((fails + 1))
	done < <(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$src/$f")
done < <(find "$src" -name '*.[ch]' | sort)
if [ "$fails" -ne 0 ]; then
	echo "layers: $fails include(s) against the layers"
	exit 1
fi
echo "layers: $files files, every include is of its own layer or one below"
