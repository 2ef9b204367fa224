# theta is the OLS slope of y on x.
slope = np.polyfit(x, y, 1)[0]
assert abs(theta - slope) < 1e-9, (theta, slope)

# The standard error shrinks by about sqrt(1 - rho^2).
rho = np.corrcoef(y, x)[0, 1]
se_raw = diff_and_se(y, treated)[1]
se_adj = diff_and_se(y_adj, treated)[1]
assert abs(se_adj / se_raw - np.sqrt(1 - rho**2)) < 0.01

# Population rho^2 for this design: cov^2 / (var x * var y).
var_x, var_y = 2.0 * 5.0**2, 0.8**2 * 50.0 + 36.0 + 0.25**2
assert abs(rho**2 - (0.8 * var_x) ** 2 / (var_x * var_y)) < 0.02

# Over many replicates CUPED stays unbiased and its variance matches
# the raw variance times (1 - rho^2). Compare with OLS y ~ t + x too.
sim = np.random.default_rng(11)
raw_est, adj_est, ols_est = [], [], []
for _ in range(400):
    xs = sim.gamma(2.0, 5.0, 4000)
    ts = sim.random(4000) < 0.5
    ys = 0.8 * xs + sim.normal(0, 6.0, 4000) + 0.5 * ts
    raw_est.append(diff_and_se(ys, ts)[0])
    adj_est.append(diff_and_se(cuped(ys, xs)[0], ts)[0])
    design = np.column_stack([np.ones(4000), ts, xs])
    ols_est.append(np.linalg.lstsq(design, ys, rcond=None)[0][1])
raw_est, adj_est = np.array(raw_est), np.array(adj_est)
assert abs(adj_est.mean() - 0.5) < 3 * adj_est.std() / np.sqrt(400)
ratio = adj_est.var() / raw_est.var()
assert abs(ratio - (1 - 0.8**2 * 50.0 / var_y)) < 0.1, ratio
assert np.max(np.abs(adj_est - np.array(ols_est))) < 0.05

# A covariate measured after treatment starts biases the estimate.
x_post = x + 2.0 * treated
bad = diff_and_se(cuped(y, x_post)[0], treated)[0]
good = diff_and_se(y_adj, treated)[0]
assert bad < good - 0.5, (bad, good)
