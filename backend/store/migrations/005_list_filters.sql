-- The library list reads its pages and counts from one index: the list order
-- with every column a status or problems filter tests, so paging to any
-- position of a large library and counting the matches read no draft rows
-- (before, a status filter read every row it stepped over).
DROP INDEX drafts_newest;
CREATE INDEX drafts_newest ON drafts (date_sort DESC, id DESC, trashed_at, indexed, status, exported_draft, errors, warnings, title, text_tail);
-- A one- or two-character search term that no trigram starts with can only be
-- the end of a title or of a text: these answer it without a scan (lower()
-- folds A-Z, as LIKE does).
CREATE INDEX drafts_title_tail ON drafts (lower(substr(title, -2)));
CREATE INDEX drafts_text_tail ON drafts (lower(text_tail));
