"""Check bundled scenario YAML files against docs/scenario-format.md (version 1).

    python3 scenarios/lib/checkyaml.py scenarios/*/*.yaml

Resolves `extends:` (mappings merged key by key, everything else replaced), then checks field
names (unknown fields are errors in clearcast, so a typo here would break loading), required
fields, enum values, distribution shapes, layer paths, and that every line of the file that
holds a number outside prose also carries a `#` comment (the citation rule). Needs PyYAML.
"""

import os
import re
import sys

import yaml

DIST = {"uniform": {"min", "max"}, "exponential": {"mean"}, "normal": {"mean", "sd"},
        "lognormal": [{"median", "p90"}, {"mean", "cv"}], "gamma": {"shape", "scale"},
        "beta": {"alpha", "beta"}, "triangular": {"min", "mode", "max"}, "poisson": {"mean"},
        "bernoulli": {"p"}}
ANY = object()
SCHEMA = {
    "clearcast": ANY, "name": ANY, "description": ANY, "extends": ANY, "reference_date": ANY,
    "grid": {"crs": ANY, "bbox": ANY, "cell_size": ANY},
    "layers": {"incidents": ANY, "settlements": ANY, "hazards": ANY, "land_use": ANY, "outside_grid": ANY},
    "scoring": {
        "incident_density": {"bandwidth_m": ANY, "half_life_years": ANY, "casualty_weight": ANY, "truncation_sigmas": ANY},
        "return_pressure": {"decay_m": ANY},
        "contamination": {"type_weights": ANY, "status_weights": ANY},
        "land_value": {"class_weights": ANY},
        "normalization": ANY,
        "weights": {"direct": ANY, "ahp": {"factors": ANY, "matrix": ANY, "accept_inconsistent": ANY}},
    },
    "simulation": {
        "start_date": ANY, "horizon_years": ANY, "replications": ANY, "seed": ANY, "policy": ANY,
        "region_sequence": ANY,
        "calendar": {"working_days": ANY, "holidays": ANY, "weather_loss": ANY, "stoppages": ANY},
        "land_release": {"nts_cancel_share": ANY, "ts_reduce_share": ANY},
        "teams": ANY, "accidents": {"rate_per_km2": ANY, "stand_down_days": ANY, "casualties_per_accident": ANY},
        "civilian_risk": {"incidents_per_year": ANY, "casualties_per_incident": ANY},
        "costs": {"currency": ANY, "per_team_day": ANY},
    },
}
TEAM_KEYS = {"kind", "count", "steps", "productivity", "terrain_factors", "base", "travel_km_per_day",
             "mobilisation_days", "available", "capacity_plan"}
KINDS = {"manual", "mechanical", "dogs", "bac", "survey"}
POLICIES = {"risk_priority", "nearest_first", "largest_first", "smallest_first", "as_listed", "region_sequence"}
TYPES = {"AP", "AV", "CM", "UXO"}
TERRAINS = {"open", "vegetated", "mountain", "urban"}


def merge(base, over):
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for k, v in over.items():
            out[k] = merge(base[k], v) if k in base else v
        return out
    return over


def load(path, seen=()):
    with open(path, encoding="utf-8") as fh:
        doc = yaml.safe_load(fh)
    if "extends" in doc:
        parent = os.path.join(os.path.dirname(path), doc["extends"])
        if parent in seen:
            raise ValueError(f"extends cycle at {parent}")
        doc = merge(load(parent, seen + (path,)), {k: v for k, v in doc.items() if k != "extends"})
    return doc


def walk(node, schema, where, errs):
    if schema is ANY:
        return
    if not isinstance(node, dict):
        errs.append(f"{where}: expected a mapping")
        return
    for k, v in node.items():
        if k not in schema:
            errs.append(f"{where}.{k}: unknown field")
        else:
            walk(v, schema[k], f"{where}.{k}", errs)


