import numpy as np
from math import sqrt

# Known value and the scaling of n with the effect size.
assert n == 47034, n
assert users_per_arm(0.12, 0.10) == 12001
assert users_per_arm(0.12, 0.025) == 186168
ratio = users_per_arm(0.12, 0.025) / users_per_arm(0.12, 0.05)
assert 3.8 < ratio < 4.1, ratio

# Closed-form power at n: Phi(|d| / se - z_alpha) should be 0.80.
nd = NormalDist()
p1, p2 = 0.12, 0.126
se = sqrt((p1 * (1 - p1) + p2 * (1 - p2)) / n)
power = nd.cdf((p2 - p1) / se - nd.inv_cdf(0.975))
assert abs(power - 0.80) < 0.001, power

# Simulated power: run 20,000 experiments with n users per arm.
rng = np.random.default_rng(2026)
sims = 20_000
conv_c = rng.binomial(n, p1, sims) / n
conv_t = rng.binomial(n, p2, sims) / n
se_hat = np.sqrt(conv_c * (1 - conv_c) / n + conv_t * (1 - conv_t) / n)
z_stat = (conv_t - conv_c) / se_hat
sim_power = np.mean(np.abs(z_stat) > nd.inv_cdf(0.975))
assert abs(sim_power - 0.80) < 0.015, sim_power

# Under the null the same test rejects about 5% of the time.
null_t = rng.binomial(n, p1, sims) / n
se0 = np.sqrt(conv_c * (1 - conv_c) / n + null_t * (1 - null_t) / n)
fpr = np.mean(np.abs((null_t - conv_c) / se0) > nd.inv_cdf(0.975))
assert abs(fpr - 0.05) < 0.007, fpr
