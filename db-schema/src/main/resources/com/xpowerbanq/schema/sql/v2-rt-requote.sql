-- Schema 1 to 2, rt databases: schema 1 read every quote_mid row as bid = ask = quote_mid, which
-- drops half the spread of the original CLI's v10a rows. ev_value is rebuilt by the database's
-- contract run (rt-value.sql); what reads it goes first and comes back with v1-rollup.sql (which
-- recomputes every day) and v1-rt-view.sql.
DROP VIEW IF EXISTS rtw_view;
DROP TRIGGER IF EXISTS raw_logs_rollup_insert;
DROP TRIGGER IF EXISTS raw_logs_rollup_delete;
DROP INDEX IF EXISTS ix_raw_logs_time;
ALTER TABLE raw_logs DROP COLUMN ev_value;
