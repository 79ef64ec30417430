-- rt databases: the mid quote (bid_e18 + ask_e18) / 2 as the VIRTUAL column ev_value, which the
-- daily rollup and the API read. Rows written as quote_bid/quote_ask (our v10a rows) read those.
-- Rows written as quote_mid/quote_rel/quote_utc read by the database's contract run, which
-- SchemaMigrator puts in for {{mid_row_ask}}: in v10a (the original CLI's rows) the three words are
-- the protocol's Quote{bid, ask, time}, so bid = quote_mid and ask = quote_rel; in v10b/v10c the
-- word's mid is quote_mid, so bid = ask = quote_mid.
ALTER TABLE raw_logs ADD COLUMN ev_value REAL
  GENERATED ALWAYS AS ((
    (REPLACE(COALESCE(json_extract(json,'$.quote_bid'), json_extract(json,'$.quote_mid')),'n','')+0.0)/1e18 +
    (REPLACE(COALESCE(json_extract(json,'$.quote_ask'), json_extract(json,'$.{{mid_row_ask}}')),'n','')+0.0)/1e18
  ) / 2) VIRTUAL;
