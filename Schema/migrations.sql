-- The arxive archive schema: every migration, in the order they apply.
--
-- Each section below, from its `-- migration: NNN_name` line to the next, is
-- one migration, applied once (GRDB's DatabaseMigrator records its name).
-- Never edit a migration that has shipped: add the next one at the end.
-- This file is the only list of migrations (Schema.swift reads the markers).

-- migration: 001_archive
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

-- migration: 002_follow
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

-- migration: 003_rank_profiles
-- arxive archive schema, version 3: named re-ranking profiles.
--
-- `arxive rank --save NAME` stores its options here; `--profile NAME` reads
-- them back. The user's own state, like followed authors.
CREATE TABLE rank_profiles (
    name     TEXT PRIMARY KEY,
    options  TEXT NOT NULL,   -- JSON: weights, boosts, cut-offs (see RankOptions)
    saved_at TEXT NOT NULL
) WITHOUT ROWID;

-- migration: 004_marks
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

-- migration: 005_search_tools
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

-- migration: 006_runs_by_date
-- arxive archive schema, version 6: runs by date.
--
-- Reports and trends, and every query with `date:`, select the runs of a
-- range of days; without this index SQLite scanned every verdict to find
-- them (13 ms for a month of a 400-day archive; now the month's runs first).
CREATE INDEX runs_by_date ON runs(date);

-- migration: 007_catalogue
-- arxive archive schema, version 7: the arXiv catalogue.
--
-- Papers from the arXiv metadata snapshot (`arxive import` of the Kaggle
-- JSON lines) are rows of `papers` like any other: a paper that a digest
-- lists later is the same row. A catalogue paper has no verdicts, so its
-- first_seen, last_seen and latest_verdict_id stay NULL until a digest
-- lists it; `catalogue_date` says it came from the catalogue, and such a
-- paper is kept when no digest lists it any more.
ALTER TABLE papers ADD COLUMN categories TEXT;      -- as arXiv writes them, primary first: 'cs.LG stat.ML'
ALTER TABLE papers ADD COLUMN published TEXT;       -- the day of its first version, YYYY-MM-DD
ALTER TABLE papers ADD COLUMN catalogue_date TEXT;  -- the snapshot's update_date; NULL if never in a snapshot
ALTER TABLE papers ADD COLUMN catalogue TEXT;       -- JSON object: the snapshot's other keys (submitter, doi, versions, ...)

-- `cat:cs.LG` and `cat:astro-ph` (every astro-ph.* category) read this.
-- No foreign key: only catalogue papers have categories, and they are never
-- deleted, so a second index (25 bytes a paper) would serve nothing.
CREATE TABLE paper_categories (
    category TEXT NOT NULL COLLATE NOCASE,
    paper_id INTEGER NOT NULL,
    PRIMARY KEY (category, paper_id)
) WITHOUT ROWID;

-- `date:` over catalogue papers, and their order by date.
CREATE INDEX papers_by_published ON papers(published);

-- One row per snapshot file: an interrupted import resumes after the
-- records it committed, and a finished one is not read again.
CREATE TABLE catalogue_imports (
    path         TEXT PRIMARY KEY,
    fingerprint  TEXT NOT NULL,      -- size, and a hash of the first and last MiB
    records_done INTEGER NOT NULL,   -- lines committed (every line counts, bad ones too)
    finished_at  TEXT                -- NULL while an import is under way or was interrupted
);

-- migration: 008_topics_spotlights
-- arxive archive schema, version 8: the generators' topics, spotlights and
-- monthly overviews.
--
-- Topics are the digest's own (`memory_systems`, "Memory Structures and
-- Agent Memory Systems"; for a digest that only writes tags, the tag is the
-- label and its key is derived from it). A verdict has at most one primary
-- topic and any number of matched ones; a run keeps the order in which its
-- day listed its topics.
CREATE TABLE topics (
    id     INTEGER PRIMARY KEY,
    digest TEXT NOT NULL,
    key    TEXT NOT NULL,   -- the digest's topic id
    label  TEXT NOT NULL,   -- its latest label
    UNIQUE (digest, key)
);
CREATE INDEX topics_by_label ON topics(label COLLATE NOCASE);

CREATE TABLE run_topics (
    run_id   INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,   -- 1-based, the day's topic order
    topic_id INTEGER NOT NULL REFERENCES topics(id),
    PRIMARY KEY (run_id, position)
) WITHOUT ROWID;

-- Written with the verdicts (and replaced with them): the topic assignment
-- is part of the verdict, and the verdict's `extra` keeps the source's keys.
CREATE TABLE verdict_topics (
    verdict_id INTEGER NOT NULL REFERENCES verdicts(id) ON DELETE CASCADE,
    topic_id   INTEGER NOT NULL REFERENCES topics(id),
    is_primary INTEGER NOT NULL CHECK (is_primary IN (0, 1)),
    PRIMARY KEY (verdict_id, topic_id)
) WITHOUT ROWID;
CREATE INDEX verdict_topics_by_topic ON verdict_topics(topic_id);

-- A verdict's reasons for its topics, when the source gave them.
ALTER TABLE verdicts ADD COLUMN topic_comment TEXT;   -- TOPIC_MATCH_COMMENT
ALTER TABLE verdicts ADD COLUMN topic_source TEXT;    -- TOPIC_ASSIGNMENT_SOURCE: llm_exact, heuristic, default

-- A day's spotlight file (`-hotspot-papers.json`): which papers the
-- generator spotlighted and as what. Most spotlighted papers are not in the
-- day's digest: they are papers of the archive without a verdict that day.
CREATE TABLE spotlight_days (
    id               INTEGER PRIMARY KEY,
    digest           TEXT NOT NULL,
    date             TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    total_candidates INTEGER,
    thresholds       TEXT,   -- JSON object, as the file gives it
    caps             TEXT,   -- JSON object, as the file gives it
    sections         TEXT,   -- JSON array of {kind, label, description}
    source_path      TEXT NOT NULL,
    source_sha256    TEXT NOT NULL,
    imported_at      TEXT NOT NULL,
    UNIQUE (digest, date)
);

CREATE TABLE spotlights (
    day_id          INTEGER NOT NULL REFERENCES spotlight_days(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,      -- daily_hot | new_frontier | ...
    position        INTEGER NOT NULL,   -- 1-based within its kind
    paper_id        INTEGER NOT NULL REFERENCES papers(id),
    comment         TEXT,               -- HOTSPOT_PAPER_COMMENT
    relevance       INTEGER,            -- the verdict the spotlight file carries
    novelty         INTEGER,
    score           REAL,
    verdict_comment TEXT,
    extra           TEXT,               -- JSON object: every other key
    PRIMARY KEY (day_id, kind, position)
) WITHOUT ROWID;
CREATE INDEX spotlights_by_paper ON spotlights(paper_id);

-- The generator's own monthly overview (`monthly/YYYY-MM-summary.json`):
-- the month's candidates in its order, the ones it kept, why, and what
-- making it cost. A `heuristic` month has no model; a month may be empty.
CREATE TABLE monthly_overviews (
    id              INTEGER PRIMARY KEY,
    digest          TEXT NOT NULL,
    month           TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
    generated_at    TEXT,
    model           TEXT,
    mode            TEXT,
    prompt_cost     REAL,
    completion_cost REAL,
    source_hash     TEXT,
    source_path     TEXT NOT NULL,
    source_sha256   TEXT NOT NULL,
    imported_at     TEXT NOT NULL,
    UNIQUE (digest, month)
);

CREATE TABLE monthly_picks (
    overview_id         INTEGER NOT NULL REFERENCES monthly_overviews(id) ON DELETE CASCADE,
    position            INTEGER NOT NULL,   -- 1-based, the file's order
    paper_id            INTEGER NOT NULL REFERENCES papers(id),
    kept                INTEGER NOT NULL CHECK (kept IN (0, 1)),   -- KEEP_IN_MONTHLY
    priority            REAL,                -- MONTHLY_PRIORITY
    comment             TEXT,                -- MONTHLY_COMMENT
    primary_category    TEXT,                -- the generator's own category (not arXiv's)
    secondary_categories TEXT,               -- JSON array
    source_date         TEXT,                -- the day whose digest listed it
    source_day_page     TEXT,
    extra               TEXT,                -- JSON object: every other key
    PRIMARY KEY (overview_id, position)
) WITHOUT ROWID;
CREATE INDEX monthly_picks_by_paper ON monthly_picks(paper_id);

-- migration: 009_hotspots
-- arxive archive schema, version 9: the second daily digest, "Daily AI
-- Hotspots" (the generator's `hot/reports/YYYY-MM-DD.json`).
--
-- A day's report: its summary and the figures of its run; its topics,
-- each in its section (featured, a category section with its category,
-- long tail, watchlist, the X/Reddit buzz list) in published order, with
-- every score; each topic's source items. Per digest, like runs.
CREATE TABLE hotspot_days (
    id                INTEGER PRIMARY KEY,
    digest            TEXT NOT NULL,
    date              TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    generated_at      TEXT,
    mode              TEXT,
    summary           TEXT,
    model             TEXT,      -- usage.llm.summary_model
    prompt_tokens     INTEGER,
    completion_tokens INTEGER,
    total_cost        REAL,
    source_stats      TEXT,      -- JSON object: items per source
    totals            TEXT,      -- JSON object
    costs             TEXT,      -- JSON object
    usage             TEXT,      -- JSON object
    extra             TEXT,      -- JSON object: every other key of the report
    source_path       TEXT NOT NULL,
    source_sha256     TEXT NOT NULL,
    imported_at       TEXT NOT NULL,
    UNIQUE (digest, date)
);

CREATE TABLE hotspot_topics (
    id             INTEGER PRIMARY KEY,
    day_id         INTEGER NOT NULL REFERENCES hotspot_days(id) ON DELETE CASCADE,
    section        TEXT NOT NULL,      -- featured | category | long_tail | watchlist | x_buzz
    section_category TEXT,             -- the category a category or long-tail section is about
    position       INTEGER NOT NULL,   -- 1-based within its section
    topic_key      TEXT,               -- TOPIC_ID
    title          TEXT NOT NULL,
    headline       TEXT NOT NULL DEFAULT '',
    summary        TEXT NOT NULL DEFAULT '',
    why_it_matters TEXT NOT NULL DEFAULT '',
    takeaways      TEXT NOT NULL DEFAULT '',   -- KEY_TAKEAWAYS, one per line
    item_titles    TEXT NOT NULL DEFAULT '',   -- its source items' titles, one per line (for FTS)
    category       TEXT,               -- PRIMARY_CATEGORY
    tags           TEXT,               -- JSON array
    event_type     TEXT,
    final_score    REAL,
    scores         TEXT,               -- JSON object: QUALITY, HEAT, IMPORTANCE, FINAL_SCORE and every other score
    extra          TEXT                -- JSON object: every other key
);
CREATE INDEX hotspot_topics_by_day ON hotspot_topics(day_id);

CREATE TABLE hotspot_items (
    topic_id     INTEGER NOT NULL REFERENCES hotspot_topics(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    source_id    TEXT,
    source_name  TEXT,
    role         TEXT,
    type         TEXT,
    title        TEXT,
    url          TEXT,
    published_at TEXT,
    extra        TEXT,                 -- JSON object: every other key
    PRIMARY KEY (topic_id, position)
) WITHOUT ROWID;
CREATE INDEX hotspot_items_by_source ON hotspot_items(source_id);

-- The papers a report spotlights (`paper_spotlight`): papers of the
-- archive, most of them listed by no paper digest.
CREATE TABLE hotspot_papers (
    day_id   INTEGER NOT NULL REFERENCES hotspot_days(id) ON DELETE CASCADE,
    kind     TEXT NOT NULL,
    position INTEGER NOT NULL,
    paper_id INTEGER NOT NULL REFERENCES papers(id),
    comment  TEXT,
    extra    TEXT,
    PRIMARY KEY (day_id, kind, position)
) WITHOUT ROWID;
CREATE INDEX hotspot_papers_by_paper ON hotspot_papers(paper_id);

-- Full text over topics, declared as Datasette and sqlite-utils look for it.
CREATE VIRTUAL TABLE hotspot_topics_fts USING fts5(
    title, headline, summary, takeaways, item_titles,
    content=[hotspot_topics], content_rowid=[id],
    tokenize = 'porter unicode61 remove_diacritics 2'
);
-- Titles weigh most, then headlines, then summaries and takeaways, then the items' titles.
INSERT INTO hotspot_topics_fts(hotspot_topics_fts, rank) VALUES ('rank', 'bm25(8.0, 4.0, 2.0, 2.0, 1.0)');
-- Kept in step for every writer; an arxive import drops them inside its
-- own transaction and indexes its topics at the end (see Archive+Index).
CREATE TRIGGER hotspot_topics_ai AFTER INSERT ON hotspot_topics BEGIN
    INSERT INTO hotspot_topics_fts(rowid, title, headline, summary, takeaways, item_titles)
    VALUES (new.id, new.title, new.headline, new.summary, new.takeaways, new.item_titles);
END;
CREATE TRIGGER hotspot_topics_ad AFTER DELETE ON hotspot_topics BEGIN
    INSERT INTO hotspot_topics_fts(hotspot_topics_fts, rowid, title, headline, summary, takeaways, item_titles)
    VALUES ('delete', old.id, old.title, old.headline, old.summary, old.takeaways, old.item_titles);
END;
CREATE TRIGGER hotspot_topics_au AFTER UPDATE ON hotspot_topics BEGIN
    INSERT INTO hotspot_topics_fts(hotspot_topics_fts, rowid, title, headline, summary, takeaways, item_titles)
    VALUES ('delete', old.id, old.title, old.headline, old.summary, old.takeaways, old.item_titles);
    INSERT INTO hotspot_topics_fts(rowid, title, headline, summary, takeaways, item_titles)
    VALUES (new.id, new.title, new.headline, new.summary, new.takeaways, new.item_titles);
END;

-- migration: 010_hotspot_markdown
-- arxive archive schema, version 10: a hotspot day may come from its
-- Markdown copy (`hot/md/YYYY-MM/YYYY-MM-DD-hotspots.md`, or the site's page
-- of the day) when that is the only copy: such a day has no scores and
-- shortened summaries. The JSON report, when it comes, replaces it. A copy
-- of a day already stored (the Markdown beside its report, the site's page
-- beside the generator's) is compared with it and recorded, not stored.
ALTER TABLE hotspot_days ADD COLUMN source_format TEXT NOT NULL DEFAULT 'json'
    CHECK (source_format IN ('json', 'markdown'));

CREATE TABLE hotspot_day_copies (
    day_id        INTEGER NOT NULL REFERENCES hotspot_days(id) ON DELETE CASCADE,
    source_path   TEXT NOT NULL,
    source_sha256 TEXT NOT NULL,
    difference    TEXT,      -- where it differs from the stored day; NULL when it agrees
    checked_at    TEXT NOT NULL,
    PRIMARY KEY (day_id, source_path)
) WITHOUT ROWID;

-- A hotspot search without words lists the newest days first: read along
-- this index, it stops after the days that give its hits.
CREATE INDEX hotspot_days_by_date ON hotspot_days(date);

-- migration: 011_dismissed
-- arxive archive schema, version 11: `arxive dismiss`, the user's "not for
-- me" on a paper. `is:dismissed` finds them, and `recommend` learns from
-- them as its surest negatives. A star and a dismissal exclude each other.
ALTER TABLE marks ADD COLUMN dismissed_at TEXT;  -- when; NULL: not dismissed

-- migration: 012_mutes
-- arxive archive schema, version 12: `arxive mute QUERY`: what the user
-- does not want to see. The papers a mute's query finds are left out of
-- `day`, `search`, `matches`, `rank`, `recommend` and the reports (`--all`
-- shows them); `is:muted` finds them. A paper by a followed author stays,
-- unless the mute says `include_followed`. Kept as the query, not as
-- papers: a mute also hides what later imports bring.
CREATE TABLE mutes (
    id               INTEGER PRIMARY KEY,
    query            TEXT NOT NULL UNIQUE,
    note             TEXT,
    include_followed INTEGER NOT NULL DEFAULT 0 CHECK (include_followed IN (0, 1)),
    added_at         TEXT NOT NULL
);

-- migration: 013_spotlight_tags
-- arxive archive schema, version 13: every tag of a spotlighted paper. The
-- generator prints a paper under one section (`spotlights`), but its record
-- may carry more tags (`HOTSPOT_PAPER_TAGS`: daily_hot and new_frontier);
-- `spotlight:KIND` finds a paper by any of them. `is_primary` marks the
-- kinds it is printed under. Written with the day's spotlights, and
-- replaced with them.
CREATE TABLE spotlight_tags (
    day_id     INTEGER NOT NULL REFERENCES spotlight_days(id) ON DELETE CASCADE,
    paper_id   INTEGER NOT NULL REFERENCES papers(id),
    kind       TEXT NOT NULL,
    is_primary INTEGER NOT NULL CHECK (is_primary IN (0, 1)),
    PRIMARY KEY (day_id, paper_id, kind)
) WITHOUT ROWID;
CREATE INDEX spotlight_tags_by_paper ON spotlight_tags(paper_id);
CREATE INDEX spotlight_tags_by_kind ON spotlight_tags(kind COLLATE NOCASE);
-- The days stored before: the kinds they were printed under are their tags.
INSERT INTO spotlight_tags (day_id, paper_id, kind, is_primary) SELECT DISTINCT day_id, paper_id, kind, 1 FROM spotlights;

-- A verdict's topics in the order its source lists them (MATCHED_TOPIC_IDS):
-- ordered by topic id, the order came from which file named a topic first.
-- Rows written before this migration have none and keep the topic-id order.
ALTER TABLE verdict_topics ADD COLUMN position INTEGER;

-- Papers that only a spotlight, a monthly overview or a hotspot report names
-- (no run lists them, no snapshot holds them) are ordered by arXiv id, not
-- by when they arrived, so that the archive reads the same whatever order
-- its files came in: this index finds them without a pass over the catalogue.
CREATE INDEX papers_named_only ON papers(arxiv_id) WHERE last_seen IS NULL AND catalogue_date IS NULL;

-- A day's research summary, which some forks' pages and JSON write (`💡 Daily
-- Research Summary`, `summary_en`), and the other day-level texts their JSON
-- gives (`summary_cn`), as a JSON object.
ALTER TABLE runs ADD COLUMN summary TEXT;
ALTER TABLE runs ADD COLUMN extra TEXT;

-- Every paper a digest's crawl found that day (daily-arXiv-ai-enhanced's
-- `DATE.jsonl`), in the file's order: the run's scanned papers, most of them
-- without a verdict. Replaced with the crawl file.
CREATE TABLE run_scans (
    run_id   INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    paper_id INTEGER NOT NULL REFERENCES papers(id),
    extra    TEXT,   -- JSON object: the crawl's own keys (categories, arXiv's comment)
    PRIMARY KEY (run_id, position)
) WITHOUT ROWID;
CREATE INDEX run_scans_by_paper ON run_scans(paper_id);

-- Texts of a paper beyond its English title and abstract, searchable in any
-- script: a digest's translations (`title_cn`, `abstract_cn`, a translated
-- page of the day) and its AI summary (daily-arXiv-ai-enhanced's `tldr`,
-- `motivation`, ...). Keyed by arXiv id, not by paper, so that a translation
-- read before its paper is kept. Of two texts for one field and language the
-- higher `rank` wins (2: a digest's JSON, 1: a translated page), then the
-- later day: one rule, whatever order the files came in.
CREATE TABLE paper_texts (
    id       INTEGER PRIMARY KEY,
    arxiv_id TEXT NOT NULL,
    field    TEXT NOT NULL,   -- title | abstract | tldr | motivation | method | result | conclusion | ...
    language TEXT NOT NULL,   -- as the source names it (`cn`); '' for the digest's own language
    rank     INTEGER NOT NULL,
    date     TEXT NOT NULL,
    text     TEXT NOT NULL,
    UNIQUE (arxiv_id, field, language)
);
-- Trigram, not unicode61: a run of Han characters is one unicode61 token, so a
-- few characters of a Chinese summary would find nothing by words.
CREATE VIRTUAL TABLE paper_texts_fts USING fts5(text, content=[paper_texts], content_rowid=[id], tokenize = 'trigram');
CREATE TRIGGER paper_texts_ai AFTER INSERT ON paper_texts BEGIN
    INSERT INTO paper_texts_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER paper_texts_ad AFTER DELETE ON paper_texts BEGIN
    INSERT INTO paper_texts_fts(paper_texts_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER paper_texts_au AFTER UPDATE ON paper_texts BEGIN
    INSERT INTO paper_texts_fts(paper_texts_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO paper_texts_fts(rowid, text) VALUES (new.id, new.text);
END;

-- `import --git`: per repository and ref, the last commit read, so that the
-- next import reads only the commits after it.
CREATE TABLE git_imports (
    repository  TEXT NOT NULL,   -- its absolute path
    ref         TEXT NOT NULL,
    last_commit TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    PRIMARY KEY (repository, ref)
);

-- The day's research summary, searchable (`arxive runs --summary WORDS`).
CREATE VIRTUAL TABLE run_summaries_fts USING fts5(
    summary, content=[runs], content_rowid=[id], tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER runs_summary_ai AFTER INSERT ON runs WHEN new.summary IS NOT NULL BEGIN
    INSERT INTO run_summaries_fts(rowid, summary) VALUES (new.id, new.summary);
END;
CREATE TRIGGER runs_summary_ad AFTER DELETE ON runs WHEN old.summary IS NOT NULL BEGIN
    INSERT INTO run_summaries_fts(run_summaries_fts, rowid, summary) VALUES ('delete', old.id, old.summary);
END;
CREATE TRIGGER runs_summary_au AFTER UPDATE OF summary ON runs WHEN old.summary IS NOT new.summary BEGIN
    INSERT INTO run_summaries_fts(run_summaries_fts, rowid, summary) SELECT 'delete', old.id, old.summary WHERE old.summary IS NOT NULL;
    INSERT INTO run_summaries_fts(rowid, summary) SELECT new.id, new.summary WHERE new.summary IS NOT NULL;
END;
INSERT INTO run_summaries_fts(run_summaries_fts) VALUES ('rebuild');

-- migration: 014_paper_vectors
-- Sentence vectors of papers (title and abstract), for search in one's own
-- words. Derived data (DESIGN.md): `arxive embed` makes them again from the
-- papers. Each records the model that made it; a paper has at most one.
CREATE TABLE vector_models (
    id        INTEGER PRIMARY KEY,
    identity  TEXT NOT NULL UNIQUE,   -- the model folder's name and its weights' sha256 prefix
    dimension INTEGER NOT NULL,
    encoding  TEXT NOT NULL           -- how `paper_vectors.vector` stores a vector (VectorCoding)
);
CREATE TABLE paper_vectors (
    paper_id INTEGER PRIMARY KEY REFERENCES papers(id) ON DELETE CASCADE,
    model_id INTEGER NOT NULL REFERENCES vector_models(id),
    vector   BLOB NOT NULL
);
CREATE INDEX paper_vectors_by_model ON paper_vectors(model_id);
-- A paper whose title or abstract changes (a later listing, an abstract
-- filled in) loses its vector: the next `embed` makes it from the new text.
CREATE TRIGGER papers_text_changed_vector AFTER UPDATE OF title, abstract ON papers
WHEN old.title IS NOT new.title OR old.abstract IS NOT new.abstract BEGIN
    DELETE FROM paper_vectors WHERE paper_id = new.id;
END;

-- migration: 015_runs_of_a_day
-- A digest can have two runs on one day: the generator ran twice, and the
-- day's topic bundle (`-daily-papers.json`) holds a run whose papers differ
-- from those the day's JSON and page published. Both are kept: `variant` is
-- '' for the run the day published, 'bundle' for the other one, known only
-- from its topic bundle (see `Archive.runVariant`). `runs` is rebuilt for
-- its new key; ids are kept, so every row pointing at a run still does.
DROP VIEW paper_latest_verdict;
DROP TRIGGER runs_summary_ai;
DROP TRIGGER runs_summary_ad;
DROP TRIGGER runs_summary_au;
DROP INDEX runs_by_date;
CREATE TABLE runs_new (
    id                INTEGER PRIMARY KEY,
    digest            TEXT NOT NULL,
    date              TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    variant           TEXT NOT NULL DEFAULT '' CHECK (variant IN ('', 'bundle')),
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
    summary           TEXT,      -- the day's research summary
    extra             TEXT,      -- JSON object: the day's other texts
    UNIQUE (digest, date, variant)
);
INSERT INTO runs_new (id, digest, date, model, prompt_tokens, completion_tokens, total_tokens, prompt_cost, completion_cost,
                      total_cost, total_papers, scanned_papers, relevant_papers, prompt_id, notes, summary, extra)
SELECT id, digest, date, model, prompt_tokens, completion_tokens, total_tokens, prompt_cost, completion_cost,
       total_cost, total_papers, scanned_papers, relevant_papers, prompt_id, notes, summary, extra FROM runs;
DROP TABLE runs;
ALTER TABLE runs_new RENAME TO runs;
CREATE INDEX runs_by_date ON runs(date);
CREATE TRIGGER runs_summary_ai AFTER INSERT ON runs WHEN new.summary IS NOT NULL BEGIN
    INSERT INTO run_summaries_fts(rowid, summary) VALUES (new.id, new.summary);
END;
CREATE TRIGGER runs_summary_ad AFTER DELETE ON runs WHEN old.summary IS NOT NULL BEGIN
    INSERT INTO run_summaries_fts(run_summaries_fts, rowid, summary) VALUES ('delete', old.id, old.summary);
END;
CREATE TRIGGER runs_summary_au AFTER UPDATE OF summary ON runs WHEN old.summary IS NOT new.summary BEGIN
    INSERT INTO run_summaries_fts(run_summaries_fts, rowid, summary) SELECT 'delete', old.id, old.summary WHERE old.summary IS NOT NULL;
    INSERT INTO run_summaries_fts(rowid, summary) SELECT new.id, new.summary WHERE new.summary IS NOT NULL;
END;
-- One row per paper with its latest verdict; `variant` says which run of its day gave it.
CREATE VIEW paper_latest_verdict AS
SELECT p.id AS paper_id, p.arxiv_id, p.title, p.authors, p.abstract, p.first_seen, p.last_seen,
       r.digest, r.date, r.variant, v.position, v.relevance, v.novelty, v.score, v.comment, v.author_match
FROM papers p
LEFT JOIN verdicts v ON v.id = p.latest_verdict_id
LEFT JOIN runs r ON r.id = v.run_id;
