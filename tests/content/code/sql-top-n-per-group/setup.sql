-- books: a tie for second place. games: a tie for first place.
-- toys: fewer than two products with revenue, and one NULL.
CREATE TABLE product_revenue (
  category TEXT NOT NULL,
  product TEXT NOT NULL,
  revenue INTEGER
);
INSERT INTO product_revenue VALUES
  ('books', 'A', 500), ('books', 'B', 300), ('books', 'C', 300),
  ('books', 'D', 100),
  ('games', 'E', 400), ('games', 'F', 400), ('games', 'G', 250),
  ('games', 'H', 100),
  ('toys', 'I', 50), ('toys', 'J', NULL);
