-- Users 2 and 4 never ordered. Order 103 is a guest checkout with
-- no user_id, which is what breaks NOT IN.
CREATE TABLE users (
  user_id INTEGER PRIMARY KEY,
  signup_date TEXT NOT NULL
);
CREATE TABLE orders (
  order_id INTEGER PRIMARY KEY,
  user_id INTEGER,
  order_date TEXT NOT NULL
);
INSERT INTO users VALUES
  (1, '2026-01-04'), (2, '2026-01-09'), (3, '2026-02-11'),
  (4, '2026-02-20'), (5, '2026-03-01');
INSERT INTO orders VALUES
  (100, 1, '2026-01-05'), (101, 1, '2026-02-14'),
  (102, 3, '2026-02-12'), (103, NULL, '2026-02-28'),
  (104, 5, '2026-03-02');
