-- Drafts are the Markdown text; every other column is derived from it by the
-- library (title, date, tags, counts) or remembers what happened to it
-- (import and export hashes, editorial status, trash).
CREATE TABLE drafts (
    id             INTEGER PRIMARY KEY,
    content_hash   TEXT    NOT NULL,
    title          TEXT    NOT NULL DEFAULT '',
    date           TEXT    NOT NULL DEFAULT '',
    date_sort      TEXT    NOT NULL DEFAULT '',
    draft          INTEGER NOT NULL DEFAULT 1,
    slug           TEXT    NOT NULL DEFAULT '',
    topics         TEXT    NOT NULL DEFAULT '[]',
    tags           TEXT    NOT NULL DEFAULT '[]',
    errors         INTEGER NOT NULL DEFAULT 0,
    warnings       INTEGER NOT NULL DEFAULT 0,
    status         TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'ready')),
    path           TEXT    NOT NULL DEFAULT '',
    imported_hash  TEXT    NOT NULL DEFAULT '',
    exported_hash  TEXT    NOT NULL DEFAULT '',
    exported_draft INTEGER,
    exported_at    INTEGER,
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    trashed_at     INTEGER,
    indexed        INTEGER NOT NULL DEFAULT 1,
    -- The last two characters of the text: the only place a one- or
    -- two-character term can occur without a trigram starting with it.
    text_tail      TEXT    NOT NULL DEFAULT '',
    -- Last: reading any column after a long text walks its overflow pages,
    -- which made listing 10,000 drafts ten times slower.
    text           TEXT    NOT NULL
);

-- One live draft per remembered path: import finds a file's draft by it and
-- export writes there.
CREATE UNIQUE INDEX drafts_path ON drafts (path) WHERE path <> '' AND trashed_at IS NULL;
-- The list order, with what a search must test of every draft, so a search
-- reads only the rows that match.
CREATE INDEX drafts_newest ON drafts (date_sort DESC, id DESC, trashed_at, indexed, title, text_tail);
-- Drafts whose text is not in the full-text index yet (a bulk import defers
-- indexing; see IndexPending).
CREATE INDEX drafts_unindexed ON drafts (id) WHERE indexed = 0;

CREATE TABLE draft_terms (
    draft_id INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    kind     TEXT    NOT NULL CHECK (kind IN ('tag', 'topic')),
    value    TEXT    NOT NULL,
    PRIMARY KEY (draft_id, kind, value)
) WITHOUT ROWID;
CREATE INDEX draft_terms_value ON draft_terms (kind, value);

CREATE TABLE revisions (
    id           INTEGER PRIMARY KEY,
    draft_id     INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    content_hash TEXT    NOT NULL,
    reason       TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    text         TEXT    NOT NULL
);
CREATE INDEX revisions_draft ON revisions (draft_id, id);

-- Trigram full-text index over title and text of the drafts with indexed = 1,
-- kept in step by triggers. It stores no copy of the text (content='drafts').
CREATE VIRTUAL TABLE drafts_fts USING fts5 (title, text, content = 'drafts', content_rowid = 'id', tokenize = 'trigram');
-- Trigram postings are many: merging segments less eagerly than the default
-- (4) makes indexing several times cheaper, and queries stay fast.
INSERT INTO drafts_fts (drafts_fts, rank) VALUES ('automerge', 16);

CREATE TRIGGER drafts_fts_insert AFTER INSERT ON drafts WHEN new.indexed = 1 BEGIN
    INSERT INTO drafts_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER drafts_fts_delete AFTER DELETE ON drafts WHEN old.indexed = 1 BEGIN
    INSERT INTO drafts_fts (drafts_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
-- The index's terms (trigrams), for one- and two-character searches: the
-- trigrams that start with them say which drafts contain them.
CREATE VIRTUAL TABLE drafts_vocab USING fts5vocab (drafts_fts, row);

-- One trigger, so the old text leaves the index before the new one enters.
CREATE TRIGGER drafts_fts_update AFTER UPDATE OF title, text, indexed ON drafts BEGIN
    INSERT INTO drafts_fts (drafts_fts, rowid, title, text) SELECT 'delete', old.id, old.title, old.text WHERE old.indexed = 1;
    INSERT INTO drafts_fts (rowid, title, text) SELECT new.id, new.title, new.text WHERE new.indexed = 1;
END;
