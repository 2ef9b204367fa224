def bh_brute_force(p, q=0.05):
    """Straight from the definition: try every k from m down to 1."""
    m = len(p)
    ranked = sorted(range(m), key=lambda i: p[i])
    for k in range(m, 0, -1):
        if p[ranked[k - 1]] <= k * q / m:
            return {ranked[i] for i in range(k)}
    return set()

mask = benjamini_hochberg(p)
assert set(np.nonzero(mask)[0]) == {0, 1, 2, 3}
assert bh_brute_force(p) == {0, 1, 2, 3}

# Holm's step-down also rejects only the first hypothesis here.
holm = 0
for rank, value in enumerate(sorted(p)):
    if value > 0.05 / (len(p) - rank):
        break
    holm += 1
assert holm == 1

rng = np.random.default_rng(4)
# Random inputs, including ties and a non-passing first rank.
for _ in range(2000):
    m = int(rng.integers(1, 30))
    pv = np.round(rng.random(m) ** 3, 3)
    assert set(np.nonzero(benjamini_hochberg(pv))[0]) == \
        bh_brute_force(list(pv))

# FDR control with 15 true nulls and 5 real effects (independent):
# the average false discovery proportion is at most m0 / m * q.
from statistics import NormalDist
nd = NormalDist()
fdp = []
for _ in range(4000):
    z = np.concatenate([rng.normal(0, 1, 15), rng.normal(3, 1, 5)])
    pv = np.array([1 - nd.cdf(v) for v in z])      # one-sided
    rej = benjamini_hochberg(pv)
    false = rej[:15].sum()
    fdp.append(false / max(rej.sum(), 1))
assert np.mean(fdp) < 15 / 20 * 0.05 + 0.006, np.mean(fdp)

# Positive dependence (PRDS): 20 one-sided tests of null variants
# against one shared baseline, so every pair of z-statistics has
# correlation 0.5. With all nulls true, FDR = P(any rejection) <= q.
any_reject = 0
for _ in range(4000):
    base = rng.normal(0, 1)
    z = (rng.normal(0, 1, 20) - base) / np.sqrt(2)
    pv = np.array([1 - nd.cdf(v) for v in z])
    any_reject += benjamini_hochberg(pv).any()
assert any_reject / 4000 < 0.05 + 0.01, any_reject / 4000
