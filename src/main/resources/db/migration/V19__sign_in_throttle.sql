-- Sign-in throttling per (account, source address) and per source address, shared by all nodes (issue 14).
-- An account is never locked as a whole: whoever fails, fails from an address, and only that address is
-- challenged (CAPTCHA) and then blocked for a while. The right password from another address always signs in.

CREATE TABLE sign_in_failure (
    client_ip       VARCHAR(64)  NOT NULL,
    username        VARCHAR(64)  NOT NULL,   -- lower case; '' = every name tried from this address
    failures        INT          NOT NULL DEFAULT 0,
    blocks          INT          NOT NULL DEFAULT 0, -- blocks so far in this run of failures: each lasts twice as long
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    blocked_until   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT sign_in_failure_pk PRIMARY KEY (client_ip, username)
);
CREATE INDEX sign_in_failure_username_idx ON sign_in_failure (username);
CREATE INDEX sign_in_failure_last_idx ON sign_in_failure (last_failure_at);

-- CAPTCHA challenges shown on the sign-in page: the answer is kept here (hashed), never in the page; used once.
CREATE TABLE sign_in_challenge (
    id          VARCHAR(32) PRIMARY KEY,
    client_ip   VARCHAR(64) NOT NULL,
    answer_hash VARCHAR(64) NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sign_in_challenge_ip_idx ON sign_in_challenge (client_ip, expires_at);

-- the account-wide lockout is gone (anyone could lock anyone out with it)
ALTER TABLE user_account DROP COLUMN failed_sign_ins;
ALTER TABLE user_account DROP COLUMN locked_until;
