# Fixture: closed-form inversion and a seeded simulation of a noisy judge.
import numpy as np

rng = np.random.default_rng(0)
sens, spec = 0.90, 0.85
assert abs(corrected_pass_rate(0.70, sens, spec) - 0.55 / 0.75) < 1e-12

for true_rate in (0.2, 0.55, 0.8):
    # Expected observed rate for a judge with these error rates.
    observed = true_rate * sens + (1 - true_rate) * (1 - spec)
    assert abs(corrected_pass_rate(observed, sens, spec) - true_rate) < 1e-12

    n = 200_000
    truth = rng.random(n) < true_rate
    judge_pass = np.where(truth, rng.random(n) < sens,
                          rng.random(n) >= spec)
    est = corrected_pass_rate(judge_pass.mean(), sens, spec)
    assert abs(est - true_rate) < 0.01, (est, true_rate)

assert corrected_pass_rate(0.99, sens, spec) == 1.0   # clipped
assert corrected_pass_rate(0.01, sens, spec) == 0.0   # clipped
try:
    corrected_pass_rate(0.5, 0.5, 0.5)
except ValueError:
    pass
else:
    raise AssertionError("chance-level judge must raise")
