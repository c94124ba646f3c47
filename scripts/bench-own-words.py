#!/usr/bin/env python3
"""Search in your own words, measured: precision in the first 20 results.

The history in ../shared/samples/upstream-history (384 days) ends every page
with the user's selection criteria, and every verdict comment says which
criterion the paper matched ("Matches criterion 3 ..."). Each distinct
criterion's text, and its first phrase, is a query; the relevant papers are
those the digest's model matched to that criterion (on the pages that carried
that text). For each query it reports P@20 of:

  * exact:   `arxive search --exact` (every word must match: the old default)
  * words:   `arxive search --mode words` (papers holding some of the words follow, bm25)
  * meaning: `arxive search --mode meaning` (the query's sentence vector against
             the papers', all-MiniLM-L6-v2)
  * both:    `arxive search` (the default once the papers have vectors: words and
             meaning fused by reciprocal rank)
  * tfidf:   a tf-idf cosine ranking of the same papers' titles and abstracts
             (scikit-learn's TfidfVectorizer, English stop words: arxiv-sanity's
             method), computed in the same run as the reference.

With --model DIR (an installed model), the archive's papers are embedded first
(`arxive embed`: 14,676 papers, about 16 minutes on 2 cores; --keep DB keeps the
archive for the next run, which then embeds nothing). Without it, meaning and
both are left out.

Usage: scripts/bench-own-words.py --arxive PATH_TO_RELEASE_ARXIVE [--model DIR] [--keep DB] [--python PYTHON_WITH_SKLEARN]
(the script re-runs itself under --python for the reference when this python lacks scikit-learn).
"""
import argparse, collections, json, os, re, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HISTORY = os.path.join(os.path.dirname(ROOT), "shared", "samples", "upstream-history")
CRITERION = re.compile(r"^\s*(\d+)\.\s+(.+?)\s*$")
MATCH = re.compile(r"Matches criteri(?:on|a) (\d+)", re.I)
ID = re.compile(r"^\*\*ArXiv ID:\*\* (\S+)", re.M)


def criteria_and_matches():
    """{criterion text: set of arXiv ids the model matched to it}."""
    relevant = collections.defaultdict(set)
    for name in sorted(os.listdir(HISTORY)):
        text = open(os.path.join(HISTORY, name), encoding="utf-8").read()
        head, _, prompt = text.partition("## Paper selection prompt")
        numbered = {}
        for line in prompt.splitlines():
            m = CRITERION.match(line)
            if m:
                numbered[m.group(1)] = m.group(2).rstrip(";.")
        for section in head.split("\n## ")[1:]:
            ids = ID.findall(section)
            comment = re.search(r"\*\*Comment:\*\*(.*)", section)
            if not ids or not comment:
                continue
            for number in set(MATCH.findall(comment.group(1))):
                if number in numbered:
                    relevant[numbered[number]].add(ids[0])
    return relevant


def first_phrase(text):
    return re.split(r"[,:;(]| on | in | with | to ", text, maxsplit=1)[0].strip()


def arxive_ids(arxive, db, query, mode, model=None):
    args = [arxive, "search", "--db", db, "--json", "--limit", "20"]
    args += ["--exact", "--mode", "words"] if mode == "exact" else ["--mode", mode]
    args += ["--model", model] if model else []
    args += [query]
    out = subprocess.run(args, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{args}: {out.stderr}")
    return [h["arxiv_id"] for h in json.loads(out.stdout)]


def tfidf_ids(papers, queries):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import linear_kernel
    ids = [p["arxiv_id"] for p in papers]
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True)
    matrix = vectorizer.fit_transform([p["title"] + " " + p["abstract"] for p in papers])
    ranked = {}
    for q in queries:
        scores = linear_kernel(vectorizer.transform([q]), matrix)[0]
        ranked[q] = [ids[i] for i in scores.argsort()[::-1][:20]]
    return ranked


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--arxive", required=True)
    p.add_argument("--python", default=sys.executable)
    p.add_argument("--model", help="an installed sentence model: adds the meaning and both columns")
    p.add_argument("--keep", help="the archive file to use and keep (made when missing)")
    p.add_argument("--tfidf-only", help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.tfidf_only:
        job = json.load(open(a.tfidf_only))
        print(json.dumps(tfidf_ids(job["papers"], job["queries"])))
        return
    relevant = criteria_and_matches()
    queries = []
    for text, ids in sorted(relevant.items(), key=lambda kv: -len(kv[1])):
        for q in (text, first_phrase(text)):
            if q not in [x for x, _ in queries]:
                queries.append((q, ids))
    work = tempfile.mkdtemp(prefix="arxive-own-words-")
    db = a.keep or os.path.join(work, "history.sqlite")
    subprocess.run([a.arxive, "import", "--no-embed", "--db", db, HISTORY], check=True, capture_output=True)
    modes = ["exact", "words"]
    if a.model:
        started = time.perf_counter()
        out = subprocess.run([a.arxive, "embed", "--db", db, "--model", a.model], check=True, capture_output=True, text=True).stdout
        print(f"{out.strip()} ({time.perf_counter() - started:.0f} s)")
        modes += ["meaning", "both"]
    papers = [json.loads(line) for line in subprocess.run(
        [a.arxive, "export", "--format", "jsonl", "--db", db], check=True, capture_output=True, text=True).stdout.splitlines()]
    job = os.path.join(work, "job.json")
    json.dump({"papers": [{"arxiv_id": x["arxiv_id"], "title": x.get("title", ""), "abstract": x.get("abstract", "")} for x in papers],
               "queries": [q for q, _ in queries]}, open(job, "w"))
    tfidf = json.loads(subprocess.run([a.python, __file__, "--arxive", a.arxive, "--tfidf-only", job],
                                      check=True, capture_output=True, text=True).stdout)
    print(f"{len(papers)} papers, {len(queries)} queries from {len(relevant)} criteria\n")
    columns = modes + ["tfidf"]
    print(f"{'query':60} {'relevant':>8} " + " ".join(f"{c:>7}" for c in columns))
    totals = collections.Counter()
    for q, ids in queries:
        row = {}
        for name in columns:
            found = tfidf[q] if name == "tfidf" else arxive_ids(a.arxive, db, q, name, a.model)
            row[name] = len(set(found[:20]) & ids) / 20
            totals[name] += row[name]
        print(f"{q[:60]:60} {len(ids):8} " + " ".join(f"{row[c]:7.2f}" for c in columns))
    n = len(queries)
    print(f"\n{'mean P@20':60} {'':8} " + " ".join(f"{totals[c] / n:7.2f}" for c in columns))


if __name__ == "__main__":
    main()
