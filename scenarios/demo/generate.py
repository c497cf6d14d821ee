#!/usr/bin/env python3
"""Generate the SYNTHETIC demo scenario layers (scenarios/demo/layers/*.geojson).

    python3 scenarios/demo/generate.py

Everything here is invented for demonstration and testing: the front line, the villages'
positions (the names are borrowed from Fuzuli district; only Fuzuli and Horadiz sit at their
approximate real positions), hazards, incidents and land use. Do not use for planning.

Procedure (seed 20201110, random.Random only, so the output is byte-identical on every run):
1. Area: 40 x 30 km in UTM 38N (EPSG:32638), bbox [665000, 4360000, 705000, 4390000],
   around Fuzuli (683.7 km E, 4385.6 km N) and Horadiz.
2. A synthetic former front line (polyline) runs SSW-NNE between Fuzuli and Horadiz; two
   synthetic 2020 axes of advance (along the Aras in the south and towards Fuzuli) define
   combat zones.
3. Settlements: Fuzuli, Horadiz and 13 villages at seeded positions, >= 3 km apart.
4. Hazards (about 120, non-overlapping convex polygons, separating-axis test):
   - 46 minefield belts (AP 70 %, AV 30 %): thin rotated rectangles 1.2-3 km long,
     120-350 m wide, 250-1,800 m either side of the front line, mostly CHA, high/medium density;
   - 46 battle-area polygons (UXO 60 %, CM 40 %) within 3 km of the 2020 axes, CHA or SHA;
   - 28 scattered suspected areas (AP or UXO, SHA, low density) in the formerly occupied west.
   Terrain: mountain west of 675 km E, urban within 1.5 km of a settlement, else 30 % vegetated.
   Region: Highland (west of 675 km E), Horadiz (south of 4375 km N), Fuzuli / Alkhanli (north,
   split at 690 km E).
5. Land use: residential blocks and a school at every settlement, fields, grazing in the
   highland, the Aras as water segments, a reservoir, and roads as 20 m wide rectangles
   (one feature per segment; roads deliberately cross other land-use polygons).
6. Incidents (300 + 2 deliberately just outside the grid to exercise `outside_grid: warn`),
   2020-11 to 2024-05, monthly intensity decaying with an 18-month e-folding time and a
   spring-summer peak; 45 % near the front line, 35 % near villages, 20 % in combat zones.
   10 % carry a month-only date (YYYY-MM) to exercise both date forms.
All layers are written in EPSG:4326 lon/lat (no "crs" member), rounded to 1e-6 degrees.
"""

import math
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
import geokit as gk  # noqa: E402

ZONE = 38
SEED = 20201110
XMIN, YMIN, XMAX, YMAX = 665000.0, 4360000.0, 705000.0, 4390000.0

FRONT = [(692000, 4360000), (690500, 4366000), (693000, 4372000),
         (691000, 4378000), (694000, 4384000), (692500, 4390000)]
AXES = [
    [(703000, 4364000), (690000, 4362500), (678000, 4363500), (667000, 4367000)],  # southern front along the Aras
    [(700000, 4377000), (692000, 4381000), (684000, 4385500)],                    # Fuzuli approach
]

VILLAGE_NAMES = ["Ashaghi Veysalli", "Gochahmadli", "Alkhanli", "Dovletyarli", "Ahmadbeyli",
                 "Mandili", "Kurdlar", "Garakhanbeyli", "Zargar", "Gejagozlu", "Arayatli",
                 "Divanalilar", "Babi"]


def region_of(x, y):
    if x < 675000:
        return "Highland"
    if y < 4375000:
        return "Horadiz"
    return "Fuzuli" if x < 690000 else "Alkhanli"


def front_x(y):
    """x of the front line at northing y (the polyline is monotone in y)."""
    for (x1, y1), (x2, y2) in zip(FRONT, FRONT[1:]):
        if y1 <= y <= y2:
            return x1 + (x2 - x1) * (y - y1) / (y2 - y1)
    return FRONT[-1][0]


def inside(x, y, margin=0.0):
    return XMIN + margin <= x <= XMAX - margin and YMIN + margin <= y <= YMAX - margin


