# Fixture: impact_ratios on applicant-level rows, checked against direct
# counting, plus the Fisher exact p-value quoted in the answer.
from math import comb

rows = ([("A", 1)] * 120 + [("A", 0)] * 280
        + [("B", 1)] * 55 + [("B", 0)] * 195
        + [("C", 1)] * 9 + [("C", 0)] * 21)
df = pd.DataFrame(rows, columns=["group", "advanced"])
out = impact_ratios(df, "group", "advanced")

assert list(out.index) == ["B", "A", "C"] or list(out.index) == ["B", "C", "A"]
assert out.loc["A", "applicants"] == 400 and out.loc["A", "selected"] == 120
assert out.loc["B", "applicants"] == 250 and out.loc["B", "selected"] == 55
for g in "ABC":
    sub = [s for grp, s in rows if grp == g]
    assert abs(out.loc[g, "rate"] - sum(sub) / len(sub)) < 1e-12
# A and C both select 30%, so both have ratio 1; B has 0.22 / 0.30.
assert abs(out.loc["B", "impact_ratio"] - 0.22 / 0.30) < 1e-12
assert round(out.loc["B", "impact_ratio"], 2) == 0.73
assert bool(out.loc["B", "below_four_fifths"])
assert not bool(out.loc["A", "below_four_fifths"])
assert out["impact_ratio"].max() == 1.0


def fisher_two_sided(sel_a, n_a, sel_b, n_b):
    total, selected = n_a + n_b, sel_a + sel_b

    def pmf(x):
        return (comb(selected, x) * comb(total - selected, n_a - x)
                / comb(total, n_a))

    observed = pmf(sel_a)
    lo, hi = max(0, selected - n_b), min(selected, n_a)
    return sum(pmf(x) for x in range(lo, hi + 1)
               if pmf(x) <= observed * (1 + 1e-9))


p = fisher_two_sided(120, 400, 55, 250)
assert 0.025 < p < 0.035, p     # "p ≈ 0.03"

# Boolean outcomes work too, and a group with no one selected gets a
# ratio of 0 and is flagged.
bool_df = pd.DataFrame({"group": ["x"] * 4 + ["y"] * 3,
                        "advanced": [True, True, False, False,
                                     False, False, False]})
out_bool = impact_ratios(bool_df, "group", "advanced")
assert list(out_bool.index) == ["y", "x"]
assert out_bool.loc["x", "rate"] == 0.5 and out_bool.loc["y", "rate"] == 0
assert bool(out_bool.loc["y", "below_four_fifths"])