def check_dist(d, where, errs, lo=None, hi=None):
    if isinstance(d, (int, float)):
        return
    if not isinstance(d, dict) or d.get("dist") not in DIST:
        errs.append(f"{where}: not a number or {{dist: ...}}")
        return
    keys = set(d) - {"dist"}
    want = DIST[d["dist"]]
    if keys not in (want if isinstance(want, list) else [want]):
        errs.append(f"{where}: {d['dist']} needs {want}, has {sorted(keys)}")


def check(path):
    errs = []
    doc = load(path)
    walk(doc, SCHEMA, "", errs)
    for req in ("clearcast", "name", "reference_date", "grid", "layers"):
        if req not in doc:
            errs.append(f"missing {req}")
    base = os.path.dirname(path)
    for k, v in doc.get("layers", {}).items():
        if k == "outside_grid":
            if v not in ("warn", "error"):
                errs.append(f"layers.outside_grid: {v!r}")
            continue
        p = v["path"] if isinstance(v, dict) else v
        if not os.path.exists(os.path.join(base, p)):
            errs.append(f"layers.{k}: {p} not found")
    g = doc.get("grid", {})
    if g:
        x0, y0, x1, y1 = g["bbox"]
        nx, ny = (x1 - x0) / g["cell_size"], (y1 - y0) / g["cell_size"]
        if nx != int(nx) or ny != int(ny):
            errs.append("grid: bbox not a whole number of cells")
    w = doc.get("scoring", {}).get("weights", {})
    if w and (("direct" in w) == ("ahp" in w)):
        errs.append("scoring.weights: exactly one of direct or ahp")
    sim = doc.get("simulation", {})
    if sim:
        if sim.get("policy", "risk_priority") not in POLICIES:
            errs.append(f"simulation.policy {sim['policy']!r}")
        for name in ("nts_cancel_share", "ts_reduce_share"):
            if name in sim.get("land_release", {}):
                check_dist(sim["land_release"][name], f"land_release.{name}", errs)
        regions = set()
        for s in sim.get("calendar", {}).get("stoppages", []):
            if set(s) - {"regions", "from", "to"}:
                errs.append(f"stoppage fields {sorted(s)}")
            regions |= set(s.get("regions", []))
        for i, t in enumerate(sim.get("teams", [])):
            where = f"teams[{i}]"
            if set(t) - TEAM_KEYS:
                errs.append(f"{where}: unknown {sorted(set(t) - TEAM_KEYS)}")
            if t.get("kind") not in KINDS:
                errs.append(f"{where}: kind {t.get('kind')!r}")
            p = t.get("productivity")
            if isinstance(p, dict) and "dist" not in p:
                for k, d in p.items():
                    if k != "default" and k not in TYPES:
                        errs.append(f"{where}.productivity: key {k!r}")
                    check_dist(d, f"{where}.productivity.{k}", errs)
            else:
                check_dist(p, f"{where}.productivity", errs)
            for k in t.get("terrain_factors", {}):
                if k not in TERRAINS:
                    errs.append(f"{where}.terrain_factors: {k!r}")
    # citation rule: numeric lines outside prose carry a comment
    with open(path, encoding="utf-8") as fh:
        prose = False
        for n, line in enumerate(fh, 1):
            s = line.rstrip("\n")
            if re.match(r"^\S.*:\s*>\s*$", s):
                prose = True
                continue
            if prose and (s.startswith("  ") or not s.strip()):
                continue
            prose = False
            if s.lstrip().startswith("#") or "#" in s or not re.search(r"\d", s.split(":")[-1] if ":" in s else s):
                continue
            if s.startswith("name:"):
                continue
            errs.append(f"line {n}: number without a citing comment: {s.strip()}")
    print(f"{path}: {len(errs)} problems")
    for e in errs:
        print("  " + e)
    return not errs


if __name__ == "__main__":
    sys.exit(0 if all([check(p) for p in sys.argv[1:]]) else 1)
