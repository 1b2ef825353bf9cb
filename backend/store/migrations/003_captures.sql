-- What a page said when it was captured as a source: one row per normalised
-- URL, replaced by a newer capture. A later link check compares the page
-- with it to tell the editor that a cited page was rewritten. retrieved_at
-- is the instant (Unix milliseconds, UTC); the 检索日期 is its day in the
-- profile's zone. evidence maps each field to the rule that gave it.
-- compared_at, page_title and similarity are the last link check's
-- comparison of the live page with the capture (similarity -1: not compared
-- or no text).
CREATE TABLE captures (
    norm_url     TEXT    PRIMARY KEY,
    url          TEXT    NOT NULL,
    final_url    TEXT    NOT NULL DEFAULT '',
    http_status  INTEGER NOT NULL DEFAULT 0,
    status       TEXT    NOT NULL DEFAULT '',
    retrieved_at INTEGER NOT NULL,
    body_sha256  TEXT    NOT NULL DEFAULT '',
    title        TEXT    NOT NULL DEFAULT '',
    outlet       TEXT    NOT NULL DEFAULT '',
    authors      TEXT    NOT NULL DEFAULT '[]',
    published    TEXT    NOT NULL DEFAULT '',
    evidence     TEXT    NOT NULL DEFAULT '{}',
    warnings     TEXT    NOT NULL DEFAULT '[]',
    text         TEXT    NOT NULL DEFAULT '',
    archive_url  TEXT    NOT NULL DEFAULT '',
    compared_at  INTEGER,
    page_title   TEXT    NOT NULL DEFAULT '',
    similarity   REAL    NOT NULL DEFAULT -1
) WITHOUT ROWID;
