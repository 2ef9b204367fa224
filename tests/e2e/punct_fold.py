"""punct_fold.py - compare PDF text with corpus text across typographic
punctuation (templates set smart-punctuation on by default).

fold(s) maps curly quotes, primes, dashes typed as hyphens and the
ellipsis to the ASCII marks they are typed with; tests apply it to both
sides, so a mark that is missing or out of place still shows."""

_MAP = {
    "\u201c": '"', "\u201d": '"', "\u2033": '"',
    "\u2018": "'", "\u2019": "'", "\u2032": "'",
    "\u2014": "---", "\u2013": "--", "\u2026": "...",
}
_TABLE = str.maketrans(_MAP)


def fold(s):
    """s with typographic punctuation spelled in ASCII."""
    return s.translate(_TABLE)
