"""Every visible character of a corpus's question fields appears in the
extracted text, in order (as a subsequence, per field), unless the
diagnostics report it. Usage: text_order.py CORPUS.yaml TEXT.txt ERRORS"""
import os
import re
import sys
import unicodedata

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from punct_fold import fold  # noqa: E402  (smart punctuation, both sides)

corpus = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
text = open(sys.argv[2], encoding="utf-8").read()
errors = open(sys.argv[3], encoding="utf-8").read()
reported = {int(m, 16) for m in re.findall(r"U\+([0-9A-F]{4,6})", errors)}

def visible(s):
    s = fold(unicodedata.normalize("NFC", s))
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s)  # markdown link text
    out = []
    for ch in s:
        cp = ord(ch)
        cat = unicodedata.category(ch)
        if ch.isspace() or cat in ("Cf", "Mn", "Cc") or cp in reported:
            continue
        if ch in "*`":
            continue
        out.append(ch)
    return out

hay = [c for c in fold(unicodedata.normalize("NFC", text)) if not c.isspace()]
hay_s = "".join(hay)
bad = 0
for q in corpus.get("questions", []):
    for field in ("question", "answer"):
        want = visible(q.get(field, ""))
        pos = 0
        for ch in want:
            k = hay_s.find(ch, pos)
            if k < 0:
                print(f"{q['id']}.{field}: {ch!r} (U+{ord(ch):04X}) not found in order after offset {pos}")
                bad += 1
                break
            pos = k + 1
sys.exit(1 if bad else 0)
