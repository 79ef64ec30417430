-- Schema 1, rt databases: raw_logs as the original defined it, plus the typed columns of an event.
-- VIRTUAL generated columns: computed from json on read and for indexes, so every writer keeps them
-- right, and a legacy table gains them with ALTER TABLE (which cannot add STORED columns).
-- Rows of the original CLI name the quote quote_mid/quote_rel/quote_utc: their time is quote_utc.
CREATE TABLE IF NOT EXISTS raw_logs (
  id TEXT NOT NULL PRIMARY KEY,
  json TEXT NOT NULL
);
ALTER TABLE raw_logs ADD COLUMN ev_block INTEGER
  GENERATED ALWAYS AS (CAST(json_extract(json,'$.log.blockNumber') AS INTEGER)) VIRTUAL;
ALTER TABLE raw_logs ADD COLUMN ev_index INTEGER
  GENERATED ALWAYS AS (CAST(json_extract(json,'$.log.index') AS INTEGER)) VIRTUAL;
-- unix seconds of the quote
ALTER TABLE raw_logs ADD COLUMN ev_time INTEGER
  GENERATED ALWAYS AS (CAST(REPLACE(COALESCE(
    json_extract(json,'$.quote_time'), json_extract(json,'$.quote_utc')),'n','') AS INTEGER)) VIRTUAL;
-- ev_value comes from rt-value.sql, whose expression depends on the database's contract run.
