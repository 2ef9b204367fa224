# Check against a float64 brute force that sorts every score.
rng = np.random.default_rng(0)
items = rng.normal(size=(2000, 32)).astype(np.float32)
items[5] = 0.0                                  # a zero vector
queries = rng.normal(size=(300, 32))
queries[3] = 0.0
items_unit = normalize_rows(items)
idx, sim = cosine_top_k(queries, items_unit, k=10, batch=64)
assert idx.shape == (300, 10) and sim.shape == (300, 10)

items64 = items.astype(np.float64)
item_norms = np.sqrt((items64 ** 2).sum(axis=1))
for qi, q in enumerate(queries.astype(np.float64)):
    denom = np.sqrt(q @ q) * item_norms
    dots = items64 @ q
    scores = np.where(denom > 0, dots / np.where(denom > 0, denom, 1), 0)
    best = np.argsort(-scores, kind="stable")[:10]
    assert np.allclose(sim[qi], scores[best], atol=1e-5)
    if qi != 3:                                  # no ties here
        assert list(idx[qi]) == list(best)
assert np.all(np.diff(sim, axis=1) <= 1e-7)     # best first
assert np.allclose(sim[3], 0.0)                 # zero query

# k larger than the number of items returns everything, sorted.
idx_all, sim_all = cosine_top_k(queries[:4], items_unit[:6], k=50)
assert idx_all.shape == (4, 6)
assert all(sorted(r) == list(range(6)) for r in idx_all.tolist())
print("ok")
