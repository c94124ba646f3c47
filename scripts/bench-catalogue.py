#!/usr/bin/env python3
"""Catalogue benchmark: arxive against sqlite-utils, the sqlite3 CLI and grep, in one run.

Generates N synthetic arXiv snapshot records (`arxive-generate snapshot`:
deterministic seed, the real file's lengths, Zipf vocabulary, TeX names),
then measures:

  * import: `arxive import` (papers/s, peak memory, bytes per paper) and
    sqlite-utils `insert --nl` + `enable-fts` of the same lines; and, about
    the ceiling for any importer of this archive, SQLite alone (Python's
    sqlite3, the same libsqlite3) writing the same papers into arxive's
    schema as arxive does, only the time inside SQLite counted (see
    `sqlite_alone`);
  * a query mix (rare, common, two-term AND, phrase, prefix, author, date,
    category), whole-process wall time: arxive's first run (pages maybe
    not yet cached), then, after one untimed run of each tool, p50 and p95
    over --runs runs each:
    `arxive search`; the sqlite3 CLI running the ranked FTS5 query on
    arxive's own file; `sqlite-utils search`; `grep -c` over the JSON lines.

Usage: scripts/bench-catalogue.py [--papers 1000000] [--runs 7] [--keep DIR]
Needs a release build (it runs `swift build -c release --static-swift-stdlib`), sqlite3 and sqlite-utils.
"""
import argparse, json, os, shutil, sqlite3, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build", "release")
# (name, arxive query, FTS5 expression for sqlite3 and sqlite-utils, fixed string for grep)
MIX = [
    ("rare term", "vibovi", '"vibovi"', "vibovi"),
    ("common term", "model", '"model"', "model"),
    ("two-term AND", "quantum energy", '"quantum" AND "energy"', "quantum"),
    ("phrase", '"the model"', '"the model"', "the model"),
    ("prefix", "valor*", '"valor" *', "valor"),
    ("author", "au:kercarva", None, "Kercarva"),
    ("date-filtered", "energy date:2008-03", None, "Mar 2008"),
    ("category", "cat:hep-th", None, "hep-th"),
]


def run(args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw)


