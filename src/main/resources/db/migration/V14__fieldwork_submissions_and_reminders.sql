-- A submitted ledger is frozen: the files as they were when the unit submitted them. submitted_at stays the first
-- submission (it decides on time or late); a correction only moves resubmitted_at.
ALTER TABLE ledger_submission ADD COLUMN resubmitted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ledger_submission ADD COLUMN xlsx_file_id VARCHAR(64);
ALTER TABLE ledger_submission ADD COLUMN pdf_file_id VARCHAR(64);

-- Photos of the visit (stored files, comma-separated ids), like the photos on a case's steps.
ALTER TABLE duty_log ADD COLUMN photo_ids VARCHAR(500);

-- One reminder per person, community and rule period: the daily job must not text the same person every day.
CREATE TABLE visit_reminder (
    staff_id     BIGINT NOT NULL REFERENCES staff (id),
    community_id BIGINT NOT NULL REFERENCES region (id),
    period_start DATE   NOT NULL,
    sent_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT visit_reminder_pk PRIMARY KEY (staff_id, community_id, period_start)
);
