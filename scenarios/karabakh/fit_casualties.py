#!/usr/bin/env python3
"""Fit the civilian exposure parameters of baseline.yaml to the yearly casualty series (issue 20).

Runs `clearcast simulate backtest-2020.yaml` with horizons of 1..4 years and differences the
cumulative expected civilian casualties, so each simulation year (12 months from 10 Nov) gets
its modelled count. Two parameters are fitted on a grid: `incidents_per_year` (the day-0 rate)
and `risk_education.effect` (how much a yearly campaign cuts the risk); marking, the education
half-life, hazard factors and background exposure stay as baseline.yaml has them (4 data points
do not carry more). The loss is the Poisson deviance of the observed casualties (all victims
outside clearance, minus nothing: the sources do not separate deminer accidents), scaled by the
dispersion (deviance / (n - 2)) for approximate 90 % profile intervals (scaled deviance rise < 2.71).

    python3 scenarios/karabakh/fit_casualties.py [--clearcast .build/release/clearcast] [--selftest]

--selftest fits a series the model itself generated with known parameters and prints what it recovers.
"""

import argparse
import math
import os
import re
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIO = os.path.join(HERE, "backtest-2020.yaml")
# Simulation years from 10 Nov 2020 (backtest-observed.csv, backtest-results.md): all victims.
OBSERVED = [183, 75, 65, 41]   # 172-197 to Oct-Dec 2021; 71-80; 58-73; 41 (2024) [R]/[D]
RATES = [40, 80, 120, 160, 200, 240, 280, 320]
EFFECTS = [0.0, 0.2, 0.4, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95]


def yearly(clearcast, rate, effect, years=4):
    """Modelled civilian casualties per simulation year 1..years."""
    cumulative = [0.0]
    for h in range(1, years + 1):
        out = subprocess.run(
            [clearcast, "simulate", SCENARIO, "--replications", "2", "--quiet",
             "--set", f"simulation.horizon_years={h}",
             "--set", f"simulation.civilian_risk.incidents_per_year={rate}",
             "--set", f"simulation.civilian_risk.risk_education.effect={effect}"],
            capture_output=True, text=True, check=True).stdout
        m = re.search(r"civilian casualties expected over the horizon: ([0-9.,]+)", out)
        cumulative.append(float(m.group(1).replace(",", "")))
    return [b - a for a, b in zip(cumulative, cumulative[1:])]


def deviance(observed, expected):
    return 2 * sum((o * math.log(o / e) if o > 0 else 0) - (o - e) for o, e in zip(observed, expected))


def fit(clearcast, observed):
    table = {(r, e): yearly(clearcast, r, e) for r in RATES for e in EFFECTS}
    scored = {k: deviance(observed, v) for k, v in table.items()}
    best = min(scored, key=scored.get)
    phi = max(scored[best] / max(len(observed) - 2, 1), 1.0)
    inside = [k for k, d in scored.items() if (d - scored[best]) / phi < 2.71]
    return best, table[best], scored[best], phi, inside


def report(label, observed, result):
    (rate, effect), model, dev, phi, inside = result
    print(f"{label}: incidents_per_year {rate}, risk_education.effect {effect}; deviance {dev:.1f}, dispersion {phi:.1f}")
    print("  year  observed  modelled")
    for y, (o, m) in enumerate(zip(observed, model), 1):
        print(f"  {y:4d}  {o:8.1f}  {m:8.1f}")
    rates = sorted({k[0] for k in inside}); effects = sorted({k[1] for k in inside})
    print(f"  90 % profile region on the grid: incidents_per_year {rates[0]}-{rates[-1]}, effect {effects[0]}-{effects[-1]}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clearcast", default=os.path.join(HERE, "..", "..", ".build", "release", "clearcast"))
    parser.add_argument("--selftest", action="store_true")
    args = parser.parse_args()
    if args.selftest:
        truth = yearly(args.clearcast, 120, 0.6)
        report("self-test (truth 120, 0.6)", truth, fit(args.clearcast, truth))
    report("Karabakh 2020-2024", OBSERVED, fit(args.clearcast, OBSERVED))


if __name__ == "__main__":
    main()
