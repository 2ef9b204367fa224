# Fixture: compare causal_attention with an explicit loop reference.
rng = np.random.default_rng(0)


def loop_reference(q, k, v):
    n, d_k = q.shape
    out = np.zeros((n, v.shape[1]))
    for i in range(n):
        logits = np.array([q[i] @ k[j] / np.sqrt(d_k)
                           for j in range(i + 1)])
        w = np.exp(logits - logits.max())
        w = w / w.sum()
        out[i] = sum(w[j] * v[j] for j in range(i + 1))
    return out


for n, d_k, d_v in [(1, 4, 3), (5, 8, 8), (12, 16, 5)]:
    q = rng.normal(size=(n, d_k))
    k = rng.normal(size=(n, d_k))
    v = rng.normal(size=(n, d_v))
    got = causal_attention(q, k, v)
    assert got.shape == (n, d_v)
    assert np.allclose(got, loop_reference(q, k, v))
    # The first position can only attend to itself.
    assert np.allclose(got[0], v[0])

# Causality: changing future keys and values leaves earlier outputs alone.
q = rng.normal(size=(10, 8))
k = rng.normal(size=(10, 8))
v = rng.normal(size=(10, 4))
base = causal_attention(q, k, v)
k2, v2 = k.copy(), v.copy()
k2[6:] += 5.0
v2[6:] -= 3.0
changed = causal_attention(q, k2, v2)
assert np.allclose(base[:6], changed[:6])
assert not np.allclose(base[6:], changed[6:])

# Large logits do not overflow thanks to the max subtraction.
big = causal_attention(q * 1e3, k * 1e3, v)
assert np.all(np.isfinite(big))

# The variance argument: q.k for unit-variance entries has variance d_k,
# and dividing by sqrt(d_k) brings it back to about 1.
d_k = 128
qs = rng.normal(size=(200000, d_k))
ks = rng.normal(size=(200000, d_k))
dots = np.einsum("ij,ij->i", qs, ks)
assert abs(dots.var() / d_k - 1) < 0.02
assert abs((dots / np.sqrt(d_k)).var() - 1) < 0.02
assert abs(np.sqrt(d_k) - 11.3) < 0.02
print("ok")
