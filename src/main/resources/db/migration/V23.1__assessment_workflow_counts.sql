-- What the workflow of issue 16 adds to the figures: cases whose deadline was extended (延期: never on time), cases
-- that ended 未评价, cases 销号 by staff rather than rated, cases found 无理/重复 (out of the satisfaction rate) and
-- whistles reported in late (超时报到). Flags and counts per case, summed in the rollups like the rest.
ALTER TABLE assessment_case_fact ADD COLUMN extended INT NOT NULL DEFAULT 0;
ALTER TABLE assessment_case_fact ADD COLUMN unrated INT NOT NULL DEFAULT 0;
ALTER TABLE assessment_case_fact ADD COLUMN archived_by_staff INT NOT NULL DEFAULT 0;
ALTER TABLE assessment_case_fact ADD COLUMN excluded INT NOT NULL DEFAULT 0;
ALTER TABLE assessment_case_fact ADD COLUMN late_whistles INT NOT NULL DEFAULT 0;
ALTER TABLE assessment_rollup ADD COLUMN extended INT NOT NULL DEFAULT 0;
ALTER TABLE assessment_rollup ADD COLUMN unrated INT NOT NULL DEFAULT 0;
ALTER TABLE assessment_rollup ADD COLUMN archived_by_staff INT NOT NULL DEFAULT 0;
ALTER TABLE assessment_rollup ADD COLUMN excluded INT NOT NULL DEFAULT 0;
ALTER TABLE assessment_rollup ADD COLUMN late_whistles INT NOT NULL DEFAULT 0;
