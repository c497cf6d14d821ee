#!/usr/bin/env bash
# End-to-end benchmark: the clearcast binary comparing scenarios at 1,000 replications, timed as a
# whole process (start-up, scenario loading, layers, scoring, simulation, reports).
#
# Usage (from Benchmarks/, or via `make e2e`):
#   scripts/end_to_end.sh [SCENARIO.yaml ...]
# Environment:
#   COMMAND       compare (default: one `clearcast compare` of all scenarios) or simulate (one
#                 `clearcast simulate` per scenario, in sequence, timed together)
#   SCENARIOS     scenario files to compare (default: the Karabakh variants bundled in scenarios/karabakh)
#   REPLICATIONS  replications per scenario (default 1000)
#   CLEARCAST_ARGS extra arguments passed to `clearcast compare` (e.g. "--threads 2 --seed 2026")
#   RUNS          timed runs (default 3; the minimum and mean are reported)
#   OUT           output directory for clearcast's reports (default: a temporary directory)
# Uses hyperfine (Debian package `hyperfine`) when installed, else times the runs itself.
# Prints the OpenBLAS kernel, CPU model, load and date with the result.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/.." && pwd)"
REPLICATIONS="${REPLICATIONS:-1000}"
RUNS="${RUNS:-3}"
CLEARCAST_ARGS="${CLEARCAST_ARGS:-}"
if [ "$#" -gt 0 ]; then
    scenarios=("$@")
elif [ -n "${SCENARIOS:-}" ]; then
    read -r -a scenarios <<<"$SCENARIOS"
else
    scenarios=("$root/scenarios/karabakh/baseline.yaml" "$root/scenarios/karabakh/capacity-doubled.yaml"
               "$root/scenarios/karabakh/funding-freeze.yaml" "$root/scenarios/karabakh/more-survey.yaml")
fi
out="${OUT:-$(mktemp -d)}"

# Built through this (Benchmarks) package: it reuses the release build of the modules that `make
# bench` already made, in Benchmarks/.build, and leaves the main package's .build alone.
echo "Building clearcast (release) ..."
(cd "$here" && swift build -c release --scratch-path .build --product clearcast >/dev/null)
bin="$here/.build/release/clearcast"

COMMAND="${COMMAND:-compare}"
if ! "$bin" "$COMMAND" --help >/dev/null 2>&1; then
    echo "clearcast has no '$COMMAND' subcommand yet: nothing to time." >&2
    echo "Once it exists, run: $0 SCENARIO.yaml ...   (or COMMAND=simulate $0 ... meanwhile)" >&2
    exit 3
fi

if [ "$COMMAND" = compare ]; then
    cmd=("$bin" compare "${scenarios[@]}" --replications "$REPLICATIONS" --quiet --out "$out/compare.json")
    # (compare writes one JSON result with every scenario and the paired differences.)
    # shellcheck disable=SC2206
    [ -n "$CLEARCAST_ARGS" ] && cmd+=($CLEARCAST_ARGS)
else
    script=""
    for s in "${scenarios[@]}"; do
        script+="'$bin' $COMMAND '$s' --replications $REPLICATIONS --quiet --out '$out/$(basename "$s" .yaml).json' $CLEARCAST_ARGS && "
    done
    cmd=(bash -c "${script}true")
fi

echo "Date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "CPU:     $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //') ($(nproc) CPUs)"
echo "Load:    $(cut -d' ' -f1-3 /proc/loadavg)"
echo "OpenBLAS threads: ${OPENBLAS_NUM_THREADS:-default (all cores)}; kernel: as reported by clearcast (BLASInfo.coreName)"
echo "Command: ${cmd[*]}"
"${cmd[@]}" >/dev/null  # warm-up, and fail early on errors

if command -v hyperfine >/dev/null; then
    hyperfine --runs "$RUNS" --export-json "$out/e2e-hyperfine.json" "${cmd[*]}"
else
    times=()
    for _ in $(seq "$RUNS"); do
        start=$(date +%s.%N)
        "${cmd[@]}" >/dev/null
        end=$(date +%s.%N)
        times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')")
    done
    printf '%s\n' "${times[@]}" | awk -v n="${#scenarios[@]}" -v r="$REPLICATIONS" '
        { s += $1; if (min == "" || $1 < min) min = $1 }
        END { printf "whole process: min %.2f s, mean %.2f s over %d runs (%d scenarios x %d replications)\n", min, s / NR, NR, n, r }'
fi
echo "Reports in $out"
