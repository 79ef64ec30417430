-- Schema 1, both kinds: event identity, the time index, the daily rollup and its triggers, and the
-- writer's bookkeeping table.
CREATE UNIQUE INDEX IF NOT EXISTS ux_raw_logs_event ON raw_logs (ev_block, ev_index);
-- range scans by time. SQLite (3.53) never uses an index on VIRTUAL columns as a covering index:
-- each matching row is read and its JSON parsed again, so daily answers come from daily_rollup.
CREATE INDEX IF NOT EXISTS ix_raw_logs_time ON raw_logs (ev_time, ev_value);
-- The original's expression indexes repeat the two above (same expressions) and cost a fifth of
-- the insert rate: schema 1 drops them. Queries by block go through ev_block (the views' log_block_number).
DROP INDEX IF EXISTS idx_block_number;
DROP INDEX IF EXISTS idx_stamp;
DROP INDEX IF EXISTS idx_quote_time;

-- One row per UTC day of ev_time over the events that have a time, a value, a block and an index.
-- RI reads total / n; RT reads open/high/low/close, open and close being the first and last value
-- of the day by (ev_time, ev_block, ev_index).
CREATE TABLE IF NOT EXISTS daily_rollup (
  day TEXT NOT NULL PRIMARY KEY,
  n INTEGER NOT NULL,
  total REAL NOT NULL,
  high REAL NOT NULL,
  low REAL NOT NULL,
  open REAL NOT NULL,
  open_time INTEGER NOT NULL,
  open_block INTEGER NOT NULL,
  open_index INTEGER NOT NULL,
  close REAL NOT NULL,
  close_time INTEGER NOT NULL,
  close_block INTEGER NOT NULL,
  close_index INTEGER NOT NULL
) WITHOUT ROWID;

DELETE FROM daily_rollup;
INSERT INTO daily_rollup (day, n, total, high, low, open, open_time, open_block, open_index,
                          close, close_time, close_block, close_index)
SELECT day, count(*), sum(ev_value), max(ev_value), min(ev_value),
       max(CASE WHEN fwd = 1 THEN ev_value END), max(CASE WHEN fwd = 1 THEN ev_time END),
       max(CASE WHEN fwd = 1 THEN ev_block END), max(CASE WHEN fwd = 1 THEN ev_index END),
       max(CASE WHEN bwd = 1 THEN ev_value END), max(CASE WHEN bwd = 1 THEN ev_time END),
       max(CASE WHEN bwd = 1 THEN ev_block END), max(CASE WHEN bwd = 1 THEN ev_index END)
FROM (
  SELECT date(ev_time, 'unixepoch') AS day, ev_time, ev_block, ev_index, ev_value,
         row_number() OVER (PARTITION BY date(ev_time, 'unixepoch')
                            ORDER BY ev_time, ev_block, ev_index) AS fwd,
         row_number() OVER (PARTITION BY date(ev_time, 'unixepoch')
                            ORDER BY ev_time DESC, ev_block DESC, ev_index DESC) AS bwd
  FROM raw_logs
  WHERE ev_time IS NOT NULL AND ev_value IS NOT NULL
    AND ev_block IS NOT NULL AND ev_index IS NOT NULL
)
GROUP BY day;

-- An insert that ON CONFLICT DO NOTHING skips fires no trigger, so replays never double count.
CREATE TRIGGER IF NOT EXISTS raw_logs_rollup_insert AFTER INSERT ON raw_logs
WHEN NEW.ev_time IS NOT NULL AND NEW.ev_value IS NOT NULL
 AND NEW.ev_block IS NOT NULL AND NEW.ev_index IS NOT NULL
BEGIN
  INSERT INTO daily_rollup (day, n, total, high, low, open, open_time, open_block, open_index,
                            close, close_time, close_block, close_index)
  VALUES (date(NEW.ev_time, 'unixepoch'), 1, NEW.ev_value, NEW.ev_value, NEW.ev_value,
          NEW.ev_value, NEW.ev_time, NEW.ev_block, NEW.ev_index,
          NEW.ev_value, NEW.ev_time, NEW.ev_block, NEW.ev_index)
  ON CONFLICT (day) DO UPDATE SET
    n = n + 1,
    total = total + excluded.total,
    high = max(high, excluded.high),
    low = min(low, excluded.low),
    open = CASE WHEN (excluded.open_time, excluded.open_block, excluded.open_index)
                   < (open_time, open_block, open_index) THEN excluded.open ELSE open END,
    open_time = CASE WHEN (excluded.open_time, excluded.open_block, excluded.open_index)
                   < (open_time, open_block, open_index) THEN excluded.open_time ELSE open_time END,
    open_block = CASE WHEN (excluded.open_time, excluded.open_block, excluded.open_index)
                   < (open_time, open_block, open_index) THEN excluded.open_block ELSE open_block END,
    open_index = CASE WHEN (excluded.open_time, excluded.open_block, excluded.open_index)
                   < (open_time, open_block, open_index) THEN excluded.open_index ELSE open_index END,
    close = CASE WHEN (excluded.close_time, excluded.close_block, excluded.close_index)
                   > (close_time, close_block, close_index) THEN excluded.close ELSE close END,
    close_time = CASE WHEN (excluded.close_time, excluded.close_block, excluded.close_index)
                   > (close_time, close_block, close_index) THEN excluded.close_time ELSE close_time END,
    close_block = CASE WHEN (excluded.close_time, excluded.close_block, excluded.close_index)
                   > (close_time, close_block, close_index) THEN excluded.close_block ELSE close_block END,
    close_index = CASE WHEN (excluded.close_time, excluded.close_block, excluded.close_index)
                   > (close_time, close_block, close_index) THEN excluded.close_index ELSE close_index END;
END;

-- A delete recomputes its day from the rows left (deletes are rare: operators, reorg repairs).
CREATE TRIGGER IF NOT EXISTS raw_logs_rollup_delete AFTER DELETE ON raw_logs
WHEN OLD.ev_time IS NOT NULL AND OLD.ev_value IS NOT NULL
 AND OLD.ev_block IS NOT NULL AND OLD.ev_index IS NOT NULL
BEGIN
  DELETE FROM daily_rollup WHERE day = date(OLD.ev_time, 'unixepoch');
  INSERT INTO daily_rollup (day, n, total, high, low, open, open_time, open_block, open_index,
                            close, close_time, close_block, close_index)
  SELECT date(OLD.ev_time, 'unixepoch'), a.n, a.total, a.high, a.low,
         o.ev_value, o.ev_time, o.ev_block, o.ev_index,
         c.ev_value, c.ev_time, c.ev_block, c.ev_index
  FROM (SELECT count(*) AS n, sum(ev_value) AS total, max(ev_value) AS high, min(ev_value) AS low
        FROM raw_logs
        WHERE ev_time >= OLD.ev_time - OLD.ev_time % 86400
          AND ev_time < OLD.ev_time - OLD.ev_time % 86400 + 86400
          AND ev_value IS NOT NULL AND ev_block IS NOT NULL AND ev_index IS NOT NULL) AS a,
       (SELECT ev_value, ev_time, ev_block, ev_index FROM raw_logs
        WHERE ev_time >= OLD.ev_time - OLD.ev_time % 86400
          AND ev_time < OLD.ev_time - OLD.ev_time % 86400 + 86400
          AND ev_value IS NOT NULL AND ev_block IS NOT NULL AND ev_index IS NOT NULL
        ORDER BY ev_time, ev_block, ev_index LIMIT 1) AS o,
       (SELECT ev_value, ev_time, ev_block, ev_index FROM raw_logs
        WHERE ev_time >= OLD.ev_time - OLD.ev_time % 86400
          AND ev_time < OLD.ev_time - OLD.ev_time % 86400 + 86400
          AND ev_value IS NOT NULL AND ev_block IS NOT NULL AND ev_index IS NOT NULL
        ORDER BY ev_time DESC, ev_block DESC, ev_index DESC LIMIT 1) AS c
  WHERE a.n > 0;
END;

-- Rows are immutable: an UPDATE would bypass the rollup. Delete and insert instead.
CREATE TRIGGER IF NOT EXISTS raw_logs_immutable BEFORE UPDATE ON raw_logs
BEGIN
  SELECT RAISE(ABORT, 'raw_logs rows are immutable: delete the row and insert the event again');
END;

-- The writer's bookkeeping (e.g. the last block a scan completed), committed with its rows.
CREATE TABLE IF NOT EXISTS banq_meta (
  key TEXT NOT NULL PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