def make_settlements(rng):
    fuz = gk.utm_forward(47.1453, 39.6003, ZONE)   # Fuzuli town, approximate real position
    hor = gk.utm_forward(47.3300, 39.4500, ZONE)   # Horadiz, approximate real position
    sites = [("Fuzuli", fuz[0], fuz[1], 18000, 0.55), ("Horadiz", hor[0], hor[1], 1500, 0.9)]
    for name in VILLAGE_NAMES:
        while True:
            x, y = rng.uniform(XMIN + 2000, XMAX - 2000), rng.uniform(YMIN + 3000, YMAX - 2000)
            if all(math.hypot(x - sx, y - sy) >= 3000 for _, sx, sy, _, _ in sites) \
                    and gk.dist_to_polyline(x, y, FRONT) > 1500:
                break
        west = x < front_x(y)
        displaced = int(round(rng.uniform(300, 3000), -1)) if west else int(round(rng.uniform(50, 400), -1))
        share = round(rng.uniform(0.2, 0.8), 2) if west else 0.9
        sites.append((name, x, y, displaced, share))
    return sites


def terrain_of(rng, x, y, sites):
    if x < 675000:
        return "mountain"
    if any(math.hypot(x - sx, y - sy) < 1500 for _, sx, sy, _, _ in sites):
        return "urban"
    return "vegetated" if rng.random() < 0.3 else "open"


def place(rng, polys, make, tries=400):
    for _ in range(tries):
        ring = make()
        if ring is None:
            continue
        if all(inside(x, y, 100) for x, y in ring) and not any(gk.convex_overlap(ring, q, 50) for q in polys):
            return ring
    return None


def make_hazards(rng, sites):
    polys, feats = [], []
    length = gk.polyline_length(FRONT)

    def add(ring, props):
        polys.append(ring)
        cx, cy = gk.centroid(ring)
        props["terrain"] = terrain_of(rng, cx, cy, sites)
        props["region"] = region_of(cx, cy)
        props["id"] = f"DEMO-{len(feats) + 1:04d}"
        feats.append((ring, props))

    for k in range(46):
        def belt():
            (px, py), (ux, uy) = gk.point_along(FRONT, rng.uniform(800, length - 800))
            side = rng.choice((-1, 1))
            off = rng.uniform(250, 1800) * side
            cx, cy = px - uy * off, py + ux * off
            return gk.rectangle(cx, cy, ux, uy, rng.uniform(600, 1500), rng.uniform(60, 175))
        ring = place(rng, polys, belt)
        if ring:
            typ = "AP" if rng.random() < 0.7 else "AV"
            add(ring, {"name": f"Minefield belt {k + 1}", "type": typ,
                       "status": "CHA" if rng.random() < 0.8 else "SHA",
                       "density": "high" if rng.random() < 0.5 else "medium"})
    for k in range(46):
        axis = AXES[0] if rng.random() < 0.6 else AXES[1]
        alen = gk.polyline_length(axis)

        def battle():
            (px, py), (ux, uy) = gk.point_along(axis, rng.uniform(0, alen))
            off = rng.uniform(-3000, 3000)
            r = rng.uniform(300, 900)
            return gk.random_convex(rng, px - uy * off, py + ux * off, r, r * rng.uniform(0.5, 1.0),
                                    angle=rng.uniform(0, math.pi))
        ring = place(rng, polys, battle)
        if ring:
            add(ring, {"name": f"Battle area {k + 1}", "type": "UXO" if rng.random() < 0.6 else "CM",
                       "status": "CHA" if rng.random() < 0.5 else "SHA",
                       "density": rng.choice(["low", "medium", "medium", "high"])})
    for k in range(28):
        def scattered():
            x, y = rng.uniform(XMIN + 1000, XMAX - 1000), rng.uniform(YMIN + 1000, YMAX - 1000)
            if x > front_x(y) - 2000:
                return None
            r = rng.uniform(250, 700)
            return gk.random_convex(rng, x, y, r, r * rng.uniform(0.6, 1.0), angle=rng.uniform(0, math.pi))
        ring = place(rng, polys, scattered)
        if ring:
            add(ring, {"name": f"Suspected area {k + 1}", "type": "AP" if rng.random() < 0.5 else "UXO",
                       "status": "SHA", "density": "low"})
    return feats


