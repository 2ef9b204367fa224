-- User 1 logs twice on 2026-03-02 and skips 2026-03-04. User 2's
-- streak crosses a month boundary. User 3 has a single day.
CREATE TABLE activity (
  user_id INTEGER NOT NULL,
  activity_date TEXT NOT NULL
);
INSERT INTO activity VALUES
  (1, '2026-03-01'), (1, '2026-03-02'), (1, '2026-03-02'),
  (1, '2026-03-03'), (1, '2026-03-05'), (1, '2026-03-06'),
  (2, '2026-03-31'), (2, '2026-04-01'), (2, '2026-04-03'),
  (3, '2026-03-10');
