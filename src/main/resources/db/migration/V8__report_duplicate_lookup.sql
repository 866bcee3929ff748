-- Duplicate candidates without a position are looked up by community, category and address (DuplicateFinder):
-- without this index every new report scanned all reports of its category in the time window.
CREATE INDEX report_same_place_idx ON report (community_id, category_id, address);
