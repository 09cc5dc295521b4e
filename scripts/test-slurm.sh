#!/usr/bin/env bash
# The scale-out test (`make test-slurm`, docs/scale-out.md): a one-node Slurm
# cluster in a temporary folder (scripts/slurm-cluster.sh; installs slurm-wlm
# and munge when missing, as root), 4 shards of the reference plan and a
# Sobol study in 3 shards submitted through deploy/slurm/submit.sh, waited
# for with a timeout, their merged outputs compared byte for byte with
# unsharded runs; then the daemons are stopped and the folder removed,
# whatever happened.
#
#   scripts/test-slurm.sh            # debug build
#   BUILD=release scripts/test-slurm.sh
#   FUNNELCAST_SLURM_TIMEOUT=900 scripts/test-slurm.sh   # seconds to wait for the jobs (default 600)
#   SWIFT_BUILD_FLAGS="--scratch-path .build-x" scripts/test-slurm.sh
#   SWIFT_BUILD_WHAT=--build-tests scripts/test-slurm.sh   # what to build (default --product funnelcast;
#                                    # make test-slurm builds the tests' build, which has funnelcast too)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
build=${BUILD:-debug}
timeout=${FUNNELCAST_SLURM_TIMEOUT:-600}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/funnelcast-slurm.XXXXXX")
cleanup() {
    local status=$?
    if [ -n "${SLURM_CONF:-}" ] && command -v scancel >/dev/null 2>&1; then
        scancel --quiet --user "$(id -un)" 2>/dev/null || true
    fi
    "$root/scripts/slurm-cluster.sh" stop "$tmp/cluster" || true
    rm -rf "$tmp"
    exit $status
}
trap cleanup EXIT INT TERM
started=$(date +%s)

echo "test-slurm: building funnelcast ($build)"
# shellcheck disable=SC2086
swift build -c "$build" ${SWIFT_BUILD_FLAGS:-} ${SWIFT_BUILD_WHAT:---product funnelcast} >"$tmp/build.log" 2>&1 \
    || { cat "$tmp/build.log" >&2; exit 1; }
# shellcheck disable=SC2086
bin=$(swift build -c "$build" ${SWIFT_BUILD_FLAGS:-} --show-bin-path)/funnelcast

"$root/scripts/slurm-cluster.sh" start "$tmp/cluster"
export SLURM_CONF="$tmp/cluster/slurm.conf"

plan=Scenarios/reference-plan.yaml
run_options=(--trials 2000 --seed 20270104 --trials-csv)
sobol_options=(--method sobol --trials 40 --bootstrap 200)

submit() {  # submit NAME SHARDS COMMAND OPTIONS... -> the merge job's id
    local name=$1; shift
    FUNNELCAST="$bin" FUNNELCAST_WORK="$tmp/$name" deploy/slurm/submit.sh "$plan" "$@" \
        | tee "$tmp/$name.submit" >&2
    sed -n 's/^FUNNELCAST_MERGE_JOB=//p' "$tmp/$name.submit"
}
run_job=$(submit run 4 run "${run_options[@]}")
sobol_job=$(submit sobol 3 sensitivity "${sobol_options[@]}")

# The unsharded runs, while the cluster works.
"$bin" run "$plan" "${run_options[@]}" --out "$tmp/one-run" --quiet
"$bin" sensitivity "$plan" "${sobol_options[@]}" --out "$tmp/one-sobol" --quiet

state() { scontrol show job -o "$1" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p'; }
wait_for() {  # wait_for JOB NAME
    local s
    while :; do
        s=$(state "$1")
        case "$s" in
            COMPLETED) return 0 ;;
            FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY|BOOT_FAIL|DEADLINE)
                echo "test-slurm: $2 merge job $1 ended $s" >&2
                tail -n 20 "$tmp/$2"/logs/*.out >&2 || true
                return 1 ;;
        esac
        if [ $(( $(date +%s) - started )) -gt "$timeout" ]; then
            echo "test-slurm: $2 not done after ${timeout}s (state ${s:-unknown})" >&2
            squeue >&2 || true
            tail -n 20 "$tmp/$2"/logs/*.out >&2 || true
            return 1
        fi
        sleep 1
    done
}
wait_for "$run_job" run
wait_for "$sobol_job" sobol

status=0
compare_files() {  # compare_files NAME FILE...
    local name=$1; shift
    for f in "$@"; do
        if cmp -s "$tmp/one-$name/$f" "$tmp/$name/out/$f"; then
            echo "test-slurm: $name $f identical ($(wc -c < "$tmp/$name/out/$f") bytes)"
        else
            echo "test-slurm: $name $f differs from the unsharded run" >&2
            status=1
        fi
    done
}
compare_files run summary.csv timeline.csv funnel.csv trials.csv
compare_files sobol sensitivity-sobol.csv
parts=$(ls "$tmp"/run/parts/*.fcpart "$tmp"/sobol/parts/*.fcpart | wc -l)
[ "$parts" -eq 7 ] || { echo "test-slurm: expected 7 parts, found $parts" >&2; status=1; }
echo "test-slurm: $([ $status -eq 0 ] && echo passed || echo FAILED) in $(( $(date +%s) - started )) s"
exit $status
