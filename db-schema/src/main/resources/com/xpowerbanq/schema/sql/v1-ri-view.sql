-- Schema 1, ri databases: the original's view, column for column and with the original's
-- expressions, so tools written for the original read the same values. log_block_number and
-- log_index read the generated columns of the same expressions, so filters on them use the index.
DROP VIEW IF EXISTS riw_view;
CREATE VIEW riw_view AS
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
    ev_block AS log_block_number,
    json_extract(json,'$.log.data') AS log_data,
    ev_index AS log_index,
    CAST(json_extract(json,'$.log.removed') AS INTEGER) AS log_removed,
    json_extract(json,'$.log.topics') AS log_topics_json,
    json_extract(json,'$.log.transactionHash') AS log_tx_hash,
    CAST(json_extract(json,'$.log.transactionIndex') AS INTEGER) AS log_tx_index,
    json
  FROM raw_logs;
