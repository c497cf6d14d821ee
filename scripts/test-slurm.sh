#!/usr/bin/env bash
# `make test-slurm`: clearcast's sharded runs on a real Slurm, started on this machine.
#
# Installs Debian's slurm-wlm and munge when missing (as root, with apt; skips visibly otherwise),
# starts munged, slurmctld and slurmd on localhost with a minimal configuration in a temporary
# directory (own munge socket and key, own ports, state and logs: nothing under /etc is touched),
# then for each case runs the unsharded command, emits the same run with `--emit slurm`, submits the
# array and the merge (afterok), waits, and checks the merged result is byte-identical (cmp) to the
# unsharded one. Cases: a 10,000-replication simulation of the demo in 8 shards, and a Morris
# sensitivity analysis sharded by design point. Prints the times: the end-to-end Slurm run against
# the unsharded run, and the overhead per shard. Always stops its daemons (trap), by their PIDs.
#
# Environment: CLEARCAST (binary; default: builds the release one), SHARDS (8), REPLICATIONS (10000),
# KEEP=1 keeps the temporary directory.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

skip() { echo "test-slurm: SKIPPED: $*" >&2; exit 0; }

need=()
for tool in sbatch squeue sinfo slurmctld slurmd munged munge; do command -v "$tool" >/dev/null 2>&1 || need+=("$tool"); done
if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ]; then skip "slurm-wlm and munge are missing (${need[*]}) and this is not root: apt-get install -y slurm-wlm munge"; fi
    command -v apt-get >/dev/null 2>&1 || skip "slurm-wlm and munge are missing (${need[*]}) and there is no apt-get"
    echo "test-slurm: installing slurm-wlm and munge (missing: ${need[*]})"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi
[ "$(id -u)" = 0 ] || skip "slurmd must run as root here (SlurmdUser=root, no cgroups); run as root"

if [ -z "${CLEARCAST:-}" ]; then
    swift build -c release --product clearcast >/dev/null
    CLEARCAST=$ROOT/.build/release/clearcast
fi
export CLEARCAST
SHARDS=${SHARDS:-8}
REPLICATIONS=${REPLICATIONS:-10000}

