#!/usr/bin/env python3
"""What reading every digest family costs: release builds, measured in one run.

1. `import --git` over a history of N commits (default 400): a repository in
   which one page and its JSON are rewritten each day, as forks that publish
   `out/output.md` do; the pages are a generated history's days (every era).
2. A daily-arXiv-ai-enhanced day (the crawl, the AI listing and the page) from
   ../shared/samples/daily-arxiv-ai, when it is there: about 300 papers with
   Chinese summaries.
3. The upstream family (`../shared/samples/upstream-history`, 384 days), old
   build against new, interleaved, CPU time per run.

Each figure is the median of --runs runs (CPU time: user + system of the child).

Usage: scripts/bench-families.py --new DIR [--old DIR] [--commits 400] [--runs 5]
DIR: a folder with release builds of arxive (and, for --new, arxive-generate).
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = os.path.join(os.path.dirname(ROOT), "shared", "samples")


def run(args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw)


def measured(args):
    """Wall seconds and CPU seconds (user + system) of one run of args."""
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{args}: exit {os.waitstatus_to_exitcode(status)}: {process.stderr.read().decode()}")
    return wall, usage.ru_utime + usage.ru_stime


def fresh(db):
    for f in (db, db + "-wal", db + "-shm"):
        if os.path.exists(f):
            os.remove(f)


def git_history(work, generate, commits):
    """A repository of `commits` commits, each rewriting out/output.md and out/output.json with one generated day."""
    history = os.path.join(work, "history")
    run([generate, "--days", str(commits * 3 // 2), history])
    pages = []
    for root, _, files in os.walk(os.path.join(history, "daily")):
        for name in files:
            if name.endswith(".md"):
                pages.append(os.path.join(root, name))
    pages.sort()
    repo = os.path.join(work, "repo")
    os.makedirs(os.path.join(repo, "out"))
    run(["git", "-C", repo, "init", "-q", "-b", "main"])
    made = 0
    for page in pages[:commits]:
        shutil.copy(page, os.path.join(repo, "out", "output.md"))
        # The day's JSON beside it (daily/json/YYYY-MM/DATE-output.json), when the day has one.
        twin = page.replace(os.sep + "md" + os.sep, os.sep + "json" + os.sep)[: -len(".md")] + ".json"
        if os.path.exists(twin):
            shutil.copy(twin, os.path.join(repo, "out", "output.json"))
        run(["git", "-C", repo, "add", "-A"])
        run(["git", "-C", repo, "-c", "user.name=b", "-c", "user.email=b@example.org", "commit", "-q", "-m", os.path.basename(page)])
        made += 1
    return repo, made


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--new", required=True)
    p.add_argument("--old")
    p.add_argument("--commits", type=int, default=400)
    p.add_argument("--runs", type=int, default=5)
    a = p.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    new = os.path.join(a.new, "arxive")
    work = tempfile.mkdtemp(prefix="arxive-families-")
    med = statistics.median

    repo, made = git_history(work, os.path.join(a.new, "arxive-generate"), a.commits)
    walls, cpus = [], []
    for _ in range(a.runs):
        db = os.path.join(work, "git.sqlite")
        fresh(db)
        wall, cpu = measured([new, "import", "--db", db, "--git", repo])
        walls.append(wall)
        cpus.append(cpu)
    runs = run([new, "runs", "--db", os.path.join(work, "git.sqlite"), "--json"]).stdout.count('"date"')
    print(f"import --git, {made} commits ({runs} runs): median {med(walls):.2f} s wall, {med(cpus):.2f} s CPU (of {a.runs})")

    day = os.path.join(SAMPLES, "daily-arxiv-ai", "data")
    if os.path.isdir(day):
        files = [os.path.join(day, f) for f in sorted(os.listdir(day)) if f.startswith("2026-07-01")]
        walls, cpus = [], []
        for _ in range(a.runs):
            db = os.path.join(work, "ai.sqlite")
            fresh(db)
            wall, cpu = measured([new, "import", "--db", db, *files])
            walls.append(wall)
            cpus.append(cpu)
        print(f"daily-arXiv-ai day 2026-07-01 ({len(files)} files, 301 papers listed of 371 crawled): "
              f"median {med(walls):.3f} s wall, {med(cpus):.3f} s CPU")

    upstream = os.path.join(SAMPLES, "upstream-history")
    if a.old and os.path.isdir(upstream):
        bins = {"old": os.path.join(a.old, "arxive"), "new": new}
        cpus = {k: [] for k in bins}
        for r in range(a.runs):
            for k in (("old", "new") if r % 2 == 0 else ("new", "old")):
                db = os.path.join(work, f"up-{k}.sqlite")
                fresh(db)
                cpus[k].append(measured([bins[k], "import", "--db", db, upstream])[1])
        per_run = {k: med(cpus[k]) / 384 * 1000 for k in bins}
        print(f"upstream-history, 384 days: old {per_run['old']:.3f} ms CPU per run, new {per_run['new']:.3f} ms, "
              f"new/old {per_run['new'] / per_run['old']:.3f} (medians of {a.runs}, interleaved)")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
