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
