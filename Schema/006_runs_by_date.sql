-- arxive archive schema, version 6: runs by date.
--
-- Reports and trends, and every query with `date:`, select the runs of a
-- range of days; without this index SQLite scanned every verdict to find
-- them (13 ms for a month of a 400-day archive; now the month's runs first).
CREATE INDEX runs_by_date ON runs(date);
