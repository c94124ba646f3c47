#!/usr/bin/env python3
"""The learned ranker on a real history, with and without the papers' vectors.

upstream-history (384 days): every verdict comment says which of the user's
criteria the paper matched. For each criterion, stars 10 of its papers (a
fixed sample), runs `recommend --limit 0 --json` over every other paper, and
reports the area under the ROC curve for "the digest matched it to this
criterion": without the vectors (`--no-vectors`) and with them (`--model`).
The generated history of scripts/bench-recommend.py is made of invented
words, which a pretrained sentence model knows nothing of: this is the
measure of what the vectors bring to real text.

Usage: scripts/bench-recommend-real.py --arxive RELEASE_ARXIVE --model DIR [--keep DB]
(--keep: an archive of the history, embedded, as bench-own-words.py --keep leaves it).
"""
import argparse, importlib.util, json, os, random, subprocess, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
spec = importlib.util.spec_from_file_location("own_words", os.path.join(ROOT, "scripts", "bench-own-words.py"))
own_words = importlib.util.module_from_spec(spec)
spec.loader.exec_module(own_words)
spec = importlib.util.spec_from_file_location("recommend", os.path.join(ROOT, "scripts", "bench-recommend.py"))
recommend = importlib.util.module_from_spec(spec)
spec.loader.exec_module(recommend)
STARS = 10


def run(args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--arxive", required=True)
    p.add_argument("--model", required=True)
    p.add_argument("--keep")
    a = p.parse_args()
    db = a.keep or os.path.join(tempfile.mkdtemp(prefix="arxive-recommend-real-"), "history.sqlite")
    run([a.arxive, "import", "--no-embed", "--db", db, own_words.HISTORY])
    run([a.arxive, "embed", "--db", db, "--model", a.model])
    relevant = own_words.criteria_and_matches()
    print(f"{'criterion':60} {'papers':>6} {'no vectors':>10} {'vectors':>8}")
    totals = [0.0, 0.0]
    for criterion, ids in sorted(relevant.items(), key=lambda kv: -len(kv[1])):
        starred = random.Random(criterion).sample(sorted(ids), STARS)
        run([a.arxive, "star", "--db", db] + starred)
        row = []
        for extra in (["--no-vectors"], ["--model", a.model]):
            hits = json.loads(run([a.arxive, "recommend", "--db", db, "--limit", "0", "--json"] + extra))
            row.append(recommend.auc([(h["recommend_score"], h["arxiv_id"] in ids) for h in hits]))
        run([a.arxive, "unstar", "--db", db] + starred)
        totals = [t + r for t, r in zip(totals, row)]
        print(f"{criterion[:60]:60} {len(ids):6} {row[0]:10.3f} {row[1]:8.3f}")
    n = len(relevant)
    print(f"{'mean':60} {'':6} {totals[0] / n:10.3f} {totals[1] / n:8.3f}")


if __name__ == "__main__":
    main()
