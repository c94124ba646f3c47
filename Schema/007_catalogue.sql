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
