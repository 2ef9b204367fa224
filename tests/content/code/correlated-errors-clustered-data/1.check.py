from math import sqrt

rng = np.random.default_rng(8)

def eval_set(n_conv=250, turns=20, acc=0.8, icc=0.1):
    """Correct/incorrect per turn; each conversation has its own
    accuracy drawn from a Beta whose ICC is 1 / (a + b + 1)."""
    total = 1 / icc - 1
    p = rng.beta(acc * total, (1 - acc) * total, n_conv)
    correct = rng.random((n_conv, turns)) < p[:, None]
    ids = np.repeat(np.arange(n_conv), turns)
    return correct.ravel(), ids

# Design effect 1 + (m - 1) * rho = 2.9 for m = 20, rho = 0.1.
expected_se = sqrt(0.8 * 0.2 / 5000 * (1 + 19 * 0.1))
assert abs(expected_se - 0.00963) < 1e-5

means, cl_se, nv_se = [], [], []
for _ in range(1500):
    y, ids = eval_set()
    m, s = clustered_mean_se(y, ids)
    means.append(m)
    cl_se.append(s)
    nv_se.append(naive_mean_se(y)[1])
true_sd = np.std(means, ddof=1)
assert abs(true_sd / expected_se - 1) < 0.06, true_sd
assert abs(np.mean(cl_se) / true_sd - 1) < 0.06, np.mean(cl_se)
assert abs(np.mean(nv_se) / true_sd - 1 / sqrt(2.9)) < 0.04

# With one row per cluster the two standard errors coincide.
y = rng.random(500) < 0.3
m1, s1 = clustered_mean_se(y, np.arange(500))
m2, s2 = naive_mean_se(y)
assert abs(m1 - m2) < 1e-12 and abs(s1 - s2) < 1e-12

# Unequal cluster sizes: compare with a cluster bootstrap.
sizes = rng.integers(2, 40, 200)
ids = np.repeat(np.arange(200), sizes)
p = rng.beta(4, 1, 200)
y = rng.random(ids.size) < p[ids]
m, s = clustered_mean_se(y, ids)
sums = np.bincount(ids, weights=y)
boot = []
for _ in range(3000):
    pick = rng.integers(0, 200, 200)
    boot.append(sums[pick].sum() / sizes[pick].sum())
assert abs(np.std(boot, ddof=1) / s - 1) < 0.08
