# Check: simulate a population with known click rates per segment, keep
# every click and a fraction w of non-clicks, measure the click rate in
# the sample, map it back, and compare with the population rate.
rng = np.random.default_rng(7)
true_rates = np.array([0.002, 0.01, 0.03, 0.08])
n_per_segment = 400_000
keep = 0.05

for rate in true_rates:
    clicks = rng.random(n_per_segment) < rate
    kept = clicks | (rng.random(n_per_segment) < keep)
    pos = clicks[kept].sum()
    neg = (~clicks[kept]).sum()
    p_sampled = pos / (pos + neg)
    corrected = undo_negative_sampling(p_sampled, keep)
    # Independent route: scale the kept negatives back up by 1 / keep.
    by_counts = pos / (pos + neg / keep)
    assert abs(corrected - by_counts) < 1e-12, (corrected, by_counts)
    # And it recovers the population click rate (sampling noise only).
    assert abs(corrected - clicks.mean()) / clicks.mean() < 0.08, rate

# Odds identity: corrected odds are keep times the sampled odds.
p = np.linspace(0.01, 0.99, 50)
q = undo_negative_sampling(p, keep)
assert np.allclose(q / (1 - q), keep * p / (1 - p))
# keep_rate = 1 means nothing was sampled away.
assert np.allclose(undo_negative_sampling(p, 1.0), p)

# Calibration ratio: perfectly calibrated predictions give about 1.0,
# doubled predictions give about 2.0.
probs = rng.uniform(0.0, 0.1, 200_000)
outcomes = rng.random(probs.size) < probs
assert abs(calibration_ratio(probs, outcomes) - 1.0) < 0.02
assert abs(calibration_ratio(2 * probs, outcomes) - 2.0) < 0.04
print("ok")