def make_land_use(rng, sites):
    feats, solid = [], []

    def add(ring, cls, name):
        feats.append((ring, {"class": cls}))

    for name, x, y, displaced, _ in sites:
        r = 350 + 4 * math.sqrt(max(displaced, 100))
        ring = gk.random_convex(rng, x, y, r, r * 0.8, angle=rng.uniform(0, math.pi))
        solid.append(ring)
        add(ring, "residential", name)
        a = rng.uniform(0, 2 * math.pi)
        sx, sy = x + (r + 150) * math.cos(a), y + (r + 150) * math.sin(a)
        school = gk.rectangle(sx, sy, 1.0, 0.0, 50, 40)
        solid.append(school)
        add(school, "school", f"{name} school")
    # The Aras: a chain of 400 m wide segments along the southern edge, and a reservoir.
    river = [(XMIN, 4361200), (675000, 4360900), (685000, 4361500), (695000, 4361000), (XMAX, 4361400)]
    for i in range(len(river) - 1):
        (ax, ay), (bx, by) = river[i], river[i + 1]
        ln = math.hypot(bx - ax, by - ay)
        ring = gk.rectangle((ax + bx) / 2, (ay + by) / 2, (bx - ax) / ln, (by - ay) / ln, ln / 2, 200)
        ring = [(min(max(x, XMIN), XMAX), max(y, YMIN)) for x, y in ring]
        add(ring, "water", f"Aras segment {i + 1}")
    reservoir = place(rng, solid, lambda: gk.random_convex(rng, 672000, 4382000, 1200, 700, angle=0.4))
    if reservoir:
        solid.append(reservoir)
        add(reservoir, "water", "Reservoir")
    for k in range(40):
        name, x, y, _, _ = sites[k % len(sites)]

        def field():
            a = rng.uniform(0, 2 * math.pi)
            d = rng.uniform(1000, 3000)
            th = rng.uniform(0, math.pi)
            return gk.rectangle(x + d * math.cos(a), y + d * math.sin(a), math.cos(th), math.sin(th),
                                rng.uniform(250, 750), rng.uniform(150, 500))
        ring = place(rng, solid, field)
        if ring:
            solid.append(ring)
            add(ring, "agriculture", f"Field {k + 1}")
    for k in range(15):
        def pasture():
            r = rng.uniform(800, 1800)
            return gk.random_convex(rng, rng.uniform(XMIN + 2000, 676000), rng.uniform(YMIN + 4000, YMAX - 2000),
                                    r, r * 0.7, angle=rng.uniform(0, math.pi))
        ring = place(rng, solid, pasture)
        if ring:
            solid.append(ring)
            add(ring, "grazing", f"Pasture {k + 1}")
    # Roads: a minimum spanning tree over the settlements (Prim), plus a north-south trunk road.
    pts = [(x, y) for _, x, y, _, _ in sites]
    done, edges = {0}, []
    while len(done) < len(pts):
        best = min(((math.hypot(pts[i][0] - pts[j][0], pts[i][1] - pts[j][1]), i, j)
                    for i in done for j in range(len(pts)) if j not in done))
        edges.append((best[1], best[2]))
        done.add(best[2])
    trunk = [(700500, YMIN), (701000, 4375000), (699000, YMAX)]
    segs = [(pts[i], pts[j]) for i, j in edges] + list(zip(trunk, trunk[1:]))
    for k, ((ax, ay), (bx, by)) in enumerate(segs):
        ln = math.hypot(bx - ax, by - ay)
        add(gk.rectangle((ax + bx) / 2, (ay + by) / 2, (bx - ax) / ln, (by - ay) / ln, ln / 2, 10),
            "road", f"Road {k + 1}")
    return feats


