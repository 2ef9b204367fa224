-- One order can ship in several parcels; order 4 has not shipped yet.
-- Orders 1 and 2 have the same amount, which breaks SUM(DISTINCT).
CREATE TABLE orders (
  order_id INTEGER PRIMARY KEY,
  customer_id TEXT NOT NULL,
  amount INTEGER NOT NULL
);
CREATE TABLE shipments (
  shipment_id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL,
  shipped_on TEXT NOT NULL
);
INSERT INTO orders VALUES
  (1, 'c1', 100), (2, 'c1', 100), (3, 'c2', 80), (4, 'c3', 20);
INSERT INTO shipments VALUES
  (10, 1, '2026-03-02'), (11, 1, '2026-03-04'),
  (12, 2, '2026-03-03'),
  (13, 3, '2026-03-05'), (14, 3, '2026-03-06'), (15, 3, '2026-03-07');
