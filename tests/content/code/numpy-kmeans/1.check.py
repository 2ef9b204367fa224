# Check distances against explicit broadcasting and k-means++ spread.
rng = np.random.default_rng(0)
X = rng.normal(size=(50, 4))
C = rng.normal(size=(6, 4))
brute = ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2)
assert np.allclose(squared_distances(X, C), brute)
assert (squared_distances(X, X) >= 0).all()

# Three tight, distant blobs: k-means++ should seed one per blob.
offsets = np.array([[0.0, 0.0], [100.0, 0.0], [0.0, 100.0]])
blobs = np.vstack([o + rng.normal(size=(30, 2)) for o in offsets])
for seed in range(20):
    seeds = kmeans_plus_plus(blobs, 3, np.random.default_rng(seed))
    nearest_blob = ((seeds[:, None, :] - offsets[None]) ** 2).sum(2)
    assert sorted(nearest_blob.argmin(axis=1)) == [0, 1, 2], seed
    # every seed is an actual data point
    assert all((np.abs(blobs - s).sum(1) == 0).any() for s in seeds)
print("ok")
