-- An event is its (block, log index). The original's ids cannot be reproduced, so a legacy database
-- may hold one event under two ids: keep the row written first, before the unique index goes on.
DELETE FROM raw_logs
WHERE ev_block IS NOT NULL AND ev_index IS NOT NULL
  AND rowid NOT IN (
    SELECT min(rowid) FROM raw_logs
    WHERE ev_block IS NOT NULL AND ev_index IS NOT NULL
    GROUP BY ev_block, ev_index);
