# Block 1's helpers, written independently here (this block uses them).
import itertools

import numpy as np


def squared_distances(X, centers):
    return ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)


def kmeans_plus_plus(X, k, rng):
    idx = [int(rng.integers(len(X)))]
    while len(idx) < k:
        d2 = squared_distances(X, X[idx]).min(axis=1)
        idx.append(int(rng.choice(len(X), p=d2 / d2.sum())))
    return X[idx].astype(float)


def sse(X, labels):
    return sum(((X[labels == j] - X[labels == j].mean(0)) ** 2).sum()
               for j in set(labels.tolist()))


# 1. Brute force on 8 points: best of a few seeds hits the optimum.
rng = np.random.default_rng(3)
X = np.vstack([rng.normal(0, 1, (4, 2)), rng.normal(4, 1, (4, 2))])
best = min(sse(X, np.array((0,) + bits))
           for bits in itertools.product([0, 1], repeat=7)
           if any(bits))
runs = [kmeans(X, 2, seed=s) for s in range(5)]
assert abs(min(r[2] for r in runs) - best) < 1e-9

# 2. Fixed point on larger data: labels are nearest centers, centers
#    are the means of their points, inertia is the sum of squares.
X = rng.normal(size=(300, 3)) + rng.integers(0, 3, 300)[:, None] * 3
centers, labels, inertia = kmeans(X, 4, seed=7)
for i, x in enumerate(X):
    dists = [((x - c) ** 2).sum() for c in centers]
    assert labels[i] == int(np.argmin(dists))
for j in range(4):
    assert np.allclose(centers[j], X[labels == j].mean(axis=0))
assert np.isclose(inertia, sse(X, labels))
print("ok")
