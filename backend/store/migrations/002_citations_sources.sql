-- Citations are derived rows, rewritten on every save of their draft.
CREATE TABLE citations (
    draft_id    INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    label       TEXT    NOT NULL,
    line        INTEGER NOT NULL,
    content     TEXT    NOT NULL,
    house_style INTEGER NOT NULL,
    url         TEXT    NOT NULL DEFAULT '',
    norm_url    TEXT    NOT NULL DEFAULT '',
    title       TEXT    NOT NULL DEFAULT '',
    outlet      TEXT    NOT NULL DEFAULT '',
    authors     TEXT    NOT NULL DEFAULT '[]',
    published   TEXT    NOT NULL DEFAULT '',
    retrieved   TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (draft_id, position)
) WITHOUT ROWID;
CREATE INDEX citations_url ON citations (norm_url);

-- One row per normalised URL across the library: the best metadata known for
-- it and the result of the last link check. Rows outlive the drafts citing
-- them so a check result is not thrown away by an edit.
CREATE TABLE sources (
    norm_url     TEXT    PRIMARY KEY,
    url          TEXT    NOT NULL,
    title        TEXT    NOT NULL DEFAULT '',
    outlet       TEXT    NOT NULL DEFAULT '',
    authors      TEXT    NOT NULL DEFAULT '[]',
    published    TEXT    NOT NULL DEFAULT '',
    seen_at      INTEGER NOT NULL,
    check_status TEXT    NOT NULL DEFAULT '',
    http_status  INTEGER NOT NULL DEFAULT 0,
    final_url    TEXT    NOT NULL DEFAULT '',
    archive_url  TEXT    NOT NULL DEFAULT '',
    check_error  TEXT    NOT NULL DEFAULT '',
    checked_at   INTEGER
) WITHOUT ROWID;
