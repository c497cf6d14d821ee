#!/usr/bin/env python3
"""The core clearance model in SimPy, in its fastest idiom, next to clearcast's engine on the same model.

Reads what `BenchSummary peers-export-clearance --out DIR` wrote: the model (task areas in priority
order, team count, productivity and survey-share distributions, horizon) and clearcast's results
(completion day of every replication, tasks completed, seconds on one thread and on all cores).

The model (see Sources/BenchSummary/PeerClearanceExport.swift): every task is a technical survey
that releases a Beta(a, b) share of its area, then clearance of the rest; teams take the first
available step in priority order; a step of q m^2 at a sampled productivity p (lognormal, floored at
1 % of its mean) takes max(1, ceil(q / p)) days; every day is a working day; a task is released on
the last day worked (`now - 1`); steps ending after the horizon do not count.

SimPy idiom: one PriorityStore of available steps (priority = task position) and one process per
team looping `get -> timeout -> put next step`; no PriorityResource. Random numbers come from
numpy's Generator, so individual replications differ from clearcast's; the answers are compared as
distributions: the mean hazardous area left at every year end, and the mean completion day and its
10/50/90 % quantiles, must agree within 4 standard errors (mean: sqrt(s1^2/n1 + s2^2/n2); quantiles:
the same times 1.25, the asymptotic factor of the median, with a floor of one day). The speed
figure is tasks completed per second, one core each.
"""
import argparse
import json
import math
import pathlib
import sys
import time

import numpy as np
import simpy


def replicate(model, rng):
    """One replication; returns (completion day or None, tasks completed, remaining area per year end)."""
    areas = model["areas"]
    horizon = model["horizonDays"]
    year_ends = model["yearEndDays"]
    mu, sigma = model["productivityMu"], model["productivitySigma"]
    floor = 0.01 * math.exp(mu + sigma * sigma / 2)
    a, b = model["surveyShareAlpha"], model["surveyShareBeta"]
    cap = horizon + 1
    n = len(areas)
    hazard = list(areas)
    release_day = [-1] * n
    clearing = {}  # task -> (start day, days, area) of a clearance step in progress
    remaining = []

    env = simpy.Environment()
    store = simpy.PriorityStore(env)
    for i in range(n):
        store.put((i, 0))  # (position, step): 0 = technical survey, 1 = clearance

    def team():
        while True:
            i, step = yield store.get()
            q = max(hazard[i], 1e-9)
            p = max(rng.lognormal(mu, sigma), floor)
            days = int(min(max(math.ceil(q / p * (1 - 1e-12)), 1), cap))
            start = int(env.now)
            if step == 1:
                clearing[i] = (start, days, q)
            yield env.timeout(days)
            now = int(env.now)
            if step == 0:
                share = min(max(rng.beta(a, b), 0.0), 1.0)
                hazard[i] -= share * hazard[i]
                if hazard[i] > 1e-6:
                    store.put((i, 1))
                    continue
            else:
                del clearing[i]
            hazard[i] = 0.0
            release_day[i] = now - 1

    def snapshot(t):
        # Area not yet released at the start of day t; clearance is credited linearly per day worked.
        progress = sum(q * min(max(t - s0, 0), d) / d for s0, d, q in clearing.values())
        remaining.append(sum(hazard) - progress)

    def year_ends_process():
        for t in year_ends[:-1]:
            yield env.timeout(t + 0.5 - env.now)  # half a day after the boundary, as clearcast
            snapshot(t)

    for _ in range(model["teams"]):
        env.process(team())
    env.process(year_ends_process())
    env.run(until=horizon + 1)  # events at day <= horizon, as clearcast
    snapshot(horizon)
    done = sum(1 for d in release_day if d >= 0)
    return (max(release_day) if done == n else None), done, remaining


