# Check 1: shingles of two texts that differ in one word, against a
# direct set computation.
base = ("the quick brown fox jumps over the lazy dog while the cat "
        "sleeps on the warm mat near the old red barn door").split()
edited = list(base)
edited[10] = "naps"
a_ids = shingle_ids(" ".join(base))
b_ids = shingle_ids(" ".join(edited))
grams_a = {tuple(base[i:i + 5]) for i in range(len(base) - 4)}
grams_b = {tuple(edited[i:i + 5]) for i in range(len(edited) - 4)}
assert len(a_ids) == len(grams_a) and len(b_ids) == len(grams_b)
exact = len(grams_a & grams_b) / len(grams_a | grams_b)
assert abs(len(a_ids & b_ids) / len(a_ids | b_ids) - exact) < 1e-12

# Check 2: MinHash agreement estimates Jaccard on integer sets with a
# known overlap (sets of 300 with 240 shared: J = 240 / 360).
rng = np.random.default_rng(3)
universe = rng.choice(10**9, size=360, replace=False)
set_a = set(universe[:300].tolist())
set_b = set(universe[60:].tolist())
true_j = len(set_a & set_b) / len(set_a | set_b)
estimates = []
for trial in range(200):
    sa = minhash(set_a, 128, seed=trial)
    sb = minhash(set_b, 128, seed=trial)
    estimates.append(np.mean(sa == sb))
assert abs(np.mean(estimates) - true_j) < 0.02, (np.mean(estimates), true_j)

# Check 3: share of pairs that collide in at least one band matches
# 1 - (1 - s^8)^16 for pairs with Jaccard 0.8 (shared 400 of 500).
def candidate(sig1, sig2):
    return bool(set(band_keys(sig1)) & set(band_keys(sig2)))

universe = rng.choice(10**9, size=500, replace=False)
s_a = set(universe[:450].tolist())
s_b = set(universe[50:].tolist())
s = len(s_a & s_b) / len(s_a | s_b)
hits = [candidate(minhash(s_a, 128, seed=t), minhash(s_b, 128, seed=t))
        for t in range(300)]
expected = 1 - (1 - s**8) ** 16
assert abs(s - 0.8) < 1e-12
assert abs(np.mean(hits) - expected) < 0.05, (np.mean(hits), expected)
assert len(band_keys(minhash(s_a))) == 16

# Check 4: tricky inputs. A text shorter than k words is one shingle (the
# whole text); case and runs of whitespace do not change the shingles.
assert shingle_ids("Hello  World") == shingle_ids("hello world")
assert len(shingle_ids("only three words")) == 1
assert len(shingle_ids("")) == 1
# Identical sets give identical signatures and share every band key;
# signature values stay below the prime (they fit in 4 bytes).
sig = minhash(s_a, 128, seed=5)
assert np.array_equal(sig, minhash(set(s_a), 128, seed=5))
assert band_keys(sig) == band_keys(minhash(s_a, 128, seed=5))
assert int(sig.max()) < PRIME < 2**31
print("ok")
