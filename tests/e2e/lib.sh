# tests/e2e/lib.sh - shared helpers for the end-to-end tests (sourced).
set -euo pipefail
: "${STUDYPRESS:?set STUDYPRESS to the studypress binary}"
: "${SP_SOURCE_DIR:?set SP_SOURCE_DIR to the source tree}"
SP=$STUDYPRESS
DATA=$SP_SOURCE_DIR/tests/e2e/data
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}
fails=0
# Debian's python3 (with python3-yaml from scripts/setup), whatever else is
# first on PATH
if [ -x /usr/bin/python3 ]; then python3() { /usr/bin/python3 "$@"; }; fi

fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
pass() { echo "ok: $*"; }
check() { # check "description" command...
  local what=$1; shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}
finish() {
  if [ "$fails" -ne 0 ]; then echo "$fails failed" >&2; exit 1; fi
  echo "all passed"
}
# qpdf --check with no warnings; pdftotext without warnings
pdf_ok() {
  local f=$1 out
  out=$(qpdf --check "$f" 2>&1) || { echo "$out" >&2; return 1; }
  echo "$out" | grep -qi 'warning' && { echo "$out" >&2; return 1; }
  out=$(pdftotext "$f" - 2>&1 >/dev/null)
  [ -z "$out" ] || { echo "pdftotext: $out" >&2; return 1; }
}
# wait_for SECONDS COMMAND...: poll COMMAND (every 20 ms) until it
# succeeds; returns 1 if SECONDS pass first. For tests that must act once
# something has happened (a file appeared, a line reached stderr) rather
# than after a fixed sleep.
wait_for() {
  local limit=$1 end
  shift
  end=$(($(date +%s%N) + limit * 1000000000))
  until "$@"; do
    [ "$(date +%s%N)" -lt "$end" ] || return 1
    sleep 0.02
  done
}
