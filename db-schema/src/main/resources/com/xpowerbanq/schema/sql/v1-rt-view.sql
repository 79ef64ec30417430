-- Schema 1, rt databases: the original's view, column for column and with the original's
-- expressions, so tools written for the original read the same values. log_block_number and
-- log_index read the generated columns of the same expressions, so filters on them use the index.
-- One change: a row of the original CLI (quote_mid/quote_rel/quote_utc) reads as bid = quote_mid,
-- ask = {{mid_row_ask}} and time = quote_utc, where the original's view gave NULL: in a v10a
-- database ask is quote_rel (the words are Quote{bid, ask, time}), in v10b/v10c ask = bid = the
-- mid (see rt-value.sql).
DROP VIEW IF EXISTS rtw_view;
CREATE VIEW rtw_view AS
  SELECT
    json_extract(json,'$.id') AS id,
    json_extract(json,'$.filter') AS filter,
    json_extract(json,'$.source_symbol') AS source_symbol,
    json_extract(json,'$.source_token') AS source_token,
    json_extract(json,'$.target_symbol') AS target_symbol,
    json_extract(json,'$.target_token') AS target_token,
    (REPLACE(COALESCE(json_extract(json,'$.quote_bid'),json_extract(json,'$.quote_mid')),'n','')+0.0)/1e18 AS quote_bid_e18,
    COALESCE(json_extract(json,'$.quote_bid'),json_extract(json,'$.quote_mid')) AS quote_bid,
    (REPLACE(COALESCE(json_extract(json,'$.quote_ask'),json_extract(json,'$.{{mid_row_ask}}')),'n','')+0.0)/1e18 AS quote_ask_e18,
    COALESCE(json_extract(json,'$.quote_ask'),json_extract(json,'$.{{mid_row_ask}}')) AS quote_ask,
    datetime(CAST(REPLACE(COALESCE(json_extract(json,'$.quote_time'),json_extract(json,'$.quote_utc')),'n','') AS INTEGER),'unixepoch') AS quote_time_iso,
    COALESCE(json_extract(json,'$.quote_time'),json_extract(json,'$.quote_utc')) AS quote_time,
    json_extract(json,'$.log._type') AS log_type,
    json_extract(json,'$.log.address') AS log_address,
    json_extract(json,'$.log.blockHash') AS log_block_hash,
    ev_block AS log_block_number,
    json_extract(json,'$.log.data') AS log_data,
    ev_index AS log_index,
    CAST(json_extract(json,'$.log.removed') AS INTEGER) AS log_removed,
    json_extract(json,'$.log.topics') AS log_topics_json,
    json_extract(json,'$.log.transactionHash') AS log_tx_hash,
    CAST(json_extract(json,'$.log.transactionIndex') AS INTEGER) AS log_tx_index,
    json
  FROM raw_logs;
