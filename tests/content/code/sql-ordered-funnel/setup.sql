-- u1 and u4 complete the funnel in order (u4 with repeated events).
-- u2 bought before adding to cart; u3 never viewed; u5 added to cart
-- eleven days after viewing; u6 only viewed.
CREATE TABLE events (
  user_id TEXT NOT NULL,
  event TEXT NOT NULL,
  ts TEXT NOT NULL
);
INSERT INTO events VALUES
  ('u1', 'view', '2026-03-01 10:00:00'),
  ('u1', 'cart', '2026-03-01 10:05:00'),
  ('u1', 'purchase', '2026-03-01 10:20:00'),
  ('u2', 'view', '2026-03-01 09:00:00'),
  ('u2', 'purchase', '2026-03-01 09:30:00'),
  ('u2', 'cart', '2026-03-02 08:00:00'),
  ('u3', 'cart', '2026-03-01 11:00:00'),
  ('u3', 'purchase', '2026-03-01 11:10:00'),
  ('u4', 'view', '2026-03-02 12:00:00'),
  ('u4', 'view', '2026-03-02 12:01:00'),
  ('u4', 'cart', '2026-03-02 12:10:00'),
  ('u4', 'cart', '2026-03-02 12:11:00'),
  ('u4', 'purchase', '2026-03-03 09:00:00'),
  ('u5', 'view', '2026-03-01 08:00:00'),
  ('u5', 'cart', '2026-03-12 08:00:00'),
  ('u6', 'view', '2026-03-04 10:00:00');
