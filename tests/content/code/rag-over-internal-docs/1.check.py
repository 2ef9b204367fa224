# Fixture: reciprocal rank fusion against a hand-computed example and a
# brute-force reference on random rankings.
import itertools
import random

bm25 = ["policy-7", "faq-2", "memo-9"]
dense = ["faq-2", "guide-4", "policy-7"]
fused = reciprocal_rank_fusion([bm25, dense])
# faq-2: 1/62 + 1/61; policy-7: 1/61 + 1/63; guide-4: 1/62; memo-9: 1/63
assert fused == ["faq-2", "policy-7", "guide-4", "memo-9"], fused

# A document found by both retrievers beats one ranked first by only one.
assert reciprocal_rank_fusion([["a", "b"], ["c", "b"]])[0] == "b"

# Ties are broken by id, so the order is deterministic.
assert reciprocal_rank_fusion([["x"], ["y"]]) == ["x", "y"]
assert reciprocal_rank_fusion([]) == []


def brute_force(rankings, k=60):
    ids = sorted(set(itertools.chain.from_iterable(rankings)))
    score = {}
    for d in ids:
        score[d] = sum(1 / (k + r.index(d) + 1) for r in rankings if d in r)
    return sorted(ids, key=lambda d: (-score[d], d))


rng = random.Random(0)
pool = ["doc-%02d" % i for i in range(30)]
for _ in range(200):
    lists = [rng.sample(pool, rng.randint(1, 12))
             for _ in range(rng.randint(1, 4))]
    k = rng.choice([1, 10, 60])
    assert reciprocal_rank_fusion(lists, k=k) == brute_force(lists, k=k)
