#!/usr/bin/env bash
# Every code block printed in the bundled corpus runs (issue 13): SQL
# against its fixture in SQLite, Python (NumPy, pandas, PyTorch) with its
# checks; tests/content/run_code.py says how fixtures are laid out.
source "${SP_SOURCE_DIR}/tests/e2e/lib.sh"
check "every code block in content/ runs and gives its expected result" \
  python3 "$SP_SOURCE_DIR/tests/content/run_code.py" \
  --corpus "$SP_SOURCE_DIR/content" --fixtures "$SP_SOURCE_DIR/tests/content/code"
finish
