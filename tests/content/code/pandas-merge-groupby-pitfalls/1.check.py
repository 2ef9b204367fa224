# Check: compare with a plain-Python computation; duplicates must raise.
orders = pd.DataFrame({
    "order_id": [1, 2, 3, 4, 5],
    "customer_id": [10, 10, 11, None, 99],  # NaN key, unknown key
    "amount": [20.0, 35.0, 15.0, 50.0, 5.0],
})
customers = pd.DataFrame({
    "customer_id": [10, 11, 12],
    "segment": ["retail", "wholesale", "retail"],
    "country": ["DE", "FR", "DE"],
})
totals, unmatched = revenue_by_segment(orders, customers)

segment_of = dict(zip(customers["customer_id"], customers["segment"]))
expected = {}
for cid, amount in zip(orders["customer_id"], orders["amount"]):
    seg = segment_of.get(cid, "unknown") if cid == cid else "unknown"
    expected[seg] = expected.get(seg, 0.0) + amount
assert totals.to_dict() == expected, (totals.to_dict(), expected)
assert unmatched == 2
assert abs(totals.sum() - orders["amount"].sum()) < 1e-9

dup = pd.concat([customers, customers.iloc[[1]]], ignore_index=True)
try:
    revenue_by_segment(orders, dup)
except pd.errors.MergeError:
    pass
else:
    raise AssertionError("duplicate customer keys were not caught")

# NaN keys match each other in pandas, unlike SQL: the order with no
# customer_id joins a customer row whose id is also missing.
ghost = pd.DataFrame({"customer_id": [10, None],
                      "segment": ["retail", "ghost"]})
totals, unmatched = revenue_by_segment(orders, ghost)
assert totals.to_dict() == {"retail": 55.0, "ghost": 50.0,
                            "unknown": 20.0}, totals.to_dict()
assert unmatched == 2

# The naive version really does lose the unmatched revenue.
naive = orders.merge(customers, on="customer_id").groupby("segment")
assert naive["amount"].sum().sum() == 70.0
print("ok")
