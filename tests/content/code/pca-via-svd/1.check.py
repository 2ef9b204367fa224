# Check against the eigendecomposition of the covariance matrix.
rng = np.random.default_rng(0)
n, d, k = 500, 6, 3
X = rng.normal(size=(n, d)) @ rng.normal(size=(d, d)) + 5.0
mean, comps, var, scores = pca(X, k)

evals, evecs = np.linalg.eigh(np.cov(X, rowvar=False))
order = np.argsort(evals)[::-1]
evals, evecs = evals[order], evecs[:, order]
assert np.allclose(var, evals[:k])
for i in range(k):                           # equal up to sign
    assert np.isclose(abs(comps[i] @ evecs[:, i]), 1.0)
assert np.allclose(comps @ comps.T, np.eye(k))
assert np.allclose(mean, X.mean(axis=0))

# Scores equal U S, and reconstruction error is the discarded variance.
U, S, Vt = np.linalg.svd(X - mean, full_matrices=False)
assert np.allclose(np.abs(scores), np.abs(U[:, :k] * S[:k]))
recon = mean + scores @ comps
err = ((X - recon) ** 2).sum()
assert np.isclose(err, (n - 1) * evals[k:].sum())

# Scale matters: one column in tiny units takes over the first component.
Z = rng.normal(size=(n, 3))
Z[:, 0] *= 1000.0
_, c_raw, _, _ = pca(Z, 1)
assert abs(c_raw[0, 0]) > 0.999
_, c_std, _, _ = pca((Z - Z.mean(0)) / Z.std(0), 1)
assert abs(c_std[0, 0]) < 0.999
print("ok")
