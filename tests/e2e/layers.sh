#!/usr/bin/env bash
# layers.sh - the layers of src/, top to bottom (doc: design.md, README):
#   main.c > cli > products, import > pdf (the device) > layout > corpus > util
# Fails when a file includes a header of a higher layer, or of the other
# layer of its level (products and import know nothing of each other), or
# names a header without its layer ("corpus/corpus.h", never "corpus.h").
# And libharu's internals stay in one room (src/pdf/haru.h): only src/pdf/
# includes libharu, only haru.c includes its private headers, touches its
# structs or calls a function that hpdf.h does not declare
# ($SP_HPDF_H, default /usr/include/hpdf.h).
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

# ---- libharu ----
while IFS= read -r line; do
	f=${line%%:*}
	f=${f#"$src"/}
	case $f in
	pdf/haru.c) continue ;;
	pdf/*) case $line in *'<hpdf.h>'*) continue ;; esac ;;
	esac
	echo "FAIL: src/$f includes libharu: ${line#*:}"
	fails=$((fails + 1))
done < <(grep -r -E '^[[:space:]]*#[[:space:]]*include[[:space:]]*<hpdf' --include='*.[ch]' "$src")
fields='attr|fontdef_list|catalog|mmgr|xref|base_font|descriptor|glyph_tbl|write_fn|filter|stream'
while IFS= read -r line; do
	echo "FAIL: a libharu struct touched outside haru.c: ${line#"$src"/}"
	fails=$((fails + 1))
done < <(grep -n -E -- "->($fields)\b" "$src"/pdf/*.c | grep -v '/pdf/haru\.c:')
hpdf_h=${SP_HPDF_H:-/usr/include/hpdf.h}
if [ -r "$hpdf_h" ]; then
	declare -A api
	while IFS= read -r n; do api[$n]=1; done < <(grep -oE '^HPDF_[A-Za-z0-9_]+' "$hpdf_h")
	for f in "$src"/pdf/*.c "$src"/pdf/*.h; do
		case $f in */haru.c | */haru.h) continue ;; esac
		while IFS= read -r n; do
			[ -n "${api[$n]:-}" ] && continue
			echo "FAIL: ${f#"$src"/} calls $n, which is not libharu's public API"
			fails=$((fails + 1))
		done < <(grep -ohE '\bHPDF_[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9_]*[[:space:]]*\(' "$f" |
			sed 's/[[:space:](]//g' | sort -u)
	done
else
	echo "layers: $hpdf_h not found; libharu's public API not checked"
fi

if [ "$fails" -ne 0 ]; then
	echo "layers: $fails problem(s)"
	exit 1
fi
echo "layers: $files files, every include is of its own layer or one below; libharu's internals only in src/pdf/haru.c"
