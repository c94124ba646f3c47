#!/usr/bin/env python3
"""The archive file as Datasette and sqlite-utils see it, for real.

Installs Datasette and sqlite-utils from PyPI into a scratch virtualenv,
imports the project's fixture digests (or --history N days of generated ones)
into a scratch archive with the built arxive, starts Datasette on 127.0.0.1,
and checks that for plain-word queries `/<db>/papers.json?_search=WORD`
(Datasette's search box) and `sqlite-utils search` return the same papers as
`arxive search`. Exits 1 on any difference.

Usage: scripts/check-datasette.py [--history DAYS] [--keep DIR]
"""
import argparse, json, os, shutil, socket, subprocess, sys, tempfile, time, urllib.parse, urllib.request, venv

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QUERIES = ["lattice", "kernel", "experts", "pruning", "attention", "routing", "model", "softmax"]


def run(args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--history", type=int, help="import a generated history of this many days instead of the fixtures")
    p.add_argument("--keep", help="work in this folder and keep it")
    a = p.parse_args()
    work = a.keep or tempfile.mkdtemp(prefix="arxive-datasette-")
    env = os.path.join(work, "venv")
    if not os.path.exists(os.path.join(env, "bin", "datasette")):
        venv.create(env, with_pip=True)
        run([os.path.join(env, "bin", "pip"), "install", "-q", "datasette", "sqlite-utils"])
    print(run([os.path.join(env, "bin", "datasette"), "--version"]).stdout.strip())
    run(["swift", "build", "--product", "arxive"], cwd=ROOT)
    arxive = os.path.join(ROOT, ".build", "debug", "arxive")
    db = os.path.join(work, "archive.sqlite")
    for f in (db, db + "-wal", db + "-shm"):
        if os.path.exists(f): os.remove(f)
    queries = QUERIES
    if a.history:
        run(["swift", "build", "--product", "arxive-generate"], cwd=ROOT)
        history = os.path.join(work, "history")
        shutil.rmtree(history, ignore_errors=True)
        run([os.path.join(ROOT, ".build", "debug", "arxive-generate"), "--days", str(a.history), history])
        run([arxive, "import", "--db", db, os.path.join(history, "daily")])
        queries = ["model", "training", "network", "valor", "texmi", "learning", "data", "results"]
    else:
        fixtures = os.path.join(ROOT, "Tests", "Fixtures", "digests")
        run([arxive, "import", "--db", db] + [os.path.join(fixtures, d) for d in ("md", "json", "page-text", "site")])

    port = free_port()
    server = subprocess.Popen([os.path.join(env, "bin", "datasette"), "serve", db, "--host", "127.0.0.1", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    failures = 0
    try:
        base = f"http://127.0.0.1:{port}/archive"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + ".json", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        for q in queries:
            ours = {h["arxiv_id"] for h in json.loads(run([arxive, "search", "--db", db, q, "--limit", "100000", "--json"]).stdout)}
            url = f"{base}/papers.json?_search={urllib.parse.quote(q)}&_shape=array&_size=max&_col=arxiv_id"
            theirs = {row["arxiv_id"] for row in json.load(urllib.request.urlopen(url, timeout=10))}
            su = {row["arxiv_id"] for row in json.loads(run([os.path.join(env, "bin", "sqlite-utils"), "search", db, "papers", q,
                                                              "-c", "arxiv_id", "--limit", "100000"]).stdout or "[]")}
            same = ours == theirs == su
            failures += not same
            print(f"{q!r}: arxive {len(ours)}, datasette {len(theirs)}, sqlite-utils {len(su)} papers: {'same' if same else 'DIFFERENT'}")
    finally:
        server.terminate()
        server.wait()
    if not a.keep:
        shutil.rmtree(work)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
