# Check 1: the exact sign-flip p-value against a brute-force loop over
# all 2^n sign patterns written with bit operations.
def brute_force_p(new, base):
    d = [a - b for a, b in zip(new, base)]
    n = len(d)
    obs = abs(sum(d) / n)
    hits = 0
    for mask in range(2 ** n):
        total = sum(-x if (mask >> i) & 1 else x for i, x in enumerate(d))
        if abs(total / n) >= obs - 1e-12:
            hits += 1
    return hits / 2 ** n

rng = np.random.default_rng(11)
for n in [4, 5, 8, 10]:
    base = rng.normal(80, 0.5, n)
    new = base + rng.normal(0.3, 0.5, n)
    assert abs(sign_flip_p_value(new, base) - brute_force_p(new, base)) \
        < 1e-12

# Check 2: the floors quoted in the answer. All seeds favor the new
# method, so only the all-plus and all-minus patterns are as extreme.
assert sign_flip_p_value([1.0] * 5, [0.0] * 5) == 2 / 2 ** 5 == 0.0625
assert sign_flip_p_value(np.arange(1, 11) * 0.1, np.zeros(10)) == 2 / 1024
# Identical methods give p = 1.
assert sign_flip_p_value([3.0, 2.0, 1.0], [3.0, 2.0, 1.0]) == 1.0

# Check 3: with many seeds the bootstrap interval matches the normal
# interval mean +- 1.96 * sd / sqrt(n) closely.
base = rng.normal(80, 0.5, 400)
new = base + rng.normal(0.6, 0.5, 400)
mean, (lo, hi) = paired_bootstrap_ci(new, base, n_boot=20_000)
d = new - base
se = d.std(ddof=1) / np.sqrt(len(d))
assert abs(mean - d.mean()) < 1e-12
assert abs(lo - (d.mean() - 1.96 * se)) < 0.2 * se, (lo, se)
assert abs(hi - (d.mean() + 1.96 * se)) < 0.2 * se, (hi, se)

# Check 4: the worked t-interval in the answer, 0.6 +- 2.262 * 0.5 /
# sqrt(10), rounds to 0.24 .. 0.96.
half = 2.262 * 0.5 / np.sqrt(10)
assert round(0.6 - half, 2) == 0.24 and round(0.6 + half, 2) == 0.96
# And the test-set standard error quoted: sqrt(0.8 * 0.2 / 5000).
assert round(100 * np.sqrt(0.8 * 0.2 / 5000), 2) == 0.57
print("ok")
