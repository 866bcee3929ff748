-- Assessment: per-case facts and the rollups the dashboard reads, kept up to date incrementally from the case
-- history (see chengguan.assessment.Rollups). Periods are days and months in the platform's time zone, computed
-- when a fact is written; months also make up quarters, days make up weeks.

-- One row per case: its KPI judgments (0/1 flags, so rollups are sums), measured minutes and histogram buckets.
CREATE TABLE assessment_case_fact (
    case_id          BIGINT       PRIMARY KEY,
    report_id        BIGINT       NOT NULL,
    region_path      VARCHAR(512) NOT NULL,
    community_id     BIGINT       NOT NULL,
    category_id      BIGINT,
    channel          VARCHAR(16)  NOT NULL,
    assignee_unit_id BIGINT,
    assignee_staff_id BIGINT,
    state            VARCHAR(16)  NOT NULL,
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    received_on      DATE         NOT NULL,
    received_month   DATE         NOT NULL,
    counted          INT          NOT NULL,
    closed           INT          NOT NULL,
    closed_on_time   INT          NOT NULL,
    reworked         INT          NOT NULL,
    rated            INT          NOT NULL,
    satisfied        INT          NOT NULL,
    accept_measured  INT          NOT NULL,
    accepted_on_time INT          NOT NULL,
    resident_local   INT          NOT NULL,
    hotline          INT          NOT NULL,
    response_seconds BIGINT,
    response_bucket  INT,
    handling_seconds BIGINT,
    handling_bucket  INT,
    cell_lat         INT,
    cell_lng         INT,
    -- the time limit an open case is running against (accept or handle); null once it is closed or out
    open_due_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX assessment_case_fact_month_idx ON assessment_case_fact (received_month, region_path);
-- the dashboard's overdue list, most overdue first, without touching closed cases
CREATE INDEX assessment_case_fact_due_idx ON assessment_case_fact (open_due_at);

-- Sums of the facts per period, place (the case's region path: compound or community) and one dimension:
-- ALL (no breakdown), CATEGORY, CHANNEL, UNIT or STAFF, the key being the category id, channel, unit id or staff id.
-- The histograms count measured cases per fixed minute bucket (Figures.BUCKET_MINUTES) for the P90.
CREATE TABLE assessment_rollup (
    period_kind      VARCHAR(8)   NOT NULL,
    dimension        VARCHAR(8)   NOT NULL,
    period_start     DATE         NOT NULL,
    region_path      VARCHAR(512) NOT NULL,
    dimension_key    VARCHAR(32)  NOT NULL,
    received         INT          NOT NULL DEFAULT 0,
    counted          INT          NOT NULL DEFAULT 0,
    closed           INT          NOT NULL DEFAULT 0,
    closed_on_time   INT          NOT NULL DEFAULT 0,
    reworked         INT          NOT NULL DEFAULT 0,
    rated            INT          NOT NULL DEFAULT 0,
    satisfied        INT          NOT NULL DEFAULT 0,
    accept_measured  INT          NOT NULL DEFAULT 0,
    accepted_on_time INT          NOT NULL DEFAULT 0,
    resident_local   INT          NOT NULL DEFAULT 0,
    hotline          INT          NOT NULL DEFAULT 0,
    response_count   INT          NOT NULL DEFAULT 0,
    response_seconds BIGINT       NOT NULL DEFAULT 0,
    handling_count   INT          NOT NULL DEFAULT 0,
    handling_seconds BIGINT       NOT NULL DEFAULT 0,
    response_h00 INT NOT NULL DEFAULT 0,
    response_h01 INT NOT NULL DEFAULT 0,
    response_h02 INT NOT NULL DEFAULT 0,
    response_h03 INT NOT NULL DEFAULT 0,
    response_h04 INT NOT NULL DEFAULT 0,
    response_h05 INT NOT NULL DEFAULT 0,
    response_h06 INT NOT NULL DEFAULT 0,
    response_h07 INT NOT NULL DEFAULT 0,
    response_h08 INT NOT NULL DEFAULT 0,
    response_h09 INT NOT NULL DEFAULT 0,
    response_h10 INT NOT NULL DEFAULT 0,
    response_h11 INT NOT NULL DEFAULT 0,
    response_h12 INT NOT NULL DEFAULT 0,
    response_h13 INT NOT NULL DEFAULT 0,
    response_h14 INT NOT NULL DEFAULT 0,
    response_h15 INT NOT NULL DEFAULT 0,
    handling_h00 INT NOT NULL DEFAULT 0,
    handling_h01 INT NOT NULL DEFAULT 0,
    handling_h02 INT NOT NULL DEFAULT 0,
    handling_h03 INT NOT NULL DEFAULT 0,
    handling_h04 INT NOT NULL DEFAULT 0,
    handling_h05 INT NOT NULL DEFAULT 0,
    handling_h06 INT NOT NULL DEFAULT 0,
    handling_h07 INT NOT NULL DEFAULT 0,
    handling_h08 INT NOT NULL DEFAULT 0,
    handling_h09 INT NOT NULL DEFAULT 0,
    handling_h10 INT NOT NULL DEFAULT 0,
    handling_h11 INT NOT NULL DEFAULT 0,
    handling_h12 INT NOT NULL DEFAULT 0,
    handling_h13 INT NOT NULL DEFAULT 0,
    handling_h14 INT NOT NULL DEFAULT 0,
    handling_h15 INT NOT NULL DEFAULT 0,
    CONSTRAINT assessment_rollup_pk PRIMARY KEY (period_kind, dimension, period_start, region_path, dimension_key)
);

-- Cases per month, place and map cell (0.002° of latitude and longitude, about 200 m) for the heat map.
CREATE TABLE assessment_heat_cell (
    period_start DATE         NOT NULL,
    region_path  VARCHAR(512) NOT NULL,
    cell_lat     INT          NOT NULL,
    cell_lng     INT          NOT NULL,
    cases        INT          NOT NULL,
    CONSTRAINT assessment_heat_cell_pk PRIMARY KEY (period_start, region_path, cell_lat, cell_lng)
);

-- The refresh job's watermark: the last case_history id whose changes the rollups hold for certain.
CREATE TABLE assessment_refresh (
    id                INT    PRIMARY KEY,
    history_watermark BIGINT NOT NULL,
    refreshed_at      TIMESTAMP WITH TIME ZONE,
    rebuilt_at        TIMESTAMP WITH TIME ZONE
);
INSERT INTO assessment_refresh (id, history_watermark) VALUES (1, 0);
