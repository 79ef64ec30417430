-- The schema the original system's riw2db script created, statement for statement: legacy
-- ri databases look exactly like this (LegacySchema applies it for tests and benchmarks).
PRAGMA busy_timeout=4096;
PRAGMA journal_mode=WAL;
PRAGMA synchronous=NORMAL;
CREATE TABLE IF NOT EXISTS raw_logs (
  id TEXT NOT NULL PRIMARY KEY,
  json TEXT NOT NULL
);
CREATE VIEW IF NOT EXISTS riw_view AS
  SELECT
    json_extract(json,'$.id') AS id,
    json_extract(json,'$.filter') AS filter,
    json_extract(json,'$.mode') AS mode,
    json_extract(json,'$.symbol') AS symbol,
    json_extract(json,'$.token') AS token,
    (REPLACE(json_extract(json,'$.index_ray'),'n','')+0.0)/1e27 AS index_e27,
    json_extract(json,'$.index_ray') AS index_ray,
    (REPLACE(json_extract(json,'$.util_wad'),'n','')+0.0)/1e18 AS util_e18,
    json_extract(json,'$.util_wad') AS util_wad,
    datetime(CAST(REPLACE(json_extract(json,'$.stamp'),'n','') AS INTEGER),'unixepoch') AS stamp_iso,
    json_extract(json,'$.stamp') AS stamp,
    json_extract(json,'$.log._type') AS log_type,
    json_extract(json,'$.log.address') AS log_address,
    json_extract(json,'$.log.blockHash') AS log_block_hash,
    CAST(json_extract(json,'$.log.blockNumber') AS INTEGER) AS log_block_number,
    json_extract(json,'$.log.data') AS log_data,
    CAST(json_extract(json,'$.log.index') AS INTEGER) AS log_index,
    CAST(json_extract(json,'$.log.removed') AS INTEGER) AS log_removed,
    json_extract(json,'$.log.topics') AS log_topics_json,
    json_extract(json,'$.log.transactionHash') AS log_tx_hash,
    CAST(json_extract(json,'$.log.transactionIndex') AS INTEGER) AS log_tx_index,
    json
  FROM raw_logs;
CREATE INDEX IF NOT EXISTS idx_block_number
  ON raw_logs (CAST(json_extract(json,'$.log.blockNumber') AS INTEGER));
CREATE INDEX IF NOT EXISTS idx_stamp
  ON raw_logs (CAST(REPLACE(json_extract(json,'$.stamp'),'n','') AS INTEGER));
