-- Cases opened before warning times were stored keep the warning they showed until now (80 % of the calendar time
-- of their current limits), so the 即将超期 tab, which now filters on the stored times, still lists them.
UPDATE case_file SET accept_warn_at = created_at + (accept_due_at - created_at) * 0.8
WHERE accept_due_at IS NOT NULL AND accept_warn_at IS NULL;
UPDATE case_file SET handle_warn_at = handle_started_at + (handle_due_at - handle_started_at) * 0.8
WHERE handle_due_at IS NOT NULL AND handle_started_at IS NOT NULL AND handle_warn_at IS NULL;