def summary(days):
    finished = np.array([d for d in days if d is not None], dtype=float)
    return finished, len(days) - len(finished)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("directory")
    ap.add_argument("--replications", type=int, default=None,
                    help="SimPy replications (default: as many as clearcast ran)")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--json", help="append the result as one JSON line to this file")
    args = ap.parse_args()

    d = pathlib.Path(args.directory)
    model = json.loads((d / "clearance_model.json").read_text())
    cc = json.loads((d / "clearance_clearcast.json").read_text())
    reps = args.replications or cc["replications"]
    rng = np.random.default_rng(args.seed)

    t0 = time.perf_counter()
    results = [replicate(model, rng) for _ in range(reps)]
    seconds = time.perf_counter() - t0
    py_days, py_unfinished = summary([r[0] for r in results])
    py_tasks = sum(r[1] for r in results)
    cc_days, cc_unfinished = summary(cc["completionDays"])

    py_rate = py_tasks / seconds
    cc_rate1 = cc["tasksCompleted"] / cc["secondsOneThread"]
    cc_rate_all = cc["tasksCompleted"] / cc["secondsAllThreads"]
    env = cc["environment"]
    print(f"Core clearance model: {len(model['areas'])} tasks, {model['teams']} teams, horizon "
          f"{model['horizonDays']} days; SimPy {simpy.__version__} (python {sys.version.split()[0]}), "
          f"clearcast on {env['cpuModel']}, {env['date']}")
    print(f"{'':28} {'replications':>12} {'unfinished':>10} {'mean day':>9} {'p10':>7} {'p50':>7} {'p90':>7} "
          f"{'tasks/s':>11}")
    ok = True
    rows = [("clearcast (1 thread)", len(cc_days) + cc_unfinished, cc_unfinished, cc_days, cc_rate1),
            ("SimPy", reps, py_unfinished, py_days, py_rate)]
    for name, n, unfinished, days, rate in rows:
        q = np.quantile(days, [0.1, 0.5, 0.9]) if len(days) else [math.nan] * 3
        print(f"{name:28} {n:12d} {unfinished:10d} {days.mean() if len(days) else math.nan:9.1f} "
              f"{q[0]:7.0f} {q[1]:7.0f} {q[2]:7.0f} {rate:11.3g}")
    print(f"{'clearcast (' + str(cc['threadsAll']) + ' threads)':28} {'':12} {'':10} {'':9} {'':7} {'':7} {'':7} "
          f"{cc_rate_all:11.3g}")

    # Remaining area at each year end: a much tighter check than the completion day, which hangs on
    # the single largest task.
    py_rem = np.array([r[2] for r in results])
    cc_rem = np.array(cc["remainingByYear"])
    total = float(sum(model["areas"]))
    se_rem = np.sqrt(py_rem.var(axis=0, ddof=1) / len(py_rem) + cc_rem.var(axis=0, ddof=1) / len(cc_rem))
    diff_rem = np.abs(py_rem.mean(axis=0) - cc_rem.mean(axis=0))
    z = diff_rem / np.maximum(se_rem, 1e-9 * total)
    worst = int(np.argmax(z))
    rem_ok = bool((z <= 4).all())
    ok &= rem_ok
    print(f"  remaining area at year ends 1-{len(z)}: largest |diff| {diff_rem.max() / total:.2%} of the total area; "
          f"largest |diff|/SE {z[worst]:.2f} (year {worst + 1}; allowed 4) -> {'agree' if rem_ok else 'DISAGREE'}")
    print("  mean remaining share, clearcast vs SimPy: " + ", ".join(
        f"y{y + 1} {cc_rem.mean(axis=0)[y] / total:.3f}/{py_rem.mean(axis=0)[y] / total:.3f}" for y in range(0, len(z), 3)))

    if len(py_days) > 1 and len(cc_days) > 1:
        se = math.sqrt(py_days.var(ddof=1) / len(py_days) + cc_days.var(ddof=1) / len(cc_days))
        checks = [("mean", py_days.mean(), cc_days.mean(), 4 * max(se, 1e-9))]
        for p in (0.1, 0.5, 0.9):
            checks.append((f"p{int(p * 100)}", float(np.quantile(py_days, p)), float(np.quantile(cc_days, p)),
                           4 * max(1.25 * se, 1.0)))
        for name, a, b, tol in checks:
            agree = abs(a - b) <= tol
            ok &= agree
            print(f"  {name:5} SimPy {a:8.1f}  clearcast {b:8.1f}  |diff| {abs(a - b):6.1f}  allowed {tol:6.1f}  "
                  f"{'agree' if agree else 'DISAGREE'}")
    else:
        ok = False
        print("  too few finished replications to compare")
    speedup = cc_rate1 / py_rate
    print(f"clearcast vs SimPy, tasks completed per second on one core: {speedup:.0f}x "
          f"(all cores: {cc_rate_all / py_rate:.0f}x; target >= 30x on one core) -> {'met' if speedup >= 30 else 'NOT met'}")
    if args.json:
        with open(args.json, "a") as f:
            f.write(json.dumps({"benchmark": f"peer.clearance.simpy.tasks{len(model['areas'])}.teams{model['teams']}",
                                "simpyTasksPerSecond": py_rate, "clearcastTasksPerSecondOneThread": cc_rate1,
                                "clearcastTasksPerSecondAllThreads": cc_rate_all, "speedupOneThread": speedup,
                                "agrees": ok, "environment": env}) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
