#!/usr/bin/env bash
# Submits a funnelcast run as a Slurm array job of SHARDS shards and a merge
# job that runs once every shard succeeded (docs/scale-out.md).
#
#   deploy/slurm/submit.sh SCENARIO SHARDS [COMMAND] [funnelcast options]
#
#   COMMAND: run (the default), compare or sensitivity; the options are the
#   command's own (--trials, --seed, --method sobol, --trials-csv, ...), not
#   --shard, --out or --threads, which the jobs set.
#
# Environment (all optional):
#   FUNNELCAST        the funnelcast binary (default: the one on PATH), on a
#                     path every node sees
#   FUNNELCAST_WORK   the shared folder for job.env, parts/ and the logs
#                     (default: ./funnelcast-YYYYmmdd-HHMMSS)
#   FUNNELCAST_OUT    the merge's --out folder (default: WORK/out)
#   FUNNELCAST_HTML   also the HTML report there (run only)
#   CPUS_PER_TASK     cores per shard, its --threads (default 1)
#   SBATCH_OPTIONS    more sbatch options for both jobs, e.g. "--partition=batch --time=2:00:00"
#
# Prints the two job ids, then FUNNELCAST_ARRAY_JOB=ID and FUNNELCAST_MERGE_JOB=ID
# lines for scripts.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -lt 2 ]; then
    sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
    exit 64
fi
scenario=$1
shards=$2
shift 2
command=run
case "${1:-}" in run|compare|sensitivity) command=$1; shift ;; esac
case "$shards" in ''|*[!0-9]*) echo "submit.sh: SHARDS must be a whole number, got '$shards'" >&2; exit 64 ;; esac
[ "$shards" -ge 1 ] || { echo "submit.sh: SHARDS must be at least 1" >&2; exit 64; }
for o in "$@"; do
    case "$o" in --shard|--shard=*|--out|--out=*|--threads|--threads=*)
        echo "submit.sh: $o is set by the jobs; leave it out" >&2; exit 64 ;;
    esac
done
[ -f "$scenario" ] || { echo "submit.sh: no scenario file $scenario" >&2; exit 66; }
bin=${FUNNELCAST:-$(command -v funnelcast || true)}
[ -x "$bin" ] || { echo "submit.sh: no funnelcast binary (set FUNNELCAST=/path/to/funnelcast)" >&2; exit 69; }
work=${FUNNELCAST_WORK:-$PWD/funnelcast-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$work/parts" "$work/logs"
work=$(cd "$work" && pwd)
abs() { case "$1" in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
out=$(abs "${FUNNELCAST_OUT:-$work/out}")
html=${FUNNELCAST_HTML:+$(abs "$FUNNELCAST_HTML")}
cpus=${CPUS_PER_TASK:-1}
{
    printf 'FUNNELCAST_BIN=%q\n' "$(abs "$bin")"
    printf 'FUNNELCAST_COMMAND=%q\n' "$command"
    # The scenario as given (relative to the submit folder, where the jobs run):
    # its name is part of the outputs (the HTML report shows it).
    printf 'FUNNELCAST_SCENARIO=%q\n' "$scenario"
    printf 'FUNNELCAST_SHARDS=%q\n' "$shards"
    printf 'FUNNELCAST_OUT=%q\n' "$out"
    printf 'FUNNELCAST_HTML=%q\n' "$html"
    printf 'FUNNELCAST_OPTIONS=('
    for o in "$@"; do printf '%q ' "$o"; done
    printf ')\n'
} > "$work/job.env"
# shellcheck disable=SC2086
array=$(sbatch --parsable --export=ALL,FUNNELCAST_WORK="$work" --chdir="$PWD" ${SBATCH_OPTIONS:-} \
    --array="0-$((shards - 1))" --cpus-per-task="$cpus" --output="$work/logs/shard-%a.out" \
    "$here/funnelcast-array.sbatch")
array=${array%%;*}
# shellcheck disable=SC2086
merge=$(sbatch --parsable --export=ALL,FUNNELCAST_WORK="$work" --chdir="$PWD" ${SBATCH_OPTIONS:-} \
    --dependency="afterok:$array" --kill-on-invalid-dep=yes --output="$work/logs/merge.out" \
    "$here/funnelcast-merge.sbatch")
merge=${merge%%;*}
echo "submitted $shards shards of '$command $scenario' as array job $array, merge job $merge; outputs in $out"
echo "FUNNELCAST_ARRAY_JOB=$array"
echo "FUNNELCAST_MERGE_JOB=$merge"
