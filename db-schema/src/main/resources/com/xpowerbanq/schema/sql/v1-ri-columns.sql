-- Schema 1, ri databases: raw_logs as the original defined it, plus the typed columns of an event.
-- VIRTUAL generated columns: computed from json on read and for indexes, so every writer keeps them
-- right, and a legacy table gains them with ALTER TABLE (which cannot add STORED columns).
CREATE TABLE IF NOT EXISTS raw_logs (
  id TEXT NOT NULL PRIMARY KEY,
  json TEXT NOT NULL
);
ALTER TABLE raw_logs ADD COLUMN ev_block INTEGER
  GENERATED ALWAYS AS (CAST(json_extract(json,'$.log.blockNumber') AS INTEGER)) VIRTUAL;
ALTER TABLE raw_logs ADD COLUMN ev_index INTEGER
  GENERATED ALWAYS AS (CAST(json_extract(json,'$.log.index') AS INTEGER)) VIRTUAL;
-- unix seconds of the Reindex event
ALTER TABLE raw_logs ADD COLUMN ev_time INTEGER
  GENERATED ALWAYS AS (CAST(REPLACE(json_extract(json,'$.stamp'),'n','') AS INTEGER)) VIRTUAL;
-- utilisation in [0, 1]: util_wad / 1e18, the view's util_e18
ALTER TABLE raw_logs ADD COLUMN ev_value REAL
  GENERATED ALWAYS AS ((REPLACE(json_extract(json,'$.util_wad'),'n','')+0.0)/1e18) VIRTUAL;
