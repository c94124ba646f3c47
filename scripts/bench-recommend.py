#!/usr/bin/env python3
"""The learned ranker (`arxive recommend`): how well ten starred papers find
the rest of their topic, and how long training and ranking take.

Generates a history with `arxive-generate` (each paper is written about one
of 8 invented topics, which the digest's scores know nothing of; flat.jsonl
holds the truth) and imports it. Then, for each of --topics: stars 10
papers of the topic (a fixed sample), runs `recommend --limit 0 --json`
over every other paper, and reports the area under the ROC curve for "is
of the topic", for the learned score and for the digest's own score (the
baseline: the order the digest gave). Last, with the first topic's stars,
times `recommend --month M` (a month's papers; process start included)
and `recommend` (every paper, the top 20) RUNS times each, interleaved
with `arxive --version` as the floor of any command. Then the cost of
mutes: `day`, `search` and `recommend --month` on a copy of the archive
with two mutes, interleaved with the same commands on the original.

With --model DIR (an installed sentence model), every paper is embedded first
and each topic's AUC is reported twice: without the papers' vectors
(`--no-vectors`, as before search by meaning) and with them as features.

Usage: scripts/bench-recommend.py [--days 400] [--seed 42] [--topics 0,1,2,3,4] [--model DIR] [--keep DIR] [--bin DIR]
Needs a release build (it runs `swift build -c release --static-swift-stdlib`),
unless --bin names a folder that holds release builds of arxive and arxive-generate.
"""
import argparse, bisect, json, os, random, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build", "release")
RUNS = 15
STARS = 10
MUTES = ["ti:valor", "au:morvan"]


def run(args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw)


def timed(args):
    start = time.perf_counter()
    run(args)
    return time.perf_counter() - start


