#!/usr/bin/env python3
"""Write the Karabakh variant scenarios whose team lists differ from baseline.yaml.

    python3 scenarios/karabakh/make_variants.py

funding-freeze.yaml, international-doubled.yaml and capacity-doubled.yaml change every team
count, so they are written from one table here to keep the counts consistent with baseline.yaml.
Their `teams` lists merge into the baseline's by `name:` (docs/scenario-format.md, "How
`extends:` merges"): each item states only the counts; kind, productivity, base and the rest are
the baseline's. The other variants (more-survey, nearest-first, risk-per-effort, backtest-2020) are hand-written.
Team counts per year (2021..2025) are derived in README.md, "Capacity derivation".
"""

import os

HERE = os.path.dirname(os.path.abspath(__file__))

TEAMS = {  # kind: counts in 2021 (start), 2022, 2023, 2024, 2025, as in baseline.yaml
    "survey": (19, 41, 52, 61, 64), "manual": (37, 79, 100, 117, 122), "mechanical": (22, 47, 60, 70, 73),
    "dogs": (4, 9, 12, 14, 15), "bac": (49, 103, 131, 153, 160)}
HEAD = """# ============================================================================================
# Karabakh reference scenario: {title}
# Extends baseline.yaml; only the fields below differ. Hazards and incidents are SYNTHETIC
# (see README.md). Citations: "sources §N" (or "facts §N") = docs/sources.md section N, tags [S]/[R]/[D]/[G].
# Written by make_variants.py: edit the table there, not this file.
# ============================================================================================
clearcast: 1                        # format version (docs/scenario-format.md)
extends: baseline.yaml
name: {name}
description: >
{desc}
"""


def team_block(factor, label, freeze=False):
    out = ["  teams:   # merged into baseline's teams by name: only the counts differ"]
    for kind, c in TEAMS.items():
        s = [round(v * factor) for v in c]
        out.append(f"    - name: {kind}")
        if not freeze:
            out.append(f"      count: {s[0]:<22d}# [D] baseline 2021 count {c[0]} {label}")
        if freeze:
            # !replace: the plan is this one year, not the baseline's plan with 2022 changed.
            out.append(f"      capacity_plan: !replace {{2022: {s[1]}}}   # [D] baseline 2022 count, then frozen (no 2023-2025 growth)")
        else:
            out.append(f"      capacity_plan: {{2022: {s[1]}, 2023: {s[2]}, 2024: {s[3]}, 2025: {s[4]}}}"
                       f"   # [D] baseline {c[1]}/{c[2]}/{c[3]}/{c[4]} {label}")
    return "\n".join(out) + "\n"


def write(fn, title, name, desc, body):
    desc = "\n".join("  " + line for line in desc.strip().split("\n"))
    with open(os.path.join(HERE, fn), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(HEAD.format(title=title, name=name, desc=desc) + body)


def main():
    write("funding-freeze.yaml", "FUNDING FREEZE (capacity frozen at the 2022 level)",
          "Karabakh, capacity frozen at 2022",
          "Same as the baseline, but the capacity stops growing after 2022: every team kind keeps its\n"
          "2022 count (derived from the 41,915 ha released in 2022 [R], facts §3) for the whole horizon.",
          "simulation:\n" + team_block(1.0, "(unchanged)", freeze=True))
    write("international-doubled.yaml", "INTERNATIONAL SUPPORT DOUBLED (+4 % capacity)",
          "Karabakh, international support doubled (+4 % capacity)",
          "International money is about 4 % of Azerbaijan's demining spending [R] (AzCBL, Feb 2024,\n"
          "facts §3), so doubling it adds about 4 % to total capacity, not 100 %. Every team count is\n"
          "multiplied by 1.04 and rounded to the nearest team (small counts such as the 2021 dogs\n"
          "round back to the baseline value). The result is honestly small; see capacity-doubled.yaml\n"
          "for a doubling of the whole capacity.",
          "simulation:\n" + team_block(1.04, "x 1.04 (international share ~4 % of spending [R] sources §3, doubled)"))
    write("capacity-doubled.yaml", "WHOLE CAPACITY DOUBLED (what-if, not a funding scenario)",
          "Karabakh, whole capacity doubled",
          "Every team count of the baseline doubled from the start. This is a what-if bound, not a\n"
          "forecast of any announced plan: no source says capacity could double.",
          "simulation:\n" + team_block(2.0, "x 2 [G] what-if"))


if __name__ == "__main__":
    main()
