#!/usr/bin/env python3
"""Import CPU time per run, old build against new, interleaved.

For a change to the import path that should cost (almost) nothing, such as
the loss guard that scans every file's bytes: both builds import the same
generated history twice over, plain (every era's Markdown and JSON) and
`--today` (topic bundles, spotlight files and files that hold no digest
besides), round by round, old and new alternating so that the shared
machine's noise hits both alike. It reports the median CPU time (user +
system, from the child's rusage, so another process's load does not count)
per run for each, and the ratio new/old.

Usage: scripts/bench-import-cpu.py --old OLD_ARXIVE --new NEW_ARXIVE --generate ARXIVE_GENERATE [--days 400] [--rounds 7]
The binaries: release builds (`swift build -c release --static-swift-stdlib --product arxive`),
the old one from a worktree of the revision before the change.
"""
import argparse, json, os, shutil, statistics, subprocess, sys, tempfile


def cpu_seconds(args):
    """Runs args; the child's user + system CPU seconds."""
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{args}: exit {os.waitstatus_to_exitcode(status)}: {process.stderr.read().decode()}")
    return usage.ru_utime + usage.ru_stime


def fresh(db):
    for f in (db, db + "-wal", db + "-shm"):
        if os.path.exists(f):
            os.remove(f)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--old", required=True)
    p.add_argument("--new", required=True)
    p.add_argument("--generate", required=True)
    p.add_argument("--days", type=int, default=400)
    p.add_argument("--rounds", type=int, default=7)
    a = p.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    work = tempfile.mkdtemp(prefix="arxive-import-cpu-")
    histories = {}
    for name, flags in (("plain", []), ("today", ["--today"])):
        folder = os.path.join(work, name)
        out = subprocess.run([a.generate, "--days", str(a.days), *flags, folder], check=True, capture_output=True, text=True)
        print(f"{name}: {out.stdout.strip()}")
        histories[name] = os.path.join(folder, "daily")
    bins = {"old": a.old, "new": a.new}
    times = {(h, k): [] for h in histories for k in bins}
    runs = {}
    for r in range(a.rounds):
        for h in histories:
            for k in (("old", "new") if r % 2 == 0 else ("new", "old")):
                db = os.path.join(work, f"{h}-{k}.sqlite")
                fresh(db)
                times[(h, k)].append(cpu_seconds([bins[k], "import", "--db", db, histories[h]]))
                stats = subprocess.run([bins[k], "stats", "--db", db, "--json"], check=True, capture_output=True, text=True).stdout
                runs[(h, k)] = json.loads(stats)["runs"]
        print(f"round {r + 1}: " + ", ".join(f"{h}/{k} {times[(h, k)][-1]:.2f} s" for h in histories for k in bins))
    med = statistics.median
    print()
    for h in histories:
        per_run = {k: med(times[(h, k)]) / runs[(h, k)] * 1000 for k in bins}
        print(f"{h:6} {runs[(h, 'new')]} runs: old {per_run['old']:.3f} ms CPU per run, new {per_run['new']:.3f} ms, "
              f"new/old {per_run['new'] / per_run['old']:.3f}  (medians of {a.rounds})")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