def auc(scored):
    """scored: (score, is_positive) pairs; ties count half."""
    negatives = sorted(s for s, positive in scored if not positive)
    positives = [s for s, positive in scored if positive]
    wins = 0.0
    for s in positives:
        below, up_to = bisect.bisect_left(negatives, s), bisect.bisect_right(negatives, s)
        wins += below + (up_to - below) / 2
    return wins / (len(positives) * len(negatives))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--days", type=int, default=400)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--topics", default="0,1,2,3,4")
    p.add_argument("--keep", help="work in this folder and keep it")
    p.add_argument("--bin", help="use the builds in this folder instead of building")
    p.add_argument("--model", help="an installed sentence model: embed the papers, and report the AUC with their vectors too")
    a = p.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    bin = a.bin or BIN
    if not a.bin:
        for product in ("arxive", "arxive-generate"):
            run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", product], cwd=ROOT)
    arxive = os.path.join(bin, "arxive")
    work = a.keep or tempfile.mkdtemp(prefix="arxive-bench-recommend-")
    history, db = os.path.join(work, "history"), os.path.join(work, "archive.sqlite")
    shutil.rmtree(history, ignore_errors=True)
    for f in (db, db + "-wal", db + "-shm"):
        if os.path.exists(f): os.remove(f)
    run([os.path.join(bin, "arxive-generate"), "--days", str(a.days), "--seed", str(a.seed), history])
    run([arxive, "import", "--no-embed", "--db", db, os.path.join(history, "daily")])
    run([arxive, "import", "--no-embed", "--db", db, "--digest", "upstream", os.path.join(history, "upstream")])
    if a.model:
        started = time.perf_counter()
        print(run([arxive, "embed", "--db", db, "--model", a.model]).stdout.strip() + f" ({time.perf_counter() - started:.0f} s)")
    topic_of = {}
    for line in open(os.path.join(history, "flat.jsonl")):
        paper = json.loads(line)
        topic_of[paper["arxiv_id"]] = paper["topic"]
    print(f"{len(topic_of)} papers over {a.days} days, {len(set(topic_of.values()))} topics")

    topics = [int(t) for t in a.topics.split(",")]
    for topic in topics:
        name = f"topic-{topic}"
        starred = random.Random(topic).sample(sorted(i for i, t in topic_of.items() if t == name), STARS)
        run([arxive, "star", "--db", db] + starred)
        start = time.perf_counter()
        result = run([arxive, "recommend", "--db", db, "--limit", "0", "--json", "--no-vectors"])
        seconds = time.perf_counter() - start
        hits = json.loads(result.stdout)
        learned = auc([(h["recommend_score"], topic_of[h["arxiv_id"]] == name) for h in hits])
        if a.model:
            with_vectors = json.loads(run([arxive, "recommend", "--db", db, "--limit", "0", "--json", "--model", a.model]).stdout)
            print(f"{name}: AUC with the papers' vectors as features "
                  f"{auc([(h['recommend_score'], topic_of[h['arxiv_id']] == name) for h in with_vectors]):.3f}")
        digest = auc([(h["score"] if h["score"] is not None else -1, topic_of[h["arxiv_id"]] == name) for h in hits])
        of_topic = sum(topic_of[h["arxiv_id"]] == name for h in hits)
        print(f"{name}: {len(hits)} papers scored ({of_topic} of the topic): AUC learned {learned:.3f}, "
              f"digest's score {digest:.3f}   ({result.stderr.strip()}; {seconds:.2f} s with every hit in JSON)")
        run([arxive, "unstar", "--db", db] + starred)
        if topic == topics[0]:
            kept = starred
    run([arxive, "star", "--db", db] + kept)
    months = sorted({h["last_seen"][:7] for h in hits if h["last_seen"]})
    month = months[len(months) // 2]
    timings = {"--version": [], f"recommend --month {month}": [], "recommend (every paper, top 20)": []}
    commands = {"--version": [arxive, "--version"],
                f"recommend --month {month}": [arxive, "recommend", "--db", db, "--month", month],
                "recommend (every paper, top 20)": [arxive, "recommend", "--db", db]}
    for _ in range(RUNS):
        for label, command in commands.items():
            timings[label].append(timed(command))
    print()
    print(f"with the {STARS} starred papers of topic-{topics[0]}, process start included, {RUNS} runs each, interleaved:")
    for label, ts in timings.items():
        print(f"  {label:36} median {statistics.median(ts) * 1000:7.1f} ms   best {min(ts) * 1000:7.1f} ms")

    # Mutes: the same commands on a copy of the archive with two mutes, interleaved with the original.
    muted = os.path.join(work, "muted.sqlite")
    for f in (muted, muted + "-wal", muted + "-shm"):
        if os.path.exists(f): os.remove(f)
    run([arxive, "backup", "--db", db, muted])
    for query in MUTES:
        run([arxive, "mute", "--db", muted, query])
    hidden = sum(m["papers"] for m in json.loads(run([arxive, "mutes", "--db", muted, "--json"]).stdout))
    day = max(h["last_seen"] for h in hits if h["last_seen"] and h["last_seen"].startswith(month))
    legs = {f"day {day}": ["day", day], "search 'tex*'": ["search", "tex*"], f"recommend --month {month}": ["recommend", "--month", month]}
    timings = {(label, which): [] for label in legs for which in ("no mute", "2 mutes")}
    for _ in range(RUNS):
        for label, args in legs.items():
            timings[(label, "no mute")].append(timed([arxive] + args + ["--db", db]))
            timings[(label, "2 mutes")].append(timed([arxive] + args + ["--db", muted]))
    print()
    print(f"mutes {MUTES} hide {hidden} papers; medians of {RUNS} runs, interleaved:")
    for label in legs:
        plain, with_mutes = (statistics.median(timings[(label, w)]) for w in ("no mute", "2 mutes"))
        print(f"  {label:36} no mute {plain * 1000:7.1f} ms   2 mutes {with_mutes * 1000:7.1f} ms   ({with_mutes / plain:.2f}x)")
    run([arxive, "unstar", "--db", db] + kept)
    if not a.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
