-- Intake within its budget (issue 17): one transaction, at most 8 statements per report.

-- Rate-limit buckets left the database: in memory on one node, in Redis across nodes (RateLimiter).
DROP TABLE rate_limit_bucket;

-- A spatial key for the duplicate check: the cell of a fixed grid, 0.001° of latitude (about 111 m) by 0.002° of
-- longitude (about 180 m here, never under 111 m below 60° north), numbered row * 1,000,000 + column. A new report
-- looks only at its own and the neighbouring cells (DuplicateFinder), through this index instead of every report
-- of its category in the window.
ALTER TABLE report ADD COLUMN geo_cell BIGINT;
UPDATE report SET geo_cell = CAST(FLOOR(latitude * 1000) AS BIGINT) * 1000000 + CAST(FLOOR(longitude * 500) AS BIGINT)
WHERE latitude IS NOT NULL AND longitude IS NOT NULL;
CREATE INDEX report_category_cell_idx ON report (category_id, geo_cell, received_at);
