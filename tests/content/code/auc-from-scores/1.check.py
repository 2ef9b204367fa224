# Check against a brute-force pair count and a separate trapezoid ROC.
def brute_auc(y, s):
    pos = [si for yi, si in zip(y, s) if yi == 1]
    neg = [si for yi, si in zip(y, s) if yi != 1]
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0
               for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def trapezoid_auc(y, s):
    y = np.asarray(y) == 1
    tpr, fpr = [0.0], [0.0]
    for t in sorted(set(s), reverse=True):   # one point per threshold
        pred = np.asarray(s) >= t
        tpr.append((pred & y).sum() / y.sum())
        fpr.append((pred & ~y).sum() / (~y).sum())
    return sum((fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2
               for i in range(1, len(fpr)))


rng = np.random.default_rng(0)
for trial in range(30):
    n = int(rng.integers(2, 300))
    y = rng.integers(0, 2, n)
    y[0], y[1] = 0, 1
    s = np.round(rng.normal(size=n) + 0.8 * y, 1)   # many ties
    got = roc_auc(y, s)
    assert abs(got - brute_auc(y, s)) < 1e-12
    assert abs(got - trapezoid_auc(y, s)) < 1e-12
    # -1/1 labels give the same answer
    assert abs(roc_auc(np.where(y == 1, 1, -1), s) - got) < 1e-12

assert roc_auc([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]) == 1.0
assert roc_auc([1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9]) == 0.0
assert roc_auc([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5]) == 0.5
assert np.allclose(average_ranks(np.array([3.0, 1.0, 3.0, 2.0])),
                   [3.5, 1.0, 3.5, 2.0])
for bad in (([1, 1], [0.2, 0.3]), ([0, 1], [0.2, float("nan")])):
    try:
        roc_auc(*bad)
    except ValueError:
        pass
    else:
        raise AssertionError("bad input accepted")
print("ok")
