"""Validate bundled GeoJSON layers (standard library only).

    python3 scenarios/lib/checkgeo.py FILE.geojson [...]

Checks: FeatureCollection; geometry types; rings closed, >= 4 positions, counter-clockwise
exterior (RFC 7946); no self-intersection (O(n^2) segment test per ring); coordinates in
lon/lat range with at most 6 decimals; required attributes per layer kind (from the file
name: incidents, settlements, hazards, land_use) as in docs/scenario-format.md; unique
hazard ids. Prints one summary line per file and exits non-zero on any problem.
"""

import json
import re
import sys

REQUIRED = {
    "incidents": {"date"},
    "settlements": {"name", "displaced", "return_share"},
    "hazards": {"id", "type", "status"},
    "land_use": {"class"},
}
ENUMS = {
    "device": {"AP", "AV", "CM", "UXO", "unknown"},
    "victim": {"civilian", "military"},
    "type": {"AP", "AV", "CM", "UXO"},
    "status": {"CHA", "SHA"},
    "density": {"low", "medium", "high"},
    "terrain": {"open", "vegetated", "mountain", "urban"},
    "class": {"agriculture", "grazing", "road", "water", "school", "residential", "other"},
}
DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


def _segs_cross(a, b, c, d):
    def orient(p, q, r):
        v = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
        return (v > 0) - (v < 0)
    o1, o2, o3, o4 = orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)
    return o1 * o2 < 0 and o3 * o4 < 0


def check_ring(ring, problems, fid):
    if len(ring) < 4 or ring[0] != ring[-1]:
        problems.append(f"{fid}: ring not closed or too short")
        return
    area = sum(ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1] for i in range(len(ring) - 1))
    if area <= 0:
        problems.append(f"{fid}: exterior ring not counter-clockwise or degenerate")
    n = len(ring) - 1
    for i in range(n):
        for j in range(i + 2, n):
            if i == 0 and j == n - 1:
                continue
            if _segs_cross(ring[i], ring[i + 1], ring[j], ring[j + 1]):
                problems.append(f"{fid}: self-intersection between edges {i} and {j}")
                return


def check(path):
    kind = next((k for k in REQUIRED if k in path.split("/")[-1]), None)
    with open(path, encoding="utf-8") as fh:
        fc = json.load(fh)
    problems = []
    if fc.get("type") != "FeatureCollection":
        problems.append("not a FeatureCollection")
    ids = set()
    counts = {}
    for k, f in enumerate(fc["features"]):
        g = f["geometry"]
        p = f["properties"]
        counts[g["type"]] = counts.get(g["type"], 0) + 1
        fid = p.get("id", k)
        if kind and not REQUIRED[kind] <= set(p):
            problems.append(f"{fid}: missing {sorted(REQUIRED[kind] - set(p))}")
        for key, allowed in ENUMS.items():
            if key in p and p[key] not in allowed:
                problems.append(f"{fid}: {key}={p[key]!r} not in {sorted(allowed)}")
        if kind == "incidents" and not DATE.match(str(p.get("date", ""))):
            problems.append(f"{fid}: bad date {p.get('date')!r}")
        if kind == "settlements" and not (0 <= p["return_share"] <= 1 and p["displaced"] >= 0):
            problems.append(f"{fid}: displaced/return_share out of range")
        if kind == "hazards":
            if p["id"] in ids:
                problems.append(f"duplicate id {p['id']}")
            ids.add(p["id"])
        if g["type"] == "Point":
            rings = []
            pts = [g["coordinates"]]
        elif g["type"] == "Polygon":
            rings = g["coordinates"]
            pts = [q for r in rings for q in r]
        elif g["type"] == "MultiPolygon":
            rings = [r for poly in g["coordinates"] for r in poly]
            pts = [q for r in rings for q in r]
        elif g["type"] == "LineString":
            rings = []
            pts = g["coordinates"]
        else:
            problems.append(f"{fid}: unexpected geometry {g['type']}")
            continue
        for r in rings[:1] if g["type"] == "Polygon" else rings:
            check_ring(r, problems, fid)
        for lon, lat in pts:
            if not (-180 <= lon <= 180 and -90 <= lat <= 90):
                problems.append(f"{fid}: coordinate out of range")
            if round(lon, 6) != lon or round(lat, 6) != lat:
                problems.append(f"{fid}: more than 6 decimals")
    print(f"{path}: {len(fc['features'])} features {counts}; {len(problems)} problems")
    for msg in problems[:20]:
        print("  " + msg)
    return not problems


if __name__ == "__main__":
    ok = all([check(p) for p in sys.argv[1:]])
    sys.exit(0 if ok else 1)
