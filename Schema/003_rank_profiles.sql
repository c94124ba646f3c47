-- arxive archive schema, version 3: named re-ranking profiles.
--
-- `arxive rank --save NAME` stores its options here; `--profile NAME` reads
-- them back. The user's own state, like followed authors.
CREATE TABLE rank_profiles (
    name     TEXT PRIMARY KEY,
    options  TEXT NOT NULL,   -- JSON: weights, boosts, cut-offs (see RankOptions)
    saved_at TEXT NOT NULL
) WITHOUT ROWID;
