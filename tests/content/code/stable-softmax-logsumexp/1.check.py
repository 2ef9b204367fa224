# Check against torch (float64) and closed forms.
import math
import torch

rng = np.random.default_rng(0)
x = rng.normal(scale=30.0, size=(64, 17))
x[0] += 1000.0          # would overflow naively
x[1] -= 1000.0          # would underflow naively
tx = torch.from_numpy(x)
assert np.allclose(logsumexp(x), torch.logsumexp(tx, dim=-1).numpy())
assert np.allclose(softmax(x), torch.softmax(tx, dim=-1).numpy())
assert np.allclose(log_softmax(x),
                   torch.log_softmax(tx, dim=-1).numpy())
assert np.allclose(logsumexp(x, axis=0),
                   torch.logsumexp(tx, dim=0).numpy())
assert np.allclose(softmax(x).sum(axis=1), 1.0)
assert np.all(np.isfinite(log_softmax(x)))

# Closed forms: n equal values c give c + log n and a uniform softmax.
row = np.full(5, 1000.0)
assert math.isclose(logsumexp(row), 1000.0 + math.log(5))
assert np.allclose(softmax(row), 0.2)
# Shift invariance.
y = rng.normal(size=9)
assert math.isclose(logsumexp(y + 1000.0), logsumexp(y) + 1000.0)
assert np.allclose(softmax(y + 1000.0), softmax(y))
# Naive versions really fail on these inputs.
with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
    assert not np.isfinite(np.log(np.exp(row).sum()))
    assert np.isnan(np.exp(row - 2000) / np.exp(row - 2000).sum()).all()
# Fully masked row: logsumexp is -inf; softmax is NaN, like torch.
masked = np.full((2, 3), -np.inf)
masked[1] = [0.0, -np.inf, 1.0]
with np.errstate(divide="ignore", invalid="ignore"):
    out = logsumexp(masked)
    sm = softmax(masked)
assert out[0] == -np.inf
assert math.isclose(out[1], math.log(1.0 + math.e))
assert np.isnan(sm[0]).all() and np.isnan(
    torch.softmax(torch.from_numpy(masked), dim=-1)[0].numpy()).all()
assert np.allclose(sm[1], [1 / (1 + math.e), 0.0, math.e / (1 + math.e)])
print("ok")
