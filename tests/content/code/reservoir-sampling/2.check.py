# Compare simulated inclusion rates with exact successive-sampling
# probabilities computed by brute force over ordered draws.
import itertools

weights = {"a": 1.0, "b": 2.0, "c": 3.0, "d": 4.0}
total = sum(weights.values())


def exact_inclusion(k):
    prob = dict.fromkeys(weights, 0.0)
    for order in itertools.permutations(weights, k):
        p, left = 1.0, total
        for item in order:
            p *= weights[item] / left
            left -= weights[item]
        for item in order:
            prob[item] += p
    return prob


rng = random.Random(0)
trials = 40_000
for k in (1, 2):
    hits = dict.fromkeys(weights, 0)
    for _ in range(trials):
        for item in weighted_reservoir(weights.items(), k, rng):
            hits[item] += 1
    for item, p in exact_inclusion(k).items():
        rate = hits[item] / trials
        sd = math.sqrt(p * (1 - p) / trials)
        assert abs(rate - p) < 5 * sd, (k, item, rate, p)
# k = 1 is exactly proportional to weight.
assert all(abs(p - weights[i] / total) < 1e-12
           for i, p in exact_inclusion(1).items())
# Tiny weights still work with log keys; k larger than the stream.
tiny = [("x", 1e-300), ("y", 1e-300)]
assert sorted(weighted_reservoir(tiny, 1, rng) +
              weighted_reservoir(tiny, 5, rng)) in (
    ["x", "x", "y"], ["x", "y", "y"])
print("ok")
