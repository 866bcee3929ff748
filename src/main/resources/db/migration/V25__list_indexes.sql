-- Indexes for the staff lists' paged queries (issue 17, part 2): each list reads newest first and stops after one
-- page, so it walks an index in its sort order instead of sorting every open case in scope.

-- /cases, every tab: ORDER BY created_at DESC, id DESC LIMIT 51
CREATE INDEX case_file_created_idx ON case_file (created_at, id);
-- 已超期 / 即将超期 and their badges: the deadline that runs in each phase
CREATE INDEX case_file_accept_due_idx ON case_file (state, accept_due_at);
CREATE INDEX case_file_handle_due_idx ON case_file (state, handle_due_at);
-- 督办: open supervision calls
CREATE INDEX case_call_kind_open_idx ON case_call (kind, answered_at);

-- /intake/reports: ORDER BY received_at DESC, id DESC LIMIT 51
CREATE INDEX report_received_idx ON report (received_at, id);

-- engagement lists, newest first
CREATE INDEX need_received_idx ON need (received_at, id);
CREATE INDEX deliberation_meeting_date_idx ON deliberation_meeting (meeting_date, id);