TMP=$(mktemp -d /tmp/clearcast-slurm.XXXXXX)
chmod 755 "$TMP"
PIDS=()
cleanup() {
    status=$?
    if [ -f "$TMP/slurm.conf" ]; then SLURM_CONF=$TMP/slurm.conf scancel --user=root >/dev/null 2>&1 || true; fi
    for pidfile in "$TMP/slurmd.pid" "$TMP/slurmctld.pid" "$TMP/munged.pid"; do
        if [ -s "$pidfile" ]; then kill "$(cat "$pidfile")" 2>/dev/null || true; fi
    done
    # Wait (up to 10 s) for them to exit, then make sure.
    for pidfile in "$TMP/slurmd.pid" "$TMP/slurmctld.pid" "$TMP/munged.pid"; do
        [ -s "$pidfile" ] || continue
        pid=$(cat "$pidfile")
        for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
    done
    if [ $status -ne 0 ]; then
        echo "test-slurm: FAILED; logs:" >&2
        for log in "$TMP"/slurmctld.log "$TMP"/slurmd.log "$TMP"/*/logs/*.out; do
            [ -f "$log" ] && { echo "== $log" >&2; tail -n 20 "$log" >&2; }
        done
    fi
    if [ "${KEEP:-0}" = 1 ]; then echo "test-slurm: kept $TMP"; else rm -rf "$TMP"; fi
    exit $status
}
trap cleanup EXIT INT TERM

# munge: a key of our own, our own socket (Slurm is pointed at it with AuthInfo).
mkdir -p "$TMP/munge" "$TMP/state" "$TMP/spool"
chmod 700 "$TMP/munge"
dd if=/dev/urandom of="$TMP/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$TMP/munge/munge.key"
SOCKET=$TMP/munge/munge.socket
munged --force --socket="$SOCKET" --key-file="$TMP/munge/munge.key" --pid-file="$TMP/munged.pid" \
    --log-file="$TMP/munge/munged.log" --seed-file="$TMP/munge/munged.seed" 2>/dev/null
for _ in $(seq 50); do [ -S "$SOCKET" ] && break; sleep 0.1; done
munge --socket="$SOCKET" -n | unmunge --socket="$SOCKET" | grep -q "STATUS: *Success" || { echo "munge does not work" >&2; exit 1; }

# Free ports for slurmctld and slurmd (not the defaults, so a site Slurm is left alone).
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
HOST=$(hostname -s)
CPUS=$(nproc)
MEMORY=$(( $(awk '/MemTotal/ {print int($2 / 1024)}' /proc/meminfo) - 1024 ))
cat > "$TMP/slurm.conf" <<EOF
ClusterName=clearcast-test
SlurmctldHost=$HOST
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
AuthType=auth/munge
AuthInfo=socket=$SOCKET
CredType=cred/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MailProg=/bin/true
StateSaveLocation=$TMP/state
SlurmdSpoolDir=$TMP/spool
SlurmctldPidFile=$TMP/slurmctld.pid
SlurmdPidFile=$TMP/slurmd.pid
SlurmctldLogFile=$TMP/slurmctld.log
SlurmdLogFile=$TMP/slurmd.log
NodeName=$HOST CPUs=$CPUS RealMemory=$MEMORY State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF=$TMP/slurm.conf
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
for _ in $(seq 60); do
    [ "$(sinfo -h -o %T 2>/dev/null | head -n 1)" = idle ] && break
    sleep 0.5
done
[ "$(sinfo -h -o %T | head -n 1)" = idle ] || { echo "the Slurm node did not come up idle: $(sinfo -h 2>&1)" >&2; exit 1; }
echo "test-slurm: Slurm $(sinfo --version | cut -d' ' -f2) up on $HOST ($CPUS CPUs)"

now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.1f}')"; }

# run_case NAME SHARDS ARGS...: unsharded, then emitted + submitted + merged; compares bytes.
run_case() {
    local name=$1 shards=$2; shift 2
    local dir=$TMP/$name
    mkdir -p "$dir"
    local t0 t1 t2 t3
    t0=$(now)
    "$CLEARCAST" "$@" --reproducible --quiet --out "$dir/unsharded.json" >/dev/null
    t1=$(now)
    "$CLEARCAST" "$@" --reproducible --quiet --out "$dir/merged.json" --emit slurm "$dir/job" --shards "$shards" >/dev/null
    grep -q -- "--array=1-$shards" "$dir/job/shards.sbatch"
    grep -q -- "--requeue" "$dir/job/shards.sbatch"
    t2=$(now)
    sh "$dir/job/submit.sh" >/dev/null
    local merge
    merge=$(cat "$dir/job/merge.jobid")
    for _ in $(seq 1200); do
        [ -z "$(squeue -h -j "$(cat "$dir/job/array.jobid"),$merge" 2>/dev/null)" ] && break
        sleep 0.5
    done
    t3=$(now)
    [ -f "$dir/merged.json" ] || { echo "$name: the merge wrote no result" >&2; exit 1; }
    [ "$(ls "$dir/job/parts" | wc -l)" = "$shards" ] || { echo "$name: expected $shards parts" >&2; exit 1; }
    cmp "$dir/unsharded.json" "$dir/merged.json"
    local direct slurm
    direct=$(elapsed "$t0" "$t1")
    slurm=$(elapsed "$t2" "$t3")
    echo "test-slurm: $name: merged result of $shards shards == unsharded run (cmp); unsharded ${direct} s, Slurm submit-to-result ${slurm} s on $CPUS CPUs, overhead per shard $(python3 -c "print(f'{($slurm - $direct / min($shards, $CPUS)) / $shards:.2f}')") s"
}

run_case simulate "$SHARDS" simulate scenarios/demo/demo.yaml --replications "$REPLICATIONS" --threads 1

cat > "$TMP/sensitivity.yaml" <<EOF
extends: $ROOT/Tests/ClearcastCLITests/Fixtures/valid.yaml
name: Slurm sensitivity
uncertainty:
  inputs:
    - path: simulation.teams[kind=manual].count
      range: [1, 4]
    - path: simulation.land_release.ts_reduce_share
      range: [0.1, 0.5]
  outputs: [completion_years.AP, completion_years.UXO, remaining_km2]
EOF
run_case sensitivity 5 sensitivity "$TMP/sensitivity.yaml" --method morris --samples 3 --replications 20 --threads 1
echo "test-slurm: passed"
