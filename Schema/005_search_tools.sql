-- arxive archive schema, version 5: the papers index declared the way
-- Datasette and sqlite-utils look for it.
--
-- Both find a table's FTS index by the text `content=[papers]` (or
-- `content="papers"`) in its CREATE statement; version 1 wrote
-- `content = 'papers'`, which FTS5 reads the same but they do not see. The
-- index is rebuilt under the new declaration; the triggers refer to it by
-- name and go on working.
DROP TABLE papers_fts;
CREATE VIRTUAL TABLE papers_fts USING fts5(
    title, abstract, comments,
    content=[papers], content_rowid=[id],
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO papers_fts(papers_fts, rank) VALUES ('rank', 'bm25(8.0, 1.0, 2.0)');
INSERT INTO papers_fts(papers_fts) VALUES ('rebuild');
