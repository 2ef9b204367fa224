-- Data runs through 2026-03-31, so every user below has had at least
-- four full weeks since signup. User 3 never came back; user 4 has an
-- event logged before signup and an exact duplicate row.
CREATE TABLE users (
  user_id INTEGER PRIMARY KEY,
  signup_date TEXT NOT NULL
);
CREATE TABLE events (
  user_id INTEGER NOT NULL,
  event_date TEXT NOT NULL
);
INSERT INTO users VALUES
  (1, '2026-01-05'), (2, '2026-01-12'), (3, '2026-01-20'),
  (4, '2026-02-02'), (5, '2026-02-10'), (6, '2026-02-25');
INSERT INTO events VALUES
  (1, '2026-01-05'), (1, '2026-01-13'), (1, '2026-01-14'),
  (1, '2026-01-20'),
  (2, '2026-01-12'), (2, '2026-01-26'), (2, '2026-02-02'),
  (4, '2026-02-01'), (4, '2026-02-09'), (4, '2026-02-09'),
  (5, '2026-02-10'), (5, '2026-02-17'), (5, '2026-03-02'),
  (6, '2026-02-25'), (6, '2026-03-18');
