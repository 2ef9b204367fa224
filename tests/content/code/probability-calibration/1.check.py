# Check: a hand-computed case, a brute-force binning, and behavior on
# calibrated versus overconfident synthetic scores.
import math

# Hand computation: bins [0.1, 0.2), [0.8, 0.9), [0.9, 1.0].
y = [0, 1, 1, 0]
p = [0.12, 0.15, 0.85, 0.95]
# bin 1: |0.5 - 0.135| * 0.5; bin 8: |1 - 0.85| * 0.25;
# bin 9: |0 - 0.95| * 0.25
expected = 0.365 * 0.5 + 0.15 * 0.25 + 0.95 * 0.25
assert math.isclose(expected_calibration_error(y, p), expected)


def brute_ece(y, p, n_bins):
    total = 0.0
    for b in range(n_bins):
        lo, hi = b / n_bins, (b + 1) / n_bins
        idx = [i for i, pi in enumerate(p)
               if lo <= pi < hi or (b == n_bins - 1 and pi == 1.0)]
        if idx:
            gap = abs(sum(y[i] for i in idx) / len(idx)
                      - sum(p[i] for i in idx) / len(idx))
            total += len(idx) / len(p) * gap
    return total


rng = np.random.default_rng(0)
probs = rng.uniform(0.0, 1.0, 20_000)
labels = (rng.random(20_000) < probs).astype(int)   # calibrated
for bins in (5, 10, 15):
    assert math.isclose(expected_calibration_error(labels, probs, bins),
                        brute_ece(labels.tolist(), probs.tolist(), bins))
assert expected_calibration_error(labels, probs) < 0.02
logit = np.log(probs / (1 - probs))
over = 1 / (1 + np.exp(-3 * logit))                 # overconfident
assert expected_calibration_error(labels, over) > 0.1
assert expected_calibration_error([1, 0], [1.0, 0.0]) == 0.0
print("ok")
