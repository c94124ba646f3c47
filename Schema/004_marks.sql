-- arxive archive schema, version 4: the user's marks and saved searches.
--
-- Keyed by arXiv id, not by papers.id: a mark outlives its paper being
-- dropped and imported again, and travels with an archive export. Never
-- touched by an import; FTS over notes lives in its own index.

CREATE TABLE marks (
    id         INTEGER PRIMARY KEY,
    arxiv_id   TEXT NOT NULL UNIQUE,
    starred    INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
    read_at    TEXT,                 -- when it was marked read; NULL: unread
    note       TEXT,
    updated_at TEXT NOT NULL         -- the newer mark wins when archives merge
);

CREATE TABLE tags (
    arxiv_id TEXT NOT NULL,
    tag      TEXT NOT NULL COLLATE NOCASE,
    added_at TEXT NOT NULL,
    PRIMARY KEY (arxiv_id, tag)
) WITHOUT ROWID;
CREATE INDEX tags_by_tag ON tags(tag);

-- `arxive save NAME QUERY`; `q:NAME` inside any query.
CREATE TABLE saved_searches (
    name     TEXT PRIMARY KEY,
    query    TEXT NOT NULL,
    saved_at TEXT NOT NULL
) WITHOUT ROWID;

-- `note:WORD`: the notes in their own full-text index, kept by triggers.
CREATE VIRTUAL TABLE notes_fts USING fts5(
    note,
    content = 'marks', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER marks_ai AFTER INSERT ON marks BEGIN
    INSERT INTO notes_fts(rowid, note) VALUES (new.id, coalesce(new.note, ''));
END;
CREATE TRIGGER marks_ad AFTER DELETE ON marks BEGIN
    INSERT INTO notes_fts(notes_fts, rowid, note) VALUES ('delete', old.id, coalesce(old.note, ''));
END;
CREATE TRIGGER marks_au AFTER UPDATE OF note ON marks BEGIN
    INSERT INTO notes_fts(notes_fts, rowid, note) VALUES ('delete', old.id, coalesce(old.note, ''));
    INSERT INTO notes_fts(rowid, note) VALUES (new.id, coalesce(new.note, ''));
END;
