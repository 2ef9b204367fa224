# Exact check: enumerate every sequence of random draws for n=6, k=2;
# each of the 15 pairs must appear equally often (360 / 15 = 24).
import itertools
from collections import Counter


class ScriptedRandom:
    """Returns pre-chosen values from randrange, in order."""

    def __init__(self, values):
        self.values = list(values)

    def randrange(self, stop):
        value = self.values.pop(0)
        assert 0 <= value < stop
        return value


n, k = 6, 2
paths = itertools.product(*[range(i + 1) for i in range(k, n)])
counts = Counter()
for path in paths:
    sample = reservoir_sample(range(n), k, ScriptedRandom(path))
    counts[frozenset(sample)] += 1
assert len(counts) == 15 and set(counts.values()) == {24}, counts

# Short streams and the default random source.
assert sorted(reservoir_sample(range(3), 5)) == [0, 1, 2]
got = reservoir_sample(iter(range(10_000)), 7, random.Random(1))
assert len(got) == 7 and len(set(got)) == 7
print("ok")
