-- arxive archive schema, version 1.
--
-- Invariants (see README "The archive file"):
--   * a paper is its arXiv id without version, stored once;
--   * a run is one digest's day (digest + date);
--   * a verdict is one paper in one run;
--   * state the user adds lives in its own tables, never in columns that the
--     FTS triggers watch.

-- The selection prompt is long and changes rarely: stored once per text.
CREATE TABLE prompts (
    id   INTEGER PRIMARY KEY,
    text TEXT NOT NULL UNIQUE
);

CREATE TABLE runs (
    id                INTEGER PRIMARY KEY,
    digest            TEXT NOT NULL,
    date              TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    model             TEXT,
    prompt_tokens     INTEGER,
    completion_tokens INTEGER,
    total_tokens      INTEGER,
    prompt_cost       REAL,
    completion_cost   REAL,
    total_cost        REAL,
    total_papers      INTEGER,   -- "Total arXiv papers"
    scanned_papers    INTEGER,   -- "Total scanned papers"
    relevant_papers   INTEGER,   -- "Total relevant papers"
    prompt_id         INTEGER REFERENCES prompts(id),
    notes             TEXT,      -- e.g. "This is a remedial run for missed papers ..."
    UNIQUE (digest, date)
);

-- Every file a run was built from, with the hash that makes re-imports no-ops.
CREATE TABLE run_sources (
    run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    path        TEXT NOT NULL,
    format      TEXT NOT NULL,   -- markdown | page-text | json
    sha256      TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    PRIMARY KEY (run_id, path)
);

-- Short columns first: SQLite reads a record from its start, so ordering
-- thousands of matches by last_seen does not read their abstracts.
CREATE TABLE papers (
    id        INTEGER PRIMARY KEY,
    arxiv_id  TEXT NOT NULL UNIQUE,   -- without version: 2512.22471, hep-th/9901001
    text_date TEXT NOT NULL,          -- date of the run whose title/abstract/authors are stored
    -- Derived from verdicts, kept by arxive's import so that searches can
    -- order thousands of matches without a subquery per match:
    first_seen        TEXT,           -- first day a run listed it
    last_seen         TEXT,           -- last day a run listed it
    latest_verdict_id INTEGER,        -- its verdict of the latest run (date, then digest)
    title     TEXT NOT NULL,
    authors   TEXT NOT NULL DEFAULT '',   -- display names joined by ', ' (denormalised for display)
    abstract  TEXT NOT NULL DEFAULT '',
    comments  TEXT NOT NULL DEFAULT ''    -- the distinct verdict comments, one per line (for FTS)
);
CREATE INDEX papers_by_last_seen ON papers(last_seen);

CREATE TABLE authors (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,   -- display name: TeX decoded, NFC
    key  TEXT NOT NULL           -- match key: Latin-ASCII folded, lowercase, words separated by one space
);
CREATE INDEX authors_by_key ON authors(key);

CREATE TABLE paper_authors (
    paper_id  INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    author_id INTEGER NOT NULL REFERENCES authors(id),
    PRIMARY KEY (paper_id, position)
) WITHOUT ROWID;  -- the key is the order of the rows: one b-tree, not a table and an index
CREATE INDEX paper_authors_by_author ON paper_authors(author_id);

CREATE TABLE verdicts (
    id            INTEGER PRIMARY KEY,
    run_id        INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    paper_id      INTEGER NOT NULL REFERENCES papers(id),
    position      INTEGER NOT NULL,   -- 1-based published position (0-indexed eras are shifted)
    relevance     INTEGER,
    novelty       INTEGER,
    score         REAL,               -- the digest's SCORE, else relevance + novelty, else 20 for an author match
    comment       TEXT,
    author_match  INTEGER NOT NULL DEFAULT 0 CHECK (author_match IN (0, 1)),
    arxiv_version INTEGER,            -- from the feed prefix "arXiv:2501.09412v1 Announce Type: new"
    announce_type TEXT,
    extra         TEXT,               -- JSON object: every other key the source had
    UNIQUE (run_id, paper_id)
);
CREATE INDEX verdicts_by_paper ON verdicts(paper_id);

-- Switches arxive flips only inside its own transactions, so no other reader
-- ever sees them set. fts_deferred = 1 while an import writes the FTS indexes
-- itself in bulk at the end of the transaction: FTS5 flushes its pending
-- index at every statement savepoint, which made trigger-by-trigger imports
-- several times slower.
CREATE TABLE archive_state (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    fts_deferred INTEGER NOT NULL DEFAULT 0
);
INSERT INTO archive_state (id) VALUES (1);

-- Full text over papers. External content: the triggers below keep it in step
-- for every writer (sqlite3, Datasette, ...), and the delete passes the exact
-- old values as FTS5 requires.
CREATE VIRTUAL TABLE papers_fts USING fts5(
    title, abstract, comments,
    content = 'papers', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
-- Titles weigh most, then comments, then abstracts.
INSERT INTO papers_fts(papers_fts, rank) VALUES ('rank', 'bm25(8.0, 1.0, 2.0)');

CREATE TRIGGER papers_ai AFTER INSERT ON papers WHEN (SELECT fts_deferred FROM archive_state) = 0 BEGIN
    INSERT INTO papers_fts(rowid, title, abstract, comments)
    VALUES (new.id, new.title, new.abstract, new.comments);
END;
CREATE TRIGGER papers_ad AFTER DELETE ON papers WHEN (SELECT fts_deferred FROM archive_state) = 0 BEGIN
    INSERT INTO papers_fts(papers_fts, rowid, title, abstract, comments)
    VALUES ('delete', old.id, old.title, old.abstract, old.comments);
END;
CREATE TRIGGER papers_au AFTER UPDATE OF title, abstract, comments ON papers WHEN (SELECT fts_deferred FROM archive_state) = 0 BEGIN
    INSERT INTO papers_fts(papers_fts, rowid, title, abstract, comments)
    VALUES ('delete', old.id, old.title, old.abstract, old.comments);
    INSERT INTO papers_fts(rowid, title, abstract, comments)
    VALUES (new.id, new.title, new.abstract, new.comments);
END;

-- Names in their own index, over the folded key and without porter
-- (porter would make "williams" match "William").
CREATE VIRTUAL TABLE authors_fts USING fts5(
    key,
    content = 'authors', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER authors_ai AFTER INSERT ON authors WHEN (SELECT fts_deferred FROM archive_state) = 0 BEGIN
    INSERT INTO authors_fts(rowid, key) VALUES (new.id, new.key);
END;
CREATE TRIGGER authors_ad AFTER DELETE ON authors WHEN (SELECT fts_deferred FROM archive_state) = 0 BEGIN
    INSERT INTO authors_fts(authors_fts, rowid, key) VALUES ('delete', old.id, old.key);
END;
CREATE TRIGGER authors_au AFTER UPDATE OF key ON authors WHEN (SELECT fts_deferred FROM archive_state) = 0 BEGIN
    INSERT INTO authors_fts(authors_fts, rowid, key) VALUES ('delete', old.id, old.key);
    INSERT INTO authors_fts(rowid, key) VALUES (new.id, new.key);
END;

-- One row per paper with its latest verdict: what most readers of the file want.
CREATE VIEW paper_latest_verdict AS
SELECT p.id AS paper_id, p.arxiv_id, p.title, p.authors, p.abstract, p.first_seen, p.last_seen,
       r.digest, r.date, v.position, v.relevance, v.novelty, v.score, v.comment, v.author_match
FROM papers p
LEFT JOIN verdicts v ON v.id = p.latest_verdict_id
LEFT JOIN runs r ON r.id = v.run_id;