def timed(args):
    start = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True)
    return (time.perf_counter() - start) * 1000


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def sqlite_alone(snapshot, path, chunk=25_000):
    """What SQLite itself takes to write the snapshot into an archive of
    arxive's schema (Schema/*.sql), the way arxive's import writes it: the
    paper rows, their categories, new author names, the author links in
    author order, both FTS5 indexes filled at the end of each chunk of
    25,000 papers with FTS5's merges paused, one `optimize` at the end.

    Returns the seconds spent inside SQLite calls, by part, and the number
    of papers. Not counted: reading and parsing the JSON and decoding names
    (arxive does that on another thread), and WAL checkpoints (arxive runs
    them on another connection while the import goes on; here they are off).
    So this is about the least time any importer writing this archive can
    spend on its one writing thread: SQLite admits one writer per file."""
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix): os.remove(path + suffix)
    db = sqlite3.connect(path, isolation_level=None)
    for pragma in ("page_size = 8192", "journal_mode = WAL", "synchronous = NORMAL", "cache_size = -65536",
                   "temp_store = MEMORY", "wal_autocheckpoint = 0"):
        db.execute("PRAGMA " + pragma)
    schema = os.path.join(ROOT, "Schema")
    for name in sorted(f for f in os.listdir(schema) if f.endswith(".sql")):
        db.executescript(open(os.path.join(schema, name), encoding="utf-8").read())
    for trigger in ("papers_ai", "papers_ad", "papers_au", "authors_ai", "authors_ad", "authors_au"):
        db.execute(f"DROP TRIGGER {trigger}")
    for option, value in (("automerge", 0), ("crisismerge", 64), ("hashsize", 134217728)):
        db.execute("INSERT INTO papers_fts(papers_fts, rank) VALUES (?, ?)", (option, value))
    parts = dict.fromkeys(("papers", "categories", "authors", "author links", "text index", "names index", "commit", "optimize"), 0.0)

    def timed_part(part, call, *args):
        start = time.perf_counter()
        result = call(*args)
        parts[part] += time.perf_counter() - start
        return result

    author_ids, count, chunk_records = {}, 0, []
    stored_keys = {"id", "title", "abstract", "authors", "categories", "update_date", "authors_parsed"}

    def names(record):
        return [" ".join(p for p in (first, last) if p) for last, first, *_ in record["authors_parsed"]]

    def store():
        db.execute("BEGIN")
        first_paper = chunk_records[0][0]
        last_author = db.execute("SELECT coalesce(max(id), 0) FROM authors").fetchone()[0]
        timed_part("papers", db.executemany, """
            INSERT INTO papers (id, arxiv_id, text_date, title, authors, abstract, categories, published, catalogue_date, catalogue)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", [
            (i, r["id"], r["update_date"], r["title"], ", ".join(names(r)), r["abstract"], r["categories"], r["update_date"],
             r["update_date"], json.dumps({k: v for k, v in r.items() if k not in stored_keys and v is not None}, separators=(",", ":")))
            for i, r in chunk_records])
        timed_part("categories", db.executemany, "INSERT OR IGNORE INTO paper_categories (category, paper_id) VALUES (?, ?)",
                   [(c, i) for i, r in chunk_records for c in r["categories"].split()])
        new_names = sorted({n for _, r in chunk_records for n in names(r)} - author_ids.keys())

        def add_names():
            for name in new_names:
                author_ids[name] = db.execute("INSERT INTO authors (name, key) VALUES (?, ?)", (name, name.lower())).lastrowid
        timed_part("authors", add_names)
        links = sorted((author_ids[n], i, position) for i, r in chunk_records for position, n in enumerate(names(r), 1))
        timed_part("author links", db.executemany,
                   "INSERT OR IGNORE INTO paper_authors (author_id, paper_id, position) VALUES (?, ?, ?)", links)
        timed_part("text index", db.execute, "INSERT INTO papers_fts(rowid, title, abstract, comments) "
                   "SELECT id, title, abstract, comments FROM papers WHERE id >= ?", (first_paper,))
        timed_part("names index", db.execute, "INSERT INTO authors_fts(rowid, key) SELECT id, key FROM authors WHERE id > ?",
                   (last_author,))
        timed_part("commit", db.execute, "COMMIT")
        chunk_records.clear()

    with open(snapshot, encoding="utf-8") as lines:
        for line in lines:
            count += 1
            chunk_records.append((count, json.loads(line)))
            if len(chunk_records) == chunk: store()
    if chunk_records: store()
    timed_part("optimize", db.execute, "INSERT INTO papers_fts(papers_fts) VALUES ('optimize')")
    db.close()
    return parts, count


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--papers", type=int, default=1_000_000)
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--keep", help="work in this folder and keep it (the snapshot is reused)")
    a = p.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # each result as it comes, also into a file
    for tool in ("sqlite3", "sqlite-utils"):
        if not shutil.which(tool):
            sys.exit(f"{tool} not found")
    run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "arxive"], cwd=ROOT)
    run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "arxive-generate"], cwd=ROOT)
    work = a.keep or tempfile.mkdtemp(prefix="arxive-catalogue-")
    os.makedirs(work, exist_ok=True)
    snapshot = os.path.join(work, f"snapshot-{a.papers}.json")
    if not os.path.exists(snapshot):
        run([os.path.join(BIN, "arxive-generate"), "snapshot", "--papers", str(a.papers), snapshot])
    db, su = os.path.join(work, "arxive.sqlite"), os.path.join(work, "sqlite-utils.db")
    for f in (db, db + "-wal", db + "-shm", su):
        if os.path.exists(f): os.remove(f)
    print(f"{a.papers} papers, snapshot {os.path.getsize(snapshot) / 2**20:.0f} MiB")

    # Peak memory of the import alone (the build and the generator are children of this script too).
    start = time.perf_counter()
    timing = run(["/usr/bin/time", "-f", "%M", os.path.join(BIN, "arxive"), "import", "--db", db, snapshot])
    ours = time.perf_counter() - start
    peak = int(timing.stderr.strip().splitlines()[-1]) / 1024
    size = os.path.getsize(db)
    start = time.perf_counter()
    run(["sqlite-utils", "insert", su, "papers", snapshot, "--nl", "--pk", "id"])
    run(["sqlite-utils", "enable-fts", su, "papers", "title", "abstract"])
    theirs = time.perf_counter() - start
    print(f"import  arxive {ours:.1f} s = {a.papers / ours:,.0f} papers/s, peak {peak:.0f} MiB, "
          f"{size / a.papers:,.0f} bytes/paper ({size / 2**20:.0f} MiB)")
    print(f"import  sqlite-utils {theirs:.1f} s = {a.papers / theirs:,.0f} papers/s, {os.path.getsize(su) / a.papers:,.0f} bytes/paper")
    print(f"import  ratio arxive/sqlite-utils {ours / theirs:.2f}")
    print(f"\n{'query':15} {'first run':>10} {'arxive p50/p95 ms':>18} {'sqlite3 CLI':>14} {'sqlite-utils':>14} {'grep -c':>12}")
    medians = []
    for name, ours_q, fts, needle in MIX:
        tools = {"arxive": [os.path.join(BIN, "arxive"), "search", "--db", db, ours_q]}
        if fts:
            tools["sqlite3"] = ["sqlite3", db, "SELECT rowid, snippet(papers_fts, -1, '[', ']', '…', 24) FROM papers_fts "
                                f"WHERE papers_fts MATCH '{fts}' ORDER BY rank LIMIT 20"]
            tools["sqlite-utils"] = ["sqlite-utils", "search", su, "papers", fts.replace('"', ''), "--limit", "20"]
        tools["grep"] = ["sh", "-c", f"grep -c -F '{needle}' '{snapshot}' || true"]
        # The page cache holds only part of the three files (about 4 GiB on
        # the shared machine, against 6.5 GiB at 1M papers), so the first
        # tool to run a query pays for reading its pages from disk: arxive's
        # first run is shown on its own, and every tool has one untimed run
        # before the timed ones.
        first = timed(tools["arxive"])
        for tool, args in tools.items():
            if tool != "arxive": timed(args)
        # Interleaved, so that a slow spell of this shared machine hits every tool alike.
        times = {tool: [] for tool in tools}
        for _ in range(a.runs):
            for tool, args in tools.items():
                times[tool].append(timed(args))
        row = {k: (f"{statistics.median(v):.1f}/{percentile(v, 95):.1f}") for k, v in times.items()}
        print(f"{name:15} {first:>10.1f} {row['arxive']:>18} {row.get('sqlite3', '-'):>14} {row.get('sqlite-utils', '-'):>14} {row['grep']:>12}")
        if "sqlite3" in times:
            medians.append(statistics.median(times["arxive"]) / statistics.median(times["sqlite3"]))
    print(f"\narxive / sqlite3 CLI, median of per-query median ratios: {statistics.median(medians):.2f}")
    # Last: its 2.5 GiB file would push the other files' pages out of the page cache.
    alone_db = os.path.join(work, "sqlite-alone.db")
    parts, count = sqlite_alone(snapshot, alone_db)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(alone_db + suffix): os.remove(alone_db + suffix)
    alone = sum(parts.values())
    print(f"\nimport  SQLite alone, writing the same archive (see sqlite_alone) {alone:.1f} s = {count / alone:,.0f} papers/s; "
          f"arxive/SQLite alone {ours / alone:.2f}")
    print("        µs a paper inside SQLite: " + ", ".join(f"{part} {seconds * 1e6 / count:.1f}" for part, seconds in parts.items()))

    if not a.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
