from math import erfc, sqrt

# Accuracies as in the question.
assert a.sum() == 1682 and b.sum() == 1658
assert abs(gain - 0.012) < 1e-12

# Normal approximation from the paired differences.
d = a.astype(float) - b
se = d.std() / sqrt(d.size)
assert abs(low - (gain - 1.96 * se)) < 0.0015, (low, gain - 1.96 * se)
assert abs(high - (gain + 1.96 * se)) < 0.0015, (high, gain + 1.96 * se)
assert low < 0 < high        # consistent with no gain

# McNemar on the discordant pairs: chi2 = (112 - 88)^2 / 200 = 2.88.
chi2 = (112 - 88) ** 2 / (112 + 88)
assert abs(chi2 - 2.88) < 1e-12
assert abs(erfc(sqrt(chi2 / 2)) - 0.0897) < 0.0005

# Fewer disagreements, same net gap: the interval excludes zero.
counts2 = [1614, 52, 28, 306]
a2 = np.repeat([1, 1, 0, 0], counts2)
b2 = np.repeat([1, 0, 1, 0], counts2)
assert a2.sum() == 1666 and b2.sum() == 1642
g2, lo2, hi2 = paired_bootstrap(a2, b2)
assert abs(g2 - 0.012) < 1e-12 and lo2 > 0
assert abs(lo2 - 0.0033) < 0.0015 and abs(hi2 - 0.0207) < 0.0015

# Ignoring the pairing: half-width about 2.3 points.
pa, pb = a.mean(), b.mean()
unpaired = 1.96 * sqrt(pa * (1 - pa) / 2000 + pb * (1 - pb) / 2000)
assert abs(unpaired - 0.0230) < 0.0005, unpaired

# Same result from a loop-free reference with another seed.
rng = np.random.default_rng(99)
idx = rng.integers(0, 2000, size=(4000, 2000))
ref = np.percentile(d[idx].mean(axis=1), [2.5, 97.5])
assert abs(ref[0] - low) < 0.0015 and abs(ref[1] - high) < 0.0015
