#!/usr/bin/env bash
# Renders a monthly HTML report in headless Chromium (Debian's `chromium`)
# at a phone width and a desktop width, so that a person can look at it.
#
# Usage: scripts/screenshot-report.sh [MONTH] [OUTDIR]
#   MONTH   defaults to 2025-12 of a 400-day generated history
#   OUTDIR  defaults to /tmp/arxive-screenshots
set -euo pipefail
cd "$(dirname "$0")/.."
month=${1:-2025-12}
out=${2:-/tmp/arxive-screenshots}
command -v chromium >/dev/null || { echo "needs chromium: apt-get install chromium" >&2; exit 1; }
mkdir -p "$out"
swift build -c release --product arxive >/dev/null
swift build -c release --product arxive-generate >/dev/null
db="$out/archive.sqlite"
if [ ! -f "$db" ]; then
    rm -rf "$out/history"
    .build/release/arxive-generate --days 400 "$out/history" >/dev/null
    .build/release/arxive import --db "$db" "$out/history/daily" 2>/dev/null
    .build/release/arxive import --db "$db" --digest upstream "$out/history/upstream" 2>/dev/null
fi
.build/release/arxive report "$month" --format html --db "$db" -o "$out/report-$month.html"
for size in phone:390,2400 desktop:1280,2400; do
    name=${size%%:*}; dims=${size#*:}
    chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars \
        --window-size="$dims" --screenshot="$out/report-$month-$name.png" "file://$out/report-$month.html" 2>/dev/null
    echo "$out/report-$month-$name.png"
done