def make_incidents(rng, sites):
    months = []
    for i in range(43):                       # 2020-11 .. 2024-05
        y, m = 2020 + (10 + i) // 12, (10 + i) % 12 + 1
        w = math.exp(-i / 18.0) * (1 + 0.5 * math.sin(2 * math.pi * (m - 3) / 12))
        months.append(((y, m), w))
    total = sum(w for _, w in months)
    pts = []
    while len(pts) < 300:
        u = rng.random() * total
        for (y, m), w in months:
            u -= w
            if u <= 0:
                break
        kind = rng.random()
        if kind < 0.45:
            (px, py), (ux, uy) = gk.point_along(FRONT, rng.uniform(0, gk.polyline_length(FRONT)))
            off = rng.gauss(0, 800)
            x, y_ = px - uy * off, py + ux * off
            device = "AP" if rng.random() < 0.75 else "AV"
        elif kind < 0.80:
            _, sx, sy, _, _ = rng.choice(sites)
            x, y_ = sx + rng.gauss(0, 1200), sy + rng.gauss(0, 1200)
            device = rng.choice(["AP", "UXO", "UXO", "CM", "unknown"])
        else:
            axis = rng.choice(AXES)
            (px, py), (ux, uy) = gk.point_along(axis, rng.uniform(0, gk.polyline_length(axis)))
            off = rng.gauss(0, 1500)
            x, y_ = px - uy * off, py + ux * off
            device = "CM" if rng.random() < 0.4 else "UXO"
        if not inside(x, y_):
            continue
        c = rng.random()
        casualties = 0 if c < 0.05 else 1 if c < 0.65 else 2 if c < 0.85 else 3 if c < 0.95 else 4
        p_mil = 0.55 if y < 2022 else 0.35
        victim = "military" if rng.random() < p_mil else "civilian"
        date = f"{y}-{m:02d}" if rng.random() < 0.1 else f"{y}-{m:02d}-{rng.randint(1, 28):02d}"
        pts.append((x, y_, {"date": date, "casualties": casualties, "device": device, "victim": victim}))
    pts.sort(key=lambda p: (p[2]["date"], p[0]))
    # Two points just outside the grid, on purpose (outside_grid: warn counts and skips them).
    pts.append((XMAX + 1500, 4372000, {"date": "2022-04-18", "casualties": 1, "device": "AP", "victim": "civilian"}))
    pts.append((XMIN - 800, 4388000, {"date": "2023-07-02", "casualties": 2, "device": "UXO", "victim": "civilian"}))
    return pts


def main():
    rng = random.Random(SEED)
    sites = make_settlements(rng)
    hazards = make_hazards(rng, sites)
    land = make_land_use(rng, sites)
    incidents = make_incidents(rng, sites)
    out = os.path.join(HERE, "layers")
    os.makedirs(out, exist_ok=True)
    gk.write_geojson(os.path.join(out, "settlements.geojson"), [
        gk.feature("Point", gk.point_to_lonlat(x, y, ZONE),
                   {"name": n, "displaced": d, "return_share": s, "district": region_of(x, y)})
        for n, x, y, d, s in sites], "settlements",
                     "SYNTHETIC demo settlements (generate.py); only Fuzuli and Horadiz are at approximate real positions")
    gk.write_geojson(os.path.join(out, "hazards.geojson"), [
        gk.feature("Polygon", [gk.ring_to_lonlat(r, ZONE)], p) for r, p in hazards], "hazards",
                     "SYNTHETIC demo hazards (generate.py); not real minefields")
    gk.write_geojson(os.path.join(out, "land_use.geojson"), [
        gk.feature("Polygon", [gk.ring_to_lonlat(r, ZONE)], p) for r, p in land], "land_use",
                     "SYNTHETIC demo land use (generate.py)")
    gk.write_geojson(os.path.join(out, "incidents.geojson"), [
        gk.feature("Point", gk.point_to_lonlat(x, y, ZONE), p) for x, y, p in incidents], "incidents",
                     "SYNTHETIC demo incidents (generate.py); two lie outside the grid on purpose")
    area = sum(abs(gk.polygon_area(r)) for r, _ in hazards) / 1e6
    by_type = {}
    for r, p in hazards:
        by_type[p["type"]] = by_type.get(p["type"], 0) + abs(gk.polygon_area(r)) / 1e6
    print(f"settlements {len(sites)}, hazards {len(hazards)} ({area:.1f} km2: "
          + ", ".join(f"{k} {v:.1f}" for k, v in sorted(by_type.items())) + f"), land_use {len(land)}, "
          f"incidents {len(incidents)} ({sum(p['casualties'] for _, _, p in incidents)} casualties)")


if __name__ == "__main__":
    main()
