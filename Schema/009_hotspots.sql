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
