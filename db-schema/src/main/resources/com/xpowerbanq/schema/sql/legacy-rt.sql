-- The schema the original system's rtw2db script created, statement for statement: legacy
-- rt databases look exactly like this (LegacySchema applies it for tests and benchmarks).
PRAGMA busy_timeout=4096;
PRAGMA journal_mode=WAL;
PRAGMA synchronous=NORMAL;
CREATE TABLE IF NOT EXISTS raw_logs (
  id TEXT NOT NULL PRIMARY KEY,
  json TEXT NOT NULL
);
CREATE VIEW IF NOT EXISTS rtw_view AS
  SELECT
    json_extract(json,'$.id') AS id,
    json_extract(json,'$.filter') AS filter,
    json_extract(json,'$.source_symbol') AS source_symbol,
    json_extract(json,'$.source_token') AS source_token,
    json_extract(json,'$.target_symbol') AS target_symbol,
    json_extract(json,'$.target_token') AS target_token,
    (REPLACE(json_extract(json,'$.quote_bid'),'n','')+0.0)/1e18 AS quote_bid_e18,
    json_extract(json,'$.quote_bid') AS quote_bid,
    (REPLACE(json_extract(json,'$.quote_ask'),'n','')+0.0)/1e18 AS quote_ask_e18,
    json_extract(json,'$.quote_ask') AS quote_ask,
    datetime(CAST(REPLACE(json_extract(json,'$.quote_time'),'n','') AS INTEGER),'unixepoch') AS quote_time_iso,
    json_extract(json,'$.quote_time') AS quote_time,
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
CREATE INDEX IF NOT EXISTS idx_quote_time
  ON raw_logs (CAST(REPLACE(json_extract(json,'$.quote_time'),'n','') AS INTEGER));
