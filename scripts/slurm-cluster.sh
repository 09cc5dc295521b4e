#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for the scale-out test
# (`make test-slurm`): munged, slurmctld and slurmd with a generated
# slurm.conf, everything (keys, sockets, spool, state, logs, pid files)
# inside one folder, on ports of its own, so it touches nothing system-wide
# and stops without a trace.
#
#   scripts/slurm-cluster.sh start DIR   # installs slurm-wlm and munge if missing (root)
#   export SLURM_CONF=DIR/slurm.conf     # what sbatch, squeue, sinfo read
#   scripts/slurm-cluster.sh stop DIR    # stops the daemons by their pid files
#
# No cgroups needed: ProctrackType=proctrack/linuxproc, TaskPlugin=task/none.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 64; }
[ $# -eq 2 ] || usage
action=$1
dir=$2

install_slurm() {
    command -v slurmctld >/dev/null 2>&1 && command -v slurmd >/dev/null 2>&1 \
        && command -v munged >/dev/null 2>&1 && command -v sbatch >/dev/null 2>&1 && return 0
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        echo "slurm-cluster: Slurm is missing; install Debian's slurm-wlm and munge (as root: apt-get install -y slurm-wlm munge)" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
}

# Stops the daemon whose pid file is $1 (TERM, then KILL after 10 s).
stop_pidfile() {
    local f=$1 pid
    [ -f "$f" ] || return 0
    pid=$(cat "$f" 2>/dev/null || true)
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$f"
}

stop() {
    stop_pidfile "$dir/run/slurmd.pid"
    stop_pidfile "$dir/run/slurmctld.pid"
    stop_pidfile "$dir/run/munged.pid"
}

start() {
    install_slurm
    dir=$(mkdir -p "$dir" && cd "$dir" && pwd)
    mkdir -p "$dir"/{munge,run,log,state,spool}
    chmod 700 "$dir/munge"
    if [ ! -f "$dir/munge/munge.key" ]; then
        dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
        chmod 400 "$dir/munge/munge.key"
    fi
    local socket="$dir/munge/munge.socket"
    munged --force --socket="$socket" --key-file="$dir/munge/munge.key" \
        --pid-file="$dir/run/munged.pid" --log-file="$dir/log/munged.log" \
        --seed-file="$dir/munge/munged.seed"

    local host cpus mem port
    host=$(hostname -s)
    cpus=$(nproc)
    mem=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 / 2 ))
    # Ports of our own: a system Slurm, if any, keeps 6817/6818.
    port=${FUNNELCAST_SLURM_PORT:-16817}
    cat > "$dir/slurm.conf" <<CONF
ClusterName=funnelcast-test
SlurmctldHost=$host
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/run/slurmctld.pid
SlurmdPidFile=$dir/run/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
SlurmdTimeout=60
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP OverSubscribe=NO
CONF
    export SLURM_CONF="$dir/slurm.conf"
    slurmctld -f "$SLURM_CONF"
    slurmd -f "$SLURM_CONF"
    # Ready when the node answers as idle (up to 60 s).
    for _ in $(seq 1 120); do
        if sinfo -h -o '%T' 2>/dev/null | grep -qE '^idle'; then
            echo "slurm-cluster: one node ($host, $cpus CPUs) up; SLURM_CONF=$SLURM_CONF"
            return 0
        fi
        sleep 0.5
    done
    echo "slurm-cluster: the node did not come up within 60 s; logs in $dir/log" >&2
    tail -n 20 "$dir"/log/*.log >&2 || true
    stop
    exit 1
}

case "$action" in
    start) start ;;
    stop) stop ;;
    *) usage ;;
esac
