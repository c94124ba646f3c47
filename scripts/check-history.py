#!/usr/bin/env python3
"""Followed authors, re-ranking, similar papers and reports on a generated history:
checked against the generator's truth, and timed (whole process, start-up
included) with the release build.

  * matches:  follow --from an authors.txt, then `matches` must list exactly
              the papers the generator gave those people (followed.txt),
              none of the namesakes it planted;
  * rank:     `rank DATE` with no option must give every run's published order;
  * similar:  each near-twin the generator wrote (twins.txt) must be in its
              original's top 5.

Usage: scripts/check-history.py [--days 400] [--authors FILE] [--keep DIR]
The authors file defaults to ../shared/samples/upstream-config/authors.txt
when it is there, else the project's Tests/Fixtures/config/authors.txt.
"""
import argparse, json, os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build", "release")


def run(args):
    return subprocess.run(args, check=True, capture_output=True, text=True)


def timed(args):
    start = time.perf_counter()
    out = run(args)
    return time.perf_counter() - start, out.stdout


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--days", type=int, default=400)
    shared = os.path.join(os.path.dirname(ROOT), "shared", "samples", "upstream-config", "authors.txt")
    p.add_argument("--authors", default=shared if os.path.exists(shared) else os.path.join(ROOT, "Tests/Fixtures/config/authors.txt"))
    p.add_argument("--keep", help="work in this folder and keep it")
    a = p.parse_args()
    run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "arxive"])
    run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "arxive-generate"])
    work = a.keep or tempfile.mkdtemp(prefix="arxive-check-")
    history, db = os.path.join(work, "history"), os.path.join(work, "archive.sqlite")
    shutil.rmtree(history, ignore_errors=True)
    for f in (db, db + "-wal", db + "-shm"):
        if os.path.exists(f): os.remove(f)
    print(run([os.path.join(BIN, "arxive-generate"), "--days", str(a.days), "--follow", a.authors, history]).stdout.strip())

    def arxive(*args):
        return [os.path.join(BIN, "arxive"), *args, "--db", db]

    run(arxive("import", os.path.join(history, "daily")))
    run(arxive("import", "--digest", "upstream", os.path.join(history, "upstream")))
    run(arxive("follow", "--from", a.authors))
    failures = 0

    truth = set(open(os.path.join(history, "followed.txt")).read().split())
    found = {h["arxiv_id"] for h in json.loads(run(arxive("matches", "--limit", "1000000", "--json")).stdout)}
    print(f"matches: {len(found)} papers, generator truth {len(truth)}: "
          + ("equal" if found == truth else f"DIFFER (missing {len(truth - found)}, extra {len(found - truth)})"))
    failures += found != truth

    runs = json.loads(run(arxive("runs", "--json")).stdout)
    wrong = [f"{r['digest']} {r['date']}" for r in runs
             if [x["position"] for x in json.loads(run(arxive("rank", r["date"], "--digest", r["digest"], "--limit", "1000", "--json")).stdout)]
             != list(range(1, r["listed"] + 1))]
    print(f"rank DATE: {len(runs) - len(wrong)} of {len(runs)} runs exactly as published" + (f"; wrong: {wrong[:5]}" if wrong else ""))
    failures += bool(wrong)

    twins = [line.split() for line in open(os.path.join(history, "twins.txt")) if line.strip()]
    missed = [o for o, t in twins if t not in {h["arxiv_id"] for h in json.loads(run(arxive("similar", o, "--limit", "5", "--json")).stdout)}]
    print(f"similar: {len(twins) - len(missed)} of {len(twins)} near-twins in their original's top 5")
    failures += bool(missed)

    months = sorted({r["date"][:7] for r in runs})
    timings = {
        "matches": [timed(arxive("matches"))[0] for _ in range(15)],
        "matches --month": [timed(arxive("matches", "--month", m))[0] for m in months],
        "rank --month": [timed(arxive("rank", "--month", m))[0] for m in months],
        "rank --month --weights --boost": [timed(arxive("rank", "--month", m, "--weights", "relevance=1,novelty=2",
                                                        "--boost-followed", "3", "--boost", "ti:model=2"))[0] for m in months],
        "similar": [timed(arxive("similar", o))[0] for o, _ in twins[:30]],
        "report YYYY-MM (every month)": [timed(arxive("report", m))[0] for m in months],
        "report YYYY-MM --format html": [timed(arxive("report", m, "--format", "html"))[0] for m in months],
        "report YYYY": [timed(arxive("report", y))[0] for y in sorted({m[:4] for m in months})],
    }
    site = os.path.join(work, "site")
    shutil.rmtree(site, ignore_errors=True)
    timings["site (whole history)"] = [timed(arxive("site", site))[0]]
    timings["site again (nothing to rewrite)"] = [timed(arxive("site", site))[0]]
    print("wall time, process start included (release build):")
    for name, t in timings.items():
        print(f"  {name:32} median {statistics.median(t) * 1000:5.1f} ms, max {max(t) * 1000:5.1f} ms over {len(t)} runs")
    if not a.keep:
        shutil.rmtree(work)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
