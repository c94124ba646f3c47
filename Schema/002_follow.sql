-- arxive archive schema, version 2: followed authors.
--
-- The user's own state: never touched by an import, never watched by the
-- FTS triggers.

-- One row per followed person. `arxive matches` applies the rules to the
-- whole history at query time, so a rule added today finds last year's papers.
CREATE TABLE followed_authors (
    id                   INTEGER PRIMARY KEY,
    name                 TEXT NOT NULL,              -- as the user gave it
    key                  TEXT NOT NULL UNIQUE,       -- its match key (see authors.key)
    semantic_scholar_ids TEXT NOT NULL DEFAULT '',   -- comma-separated, as authors.txt gives them
    note                 TEXT,
    added_at             TEXT NOT NULL
);

-- Names a rule must not match: a namesake the user ruled out (--except).
CREATE TABLE followed_author_exceptions (
    rule_id INTEGER NOT NULL REFERENCES followed_authors(id) ON DELETE CASCADE,
    key     TEXT NOT NULL,
    name    TEXT NOT NULL,
    PRIMARY KEY (rule_id, key)
) WITHOUT ROWID;

-- Small pieces of user state, by name: `matches_seen_paper_id` is the
-- watermark of `arxive matches --new` (papers are numbered as they arrive).
CREATE TABLE user_state (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
