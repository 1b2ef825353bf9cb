-- The base of a three-way merge with the Hugo site: for each draft that came
-- from the site or went to it, the text the draft and the site's file last
-- agreed on (the text last imported or exported). The text itself is kept
-- lazily: while the draft's text still is the base, text is NULL (the draft
-- holds it); the first change of the draft copies the old text here. So an
-- import of thousands of files writes no second copy of any of them.
--
-- theirs holds the site's text when a pull could not merge it with the
-- draft's edits: the draft is conflicted until the editor resolves it, and
-- its own text is never touched meanwhile.
CREATE TABLE draft_base (
    draft_id    INTEGER PRIMARY KEY REFERENCES drafts (id) ON DELETE CASCADE,
    hash        TEXT    NOT NULL,
    text        TEXT,
    theirs_hash TEXT    NOT NULL DEFAULT '',
    theirs      TEXT
);

-- Drafts from an older library: the newer of the two remembered files is not
-- known, so an export (the editor's last deliberate act) wins over an import.
-- The base text is found in the draft itself or in its revisions; when it is
-- in neither, text stays NULL with a hash the draft does not have: the base is
-- unknown, and a pull keeps both sides instead of merging.
INSERT INTO draft_base (draft_id, hash, text)
SELECT d.id, b.hash,
       CASE WHEN d.content_hash = b.hash THEN NULL
            ELSE (SELECT r.text FROM revisions r WHERE r.draft_id = d.id AND r.content_hash = b.hash ORDER BY r.id DESC LIMIT 1)
       END
FROM drafts d
JOIN (SELECT id, CASE WHEN exported_hash <> '' THEN exported_hash ELSE imported_hash END AS hash FROM drafts) b ON b.id = d.id
WHERE b.hash <> '';

-- An article imported with draft: false is published: exported_draft now
-- holds the draft flag of the site's file as last imported or exported.
-- Imported drafts still unchanged show their file's flag.
UPDATE drafts SET exported_draft = draft
WHERE exported_draft IS NULL AND imported_hash <> '' AND content_hash = imported_hash;
