#!/usr/bin/env bash
# Renders the reference plan's HTML report (and a page with hand-made
# tornado and interventions sections, when given) in headless Chromium,
# takes a 1280x4000 screenshot of each, and checks page, DOM, console log
# and screenshot with scripts/check-report.py.
#
#   scripts/test-report.sh FUNNELCAST OUT_DIR [SAMPLE.html]
#
# REPORT_TRIALS sets the trials of the reference plan's run (default 2000),
# TORNADO_TRIALS the trials of each of its tornado's runs (default 20: the
# chart is checked, not its numbers).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bin=$1
out=$2
sample=${3:-}
trials=${REPORT_TRIALS:-2000}
tornado_trials=${TORNADO_TRIALS:-20}
mkdir -p "$out"
out=$(cd "$out" && pwd)

browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "test-report: chromium is missing; run scripts/install-chromium.sh" >&2; exit 1; }

# Chromium wants a profile and a runtime directory of its own.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
export XDG_RUNTIME_DIR=$profile HOME=$profile
flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars --no-first-run
       --user-data-dir="$profile/chromium" --enable-logging=stderr --v=0)

# render NAME FILE.html: OUT/NAME.png, OUT/NAME.dom.html, OUT/NAME.log. The
# DOM is dumped from OUT/NAME.probe.html, a copy of the page with
# scripts/label-probe.js before </body>: it measures the charts' label boxes
# in the browser and leaves any overlaps in the DOM (the shipped page itself
# runs no script).
render() {
    local name=$1 page=$2
    "$browser" "${flags[@]}" --window-size=1280,4000 --screenshot="$out/$name.png" "file://$page" 2>"$out/$name.log" >/dev/null
    python3 - "$page" "$out/$name.probe.html" scripts/label-probe.js <<'PY'
import sys
page, probe, script = sys.argv[1:4]
text = open(page, encoding="utf-8").read()
js = open(script, encoding="utf-8").read()
at = text.rfind("</body>")
assert at >= 0, page + ": no </body>"
open(probe, "w", encoding="utf-8").write(text[:at] + "<script>" + js + "</script>" + text[at:])
PY
    "$browser" "${flags[@]}" --window-size=1280,4000 --dump-dom "file://$out/$name.probe.html" 2>>"$out/$name.log" \
        >"$out/$name.dom.html"
}

charts() {  # charts SCOPE... : the chart ids of those scopes
    local ids=""
    for s in "$@"; do ids="$ids,fan-$s,ttf-$s,funnel-$s"; done
    echo "${ids#,}"
}

echo "test-report: the reference plan's report, $trials trials, its interventions and a tornado of $tornado_trials trials a run"
"$bin" report Scenarios/reference-plan.yaml --trials "$trials" --tornado --tornado-trials "$tornado_trials" \
    --out "$out/reference-plan.html" --quiet
render reference-plan "$out/reference-plan.html"
status=0
python3 scripts/check-report.py --html "$out/reference-plan.html" --dom "$out/reference-plan.dom.html" \
    --log "$out/reference-plan.log" --png "$out/reference-plan.png" \
    --charts "$(charts plan backend sales support),capacity-recruiters,capacity-interviewers,tornado,interventions" || status=1

if [ -n "$sample" ]; then
    echo "test-report: the page with tornado and interventions"
    render sample-extras "$sample"
    python3 scripts/check-report.py --html "$sample" --dom "$out/sample-extras.dom.html" \
        --log "$out/sample-extras.log" --png "$out/sample-extras.png" \
        --charts "$(charts plan backend sales),tornado,interventions,plan-0" || status=1
fi

[ $status -eq 0 ] && echo "test-report: OK; screenshots in $out"
exit $status
