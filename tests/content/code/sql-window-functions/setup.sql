CREATE TABLE orders (
  order_id INTEGER PRIMARY KEY,
  customer_id TEXT NOT NULL,
  order_date TEXT NOT NULL,   -- ISO dates sort correctly as text
  amount INTEGER              -- NULL: amount not recorded
);
INSERT INTO orders (order_id, customer_id, order_date, amount) VALUES
  (1, 'c1', '2026-01-03', 40),
  (2, 'c1', '2026-01-10', 25),
  (3, 'c1', '2026-01-10', 40),   -- same date as order 2, same amount as 1
  (4, 'c1', '2026-02-01', NULL),
  (5, 'c1', '2026-02-14', 15),
  (6, 'c2', '2026-01-05', 120),
  (7, 'c2', '2026-03-01', 80),
  (8, 'c3', '2026-02-20', 60);
