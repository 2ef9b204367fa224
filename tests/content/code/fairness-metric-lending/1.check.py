# Fixture: the implied FPR against explicit confusion-matrix counts, and
# the approval rates quoted in the answer.
def counts(n, base_rate, ppv, tpr):
    repay = n * base_rate
    default = n - repay
    tp = tpr * repay
    fp = tp * (1 - ppv) / ppv          # from ppv = tp / (tp + fp)
    return tp, fp, repay, default


for base_rate in (0.3, 0.6, 0.8):
    for ppv, tpr in ((0.9, 0.8), (0.7, 0.5)):
        tp, fp, repay, default = counts(100_000, base_rate, ppv, tpr)
        assert abs(tp / (tp + fp) - ppv) < 1e-12
        assert abs(fp / default - implied_fpr(base_rate, ppv, tpr)) < 1e-12

approval = {}
for group, p in (("A", 0.8), ("B", 0.6)):
    tp, fp, repay, default = counts(100_000, p, 0.9, 0.8)
    approval[group] = (tp + fp) / 100_000
assert round(approval["A"], 3) == 0.711 and round(approval["B"], 3) == 0.533
# Random integer confusion matrices: the identity must reproduce the
# observed FPR exactly from base rate, precision and TPR.
import random

rng = random.Random(0)
for _ in range(500):
    tp, fn, fp, tn = (rng.randint(1, 500) for _ in range(4))
    n = tp + fn + fp + tn
    base_rate = (tp + fn) / n
    ppv, tpr = tp / (tp + fp), tp / (tp + fn)
    assert abs(implied_fpr(base_rate, ppv, tpr) - fp / (fp + tn)) < 1e-12

# Equal base rates with equal PPV and TPR force equal FPR, so the
# conflict needs different base rates; a higher base rate forces a
# higher FPR.
assert implied_fpr(0.6, 0.9, 0.8) < implied_fpr(0.7, 0.9, 0.8) \
    < implied_fpr(0.8, 0.9, 0.8)
