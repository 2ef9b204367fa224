rng = np.random.default_rng(42)

def simulate_users(n, mean_ctr):
    """Users differ in activity and in click propensity."""
    views = 1 + rng.poisson(rng.lognormal(1.5, 1.0, n))
    a = 2.0
    p = rng.beta(a, a * (1 - mean_ctr) / mean_ctr, n)
    clicks = rng.binomial(views, p)
    return clicks, views

# 1) Delta variance vs the true sampling variance over replicates.
ratios, deltas, naive = [], [], []
for _ in range(2000):
    c, v = simulate_users(2000, 0.05)
    r, var = ratio_with_var(c, v)
    ratios.append(r)
    deltas.append(var)
    naive.append(r * (1 - r) / v.sum())   # page views as Bernoulli
true_var = np.var(ratios, ddof=1)
assert abs(np.mean(deltas) / true_var - 1) < 0.1, np.mean(deltas) / true_var
# The binomial formula understates the variance here.
assert np.mean(naive) < 0.8 * true_var, np.mean(naive) / true_var

# 2) Delta variance vs a bootstrap that resamples users.
c, v = simulate_users(3000, 0.05)
_, var = ratio_with_var(c, v)
boot = []
for _ in range(2000):
    idx = rng.integers(0, c.size, c.size)
    boot.append(c[idx].sum() / v[idx].sum())
assert abs(np.var(boot, ddof=1) / var - 1) < 0.15

# 3) The linearized per-user variable gives the same variance.
r = c.sum() / v.sum()
lin = (c - r * v) / v.mean()
assert abs(np.var(lin, ddof=1) / lin.size - var) < 1e-12

# 4) The interval for a difference covers the truth about 95% of
#    the time when both arms have CTR 5%.
hits = 0
for _ in range(1000):
    diff, (lo, hi) = ctr_difference(simulate_users(1500, 0.05),
                                    simulate_users(1500, 0.05))
    hits += lo <= 0 <= hi
assert 0.93 <= hits / 1000 <= 0.97, hits
