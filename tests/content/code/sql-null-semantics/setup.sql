-- Two orders have no coupon and two have no recorded discount.
CREATE TABLE orders (
  order_id INTEGER PRIMARY KEY,
  coupon TEXT,
  discount INTEGER
);
INSERT INTO orders VALUES
  (1, 'SPRING', 10), (2, NULL, NULL), (3, 'SPRING', 20),
  (4, 'WELCOME', NULL), (5, NULL, 0);
