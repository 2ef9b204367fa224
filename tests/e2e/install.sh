#!/usr/bin/env bash
# install.sh - an installed tree works anywhere: `cmake --install` into a
# temporary prefix, the prefix moved somewhere else, then every product
# rendered from another directory with the installed binary alone (the
# bundled content, templates and font manifest found relative to it);
# the man page is installed where man finds it; STUDYPRESS_DATA_DIR
# replaces the data directory, and one that holds nothing useful is an
# error that names it (exit 3). Env: SP_BUILD_DIR (the build to install).
source "$SP_SOURCE_DIR/tests/e2e/lib.sh"
: "${SP_BUILD_DIR:?set SP_BUILD_DIR to the build directory}"

cmake --install "$SP_BUILD_DIR" --prefix "$TMP/first" >"$TMP/install.log" 2>&1 \
  || { cat "$TMP/install.log" >&2; fail "cmake --install"; finish; }
mv "$TMP/first" "$TMP/moved" # relocatable: nothing may point at first/
P=$TMP/moved
BIN=$P/bin/studypress
check "the binary is in bin/" test -x "$BIN"
for d in content templates fonts; do
  check "share/studypress/$d is installed" test -d "$P/share/studypress/$d"
done
check "fonts/manifest.txt is installed" test -f "$P/share/studypress/fonts/manifest.txt"
check "the man page is in share/man/man1" test -f "$P/share/man/man1/studypress.1"
if command -v man >/dev/null; then
  check "man finds it there" bash -c \
    "MANPAGER=cat MANWIDTH=80 man -M '$P/share/man' studypress 2>/dev/null | grep -q 'DIAGNOSTICS'"
fi

mkdir "$TMP/elsewhere"
cd "$TMP/elsewhere"
run() { # run NAME CMD...: exit 0 expected
  local name=$1
  shift
  if "$@" >"$TMP/out" 2>"$TMP/err"; then pass "$name"; else
    fail "$name (exit $?)"
    cat "$TMP/err" >&2
  fi
}
run "check of the bundled corpus" "$BIN" check --strict
run "list" "$BIN" list --count 3
run "handbook" "$BIN" handbook --count 6 -o hb.pdf
run "handbook, sans template" "$BIN" handbook --count 3 --template sans -o hb-sans.pdf
run "handbook --each-role" "$BIN" handbook --count 3 --each-role --out-dir roles
run "cards" "$BIN" cards --count 8 -o cards.pdf
run "worksheet, both editions" "$BIN" worksheet --count 4 --edition both -o ws.pdf
run "worksheet batch" "$BIN" worksheet --count 3 --candidates "$SP_SOURCE_DIR/examples/candidates.csv" --out-dir packets
run "init" "$BIN" init mine
run "handbook of an own corpus (-c) with the installed templates" \
  "$BIN" handbook -c mine -o mine.pdf
for f in hb.pdf hb-sans.pdf cards.pdf ws-candidate.pdf ws-interviewer.pdf mine.pdf; do
  check "$f is a good PDF" pdf_ok "$f"
done
check "one handbook per role" test "$(ls roles | wc -l)" -ge 2
check "packets were written" test "$(ls packets | wc -l)" -ge 2

# STUDYPRESS_DATA_DIR: a copy with another default corpus
mkdir -p "$TMP/data"
cp -r "$P/share/studypress/templates" "$P/share/studypress/fonts" "$TMP/data/"
cp -r mine "$TMP/data/content"
check "STUDYPRESS_DATA_DIR replaces the bundled content" test \
  "$(STUDYPRESS_DATA_DIR=$TMP/data "$BIN" list | wc -l)" -eq 4
run "and renders with its templates" env STUDYPRESS_DATA_DIR="$TMP/data" \
  "$BIN" handbook -o env.pdf
check "env.pdf is a good PDF" pdf_ok env.pdf
bad_env() { # bad_env DIR EXPECTED-MESSAGE
  set +e
  STUDYPRESS_DATA_DIR=$1 "$BIN" handbook -o bad.pdf 2>"$TMP/err"
  local rc=$?
  set -e
  if [ "$rc" -eq 3 ] && grep -qF "$2" "$TMP/err" && [ ! -e bad.pdf ]; then
    pass "STUDYPRESS_DATA_DIR=$1: exit 3, '$2'"
  else
    fail "STUDYPRESS_DATA_DIR=$1: exit $rc"
    cat "$TMP/err" >&2
  fi
}
bad_env "$TMP/nowhere" "error: STUDYPRESS_DATA_DIR is '$TMP/nowhere': No such file or directory"
bad_env "$TMP/elsewhere" "error: STUDYPRESS_DATA_DIR is '$TMP/elsewhere', which holds none of content/, templates/, fonts/"
bad_env "$BIN" "error: STUDYPRESS_DATA_DIR is '$BIN': not a directory"
finish
