#!/usr/bin/env python3
"""How to store the vectors: float32, float16 or int8, chosen by measurement.

Embeds --papers real papers of ../shared/samples/upstream-history in float32
(`arxive model encode`, the encoder's own output), and as queries those of
scripts/bench-own-words.py (each criterion of the user's prompt, and its first
phrase) and the titles of --titles other papers of the history. Then stores the papers' vectors as arxive would in each coding
(float16; int8 with a float32 scale per vector, value / scale rounded, the
scale the largest magnitude / 127: VectorCoding.swift) and reports, per
coding, the overlap of each query's first 20 papers with float32's, and the
bytes per vector.

Usage: scripts/bench-vector-storage.py --arxive RELEASE_ARXIVE --model DIR [--papers 2000]
Needs NumPy.
"""
import argparse, importlib.util, json, os, subprocess, sys
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
spec = importlib.util.spec_from_file_location("own_words", os.path.join(ROOT, "scripts", "bench-own-words.py"))
own_words = importlib.util.module_from_spec(spec)
spec.loader.exec_module(own_words)


def encode(arxive, model, texts):
    out = subprocess.run([arxive, "model", "encode", "--model", model], input="\n".join(texts), check=True, capture_output=True, text=True)
    return np.array([json.loads(line) for line in out.stdout.splitlines()], dtype=np.float32)


def int8(vectors):
    scale = np.abs(vectors).max(axis=1, keepdims=True) / 127
    q = np.sign(vectors / scale) * np.floor(np.abs(vectors / scale) + 0.5)
    return (q * scale).astype(np.float32)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--arxive", required=True)
    p.add_argument("--model", required=True)
    p.add_argument("--papers", type=int, default=2000)
    p.add_argument("--titles", type=int, default=200)
    a = p.parse_args()
    import tempfile
    db = os.path.join(tempfile.mkdtemp(prefix="arxive-storage-"), "history.sqlite")
    subprocess.run([a.arxive, "import", "--no-embed", "--db", db, own_words.HISTORY], check=True, capture_output=True)
    papers = [json.loads(line) for line in subprocess.run(
        [a.arxive, "export", "--format", "jsonl", "--db", db], check=True, capture_output=True, text=True).stdout.splitlines()]
    others, papers = papers[a.papers : a.papers + a.titles], papers[: a.papers]
    texts = [(x["title"] + ("" if x["title"][-1:] in ".?!" else ".") + " " + x.get("abstract", "")).replace("\n", " ") for x in papers]
    queries = []
    for text in own_words.criteria_and_matches():
        for q in (text, own_words.first_phrase(text)):
            if q not in queries:
                queries.append(q)
    queries += [x["title"].replace("\n", " ") for x in others]
    exact, asked = encode(a.arxive, a.model, texts), encode(a.arxive, a.model, queries)
    top = lambda stored: np.argsort(-(asked @ stored.T), axis=1)[:, :20]
    reference = top(exact)
    print(f"{len(texts)} papers, {len(queries)} queries")
    for name, stored, size in (("float32", exact, 4 * 384), ("float16", exact.astype(np.float16).astype(np.float32), 2 * 384),
                               ("int8", int8(exact), 4 + 384)):
        overlap = [len(set(r) & set(t)) / 20 for r, t in zip(reference, top(stored))]
        print(f"{name:8} {size:5} bytes per vector; top-20 overlap with float32: mean {np.mean(overlap):.4f}, lowest {min(overlap):.2f}")


if __name__ == "__main__":
    main()
