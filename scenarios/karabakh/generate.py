#!/usr/bin/env python3
"""Generate the Karabakh reference-scenario layers (scenarios/karabakh/layers/*.geojson).

    python3 scenarios/karabakh/generate.py

WHAT IS REAL AND WHAT IS SYNTHETIC (see README.md beside this file for the full account)
- Real (public facts, approximate): positions of district centres and villages (from general
  knowledge, +-5 km), the shape of the 1994-2020 line of contact and of the 2020 axes of
  advance (hand-drawn approximations, +-5 km), IDP total (800,000 [R]), contaminated area
  (11,667 km2 [R], of which 2,118 km2 "high" [R] and ~9,000 km2 mined [R]), 2023 released
  area per district [R], incident and casualty counts per period [R]. Fact-sheet sections
  are cited in README.md.
- SYNTHETIC (seeded, documented procedure): every hazard polygon and every incident point.
  Real hazard polygons and incident locations are not public.
- ASSUMED [G]: the CHA/SHA split (CHA = the "high" land), the AP/AV and UXO/CM shares, and the
  medium/low split (see step 4).

PROCEDURE (seed 20201110; random.Random only; byte-identical output on every run)
1. Study area: a hand-drawn polygon around the districts returned in 2020 plus the former
   NKAO (Aghdam, Fuzuli, Jabrayil, Zangilan, Gubadli, Lachin, Kalbajar, Shusha, Khojavand,
   Khojaly, Tartar's front-line villages), projected to UTM 38N (EPSG:32638).
2. Districts: NOT administrative boundaries. Each point belongs to the district of its nearest
   "district seed" (a few hand-placed seeds per district, a multi-seed Voronoi partition).
3. Tiles: a 2.5 km square lattice over the study area (tiles whose centre is inside it);
   tiles within 5 km of the line of contact are split into four 1.25 km tiles, because the
   minefield belts there are narrower and denser.
4. Hazard per tile: one convex polygon (the tile with its corners jittered inward by up to 4 %
   of the side, then shrunk about its centroid to the district's coverage), so polygons never
   overlap and are always valid.
   - District totals: 11,667 km2 [R] shared in proportion to the area each district released in
     2023 [R], capped at 97 % of the district's tile area and the excess re-shared among the
     uncapped districts (water-filling). The proportional targets exceed the land area of the
     small southern districts (Jabrayil would need 3,090 km2 on ~1,050 km2), so the caps bind;
     the generator prints targets and results.
   - Type (CITED): mined land (AP or AV) = 9,000 km2 [R] ("about 9,000 km2 mined", ANAMA's
     chairman, Nov 2023; AzCBL said ~8,000 in Feb 2023); UXO and cluster-munition land = the rest
     of 11,667, 2,667 km2 [D]. The battle area is the tiles outside the 3 km line-of-contact belt
     that lie closest to a 2020 axis of advance (distance plus a random term up to 2 km), taken
     until 2,667 km2; every other tile is mined. Printed result: 9,000.2 mined, 2,666.8 UXO+CM
     (within 0.01 % of both targets; the rule guarantees half the smallest tile, < 1 km2).
     Within types [G], no source: belt AP 75 % / AV 25 %, mined in depth AP 80 % / AV 20 %
     (for comparison, mines found to May 2025 were 63 % AP, 37 % AT by count [R]); battle area
     UXO 65 % / CM 35 %.
   - Density: "high" on 2,118 km2 [R] (the AzCBL high-contamination share), shared among
     districts in proportion to 2023 release (capped at 80 % of the district's hazard area,
     water-filled), given within each district to the tiles with the highest score (line-of-
     contact proximity, combat-zone proximity, a random term). Other belt and battle-area
     tiles are "medium", the rest "low" (70 %) or "medium" (30 %): medium + low = 9,549 km2,
     the reported medium/low contamination [R]; the medium/low split is [G].
   - Status (ASSUMPTION [G]): no CHA/SHA split is published (sources §3 records the gap).
     CHA = the high-contamination land (2,118 km2 [R] taken as the land with direct evidence);
     everything else SHA. Plausible range 0-4,000 km2 [G] (the minefield maps handed over are
     said to be ~25 % accurate [R], so little may be truly confirmed; or more than the "high"
     land may be). CHA cannot be cancelled by NTS (it starts at technical survey), so more CHA
     means slower release of mined land. `--cha-km2 X --out DIR` writes probe layers with X km2
     of CHA (the highest-scoring tiles) and no incidents (README.md, "Type, status, density").
   - Terrain: Kalbajar, Lachin, Gubadli, Shusha tiles are "mountain" (80 %) or "vegetated";
     Khojavand, Khojaly, Tartar (the Karabakh range) "vegetated" (50 %) or "open"; the
     lowland districts "open" (85 %) or "vegetated"; tiles within 1.5 km of a district centre
     "urban".
   - region = district (used for the highland winter stoppage and region_sequence).
5. Settlements: district centres and villages at approximate public positions. displaced =
   800,000 IDPs [R] shared among districts in proportion to approximate pre-1993 Azerbaijani
   populations [G], then 35 % to the district centre and the rest evenly over the listed
   villages [G]. return_share: 0.7 for settlements already in the Great Return programme by
   2024 (from memory, [G]), 0.5 for other district centres, 0.4 for villages [G, range 0.1-0.8].
6. Incidents (SYNTHETIC): 220 incidents, 367 casualties, matching the reported counts:
   10 Nov 2020 - 31 Dec 2021: 77 incidents [R], 197 casualties [R];
   2022: 66 incidents [D], 71 casualties [D];
   2023: 50 incidents (37 to end of August, so 180 to Aug 2023 [R]) [D], 58 casualties [R];
   2024: 27 incidents [D] (about -60 % on the 2021 annual rate [R]), 41 casualties [R].
   Each incident is drawn with two flags: near the former line of contact (<= 5 km; 52 of the
   180 to Aug 2023 [R], the same share later) and inside a CHA polygon (45 %; "about 55 %
   outside mapped minefields" [R], taking CHA polygons as the mapped minefields). Points are
   drawn near the line, near settlements (60 % of the others) or uniformly, and rejected until
   both flags hold. Casualties: 1 each plus the period's excess spread with heavy-tailed
   weights. victim: military with p 0.59 (2020-21: 116 of 197 casualties [R]) or 0.44 later
   (179 of 341 to Dec 2023 minus the 2020-21 figure [D]).
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
TOTAL_KM2 = 11667.0        # [R] sources §3 (Suleymanov, Oct 2024; = 1,166,702 ha AzCBL)
HIGH_KM2 = 2118.0          # [R] sources §3 (211,800 ha high contamination, AzCBL)
MINED_KM2 = 9000.0         # [R] sources §3 ("about 9,000 km2 mined", Suleymanov, Nov 2023; AzCBL ~8,000, Feb 2023)
BATTLE_KM2 = TOTAL_KM2 - MINED_KM2   # [D] 2,667 km2 of UXO and cluster-munition land: the rest of the total
BELT_M = 3000.0            # [G] minefield belt along the 1994-2020 line of contact (always mined)
AP_SHARE_OF_MINED = {"belt": 0.75, "depth": 0.8}   # [G] AP vs AV by area; no source (mines found: 36,904 AP, 21,778 AT [R])
UXO_SHARE_OF_BATTLE = 0.65  # [G] UXO vs CM by area; no source
OUT_DIR = None
CHA_KM2 = None             # None: CHA = the 2,118 km2 high-contamination land [G]; --cha-km2 X for probes
TILE = 2500.0
LOC_SPLIT_M = 5000.0

# Study area (lon, lat), hand-drawn, clockwise from the north-west (approximate, +-5 km).
STUDY_LL = [(45.80, 40.30), (46.05, 40.45), (46.45, 40.33), (46.70, 40.30), (47.00, 40.30),
            (47.18, 40.08), (47.25, 39.85), (47.40, 39.65), (47.45, 39.42), (47.10, 39.30),
            (46.85, 39.12), (46.60, 38.92), (46.45, 38.90), (46.50, 39.15), (46.38, 39.35),
            (46.20, 39.55), (46.15, 39.80), (45.95, 39.95), (45.70, 40.15)]

# 1994-2020 line of contact, north to south (approximate, +-5 km): Murovdag ridge, Talish,
# Sugovushan, east of Aghdam, east of Khojavand and Fuzuli, to the Aras west of Horadiz.
LOC_LL = [(45.95, 40.38), (46.20, 40.33), (46.45, 40.27), (46.60, 40.20), (46.68, 40.14),
          (46.80, 40.16), (46.95, 40.12), (47.05, 40.03), (47.10, 39.90), (47.15, 39.80),
          (47.25, 39.70), (47.30, 39.58), (47.30, 39.45)]

# 2020 axes of advance (approximate): southern front along the Aras to Zangilan, north-west
# from Jabrayil through Gubadli, Hadrut to Shusha (the Shusha approach), Fuzuli, and the
# Aghdam-Tartar (Sugovushan) front.
AXES_LL = [
    [(47.30, 39.45), (47.03, 39.38), (46.85, 39.18), (46.65, 39.05), (46.50, 38.95)],
    [(47.03, 39.40), (46.80, 39.35), (46.58, 39.34), (46.50, 39.45)],
    [(47.15, 39.48), (47.03, 39.52), (46.92, 39.60), (46.80, 39.70), (46.75, 39.76)],
    [(47.30, 39.55), (47.15, 39.60)],
    [(46.95, 40.25), (46.73, 40.16), (46.65, 40.10)],
]

# District seeds (lon, lat): several per district; nearest seed decides the district.
SEEDS_LL = {
    "Aghdam": [(46.93, 39.99), (47.05, 40.08), (46.97, 39.88)],
    "Fuzuli": [(47.15, 39.60), (47.30, 39.50), (47.25, 39.70)],
    "Jabrayil": [(47.03, 39.40), (46.90, 39.25), (47.15, 39.35)],
    "Zangilan": [(46.65, 39.09), (46.55, 39.00), (46.75, 39.15)],
    "Gubadli": [(46.58, 39.34), (46.45, 39.25), (46.70, 39.42)],
    "Lachin": [(46.55, 39.64), (46.35, 39.70), (46.40, 39.50), (46.50, 39.85)],
    "Kalbajar": [(46.04, 40.10), (45.85, 40.25), (46.25, 40.28), (46.30, 39.98)],
    "Shusha": [(46.75, 39.76)],
    "Khojavand": [(47.11, 39.79), (47.03, 39.52), (46.95, 39.62)],
    "Tartar": [(46.73, 40.16), (46.82, 40.22), (46.60, 40.12), (47.00, 40.25)],
    "Khojaly": [(46.79, 39.91), (46.75, 39.82), (46.60, 39.95), (46.83, 40.00)],
}

# Area released per district in 2023, ha [R] sources §3 (Cabinet of Ministers via Trend 3870489).
RELEASED_2023_HA = {"Jabrayil": 14016.7, "Aghdam": 7956.1, "Gubadli": 6993.9, "Kalbajar": 6400.2,
                    "Fuzuli": 6025.1, "Khojavand": 4400.4, "Zangilan": 3570.8, "Lachin": 1454.2,
                    "Tartar": 1286.9, "Shusha": 585.4, "Khojaly": 174.5}
ID_PREFIX = {"Aghdam": "AGD", "Fuzuli": "FZL", "Jabrayil": "JBR", "Zangilan": "ZNG", "Gubadli": "GBD",
             "Lachin": "LCN", "Kalbajar": "KLB", "Shusha": "SHU", "Khojavand": "KJV", "Tartar": "TRT",
             "Khojaly": "KJL"}
HIGHLAND = {"Kalbajar", "Lachin", "Gubadli", "Shusha"}
RANGE = {"Khojavand", "Khojaly", "Tartar"}

# Approximate pre-1993 Azerbaijani populations of the occupied parts, thousands [G] (from
# general knowledge, not from the facts sheet); only the shares are used, scaled to 800,000.
POP_1993_K = {"Aghdam": 130, "Fuzuli": 100, "Jabrayil": 60, "Zangilan": 35, "Gubadli": 32,
              "Lachin": 60, "Kalbajar": 55, "Shusha": 20, "Khojaly": 10, "Khojavand": 15, "Tartar": 10}
IDPS = 800000               # [R] sources §3 (Milli Majlis letter, May 2025)

# Settlements: (name, district, lon, lat, is_centre, in Great Return by 2024 [G, from memory]).
# Coordinates are approximate (+-5 km), from general knowledge.
SETTLEMENTS_LL = [
    ("Aghdam", "Aghdam", 46.93, 39.99, True, False), ("Khidirli", "Aghdam", 46.98, 40.02, False, True),
    ("Papravand", "Aghdam", 46.97, 40.06, False, False), ("Giyasli", "Aghdam", 47.02, 40.04, False, False),
    ("Boyahmadli", "Aghdam", 47.02, 39.93, False, False),
    ("Fuzuli", "Fuzuli", 47.145, 39.60, True, True), ("Dovletyarli", "Fuzuli", 47.20, 39.57, False, False),
    ("Gochahmadli", "Fuzuli", 47.10, 39.52, False, False), ("Yukhari Kurdmahmudlu", "Fuzuli", 47.18, 39.64, False, False),
    ("Jabrayil", "Jabrayil", 47.03, 39.40, True, True), ("Soltanli", "Jabrayil", 46.95, 39.26, False, False),
    ("Mehdili", "Jabrayil", 46.98, 39.37, False, False), ("Dashkasan", "Jabrayil", 46.90, 39.43, False, False),
    ("Khudafarin", "Jabrayil", 46.93, 39.17, False, False),
    ("Zangilan", "Zangilan", 46.65, 39.09, True, False), ("Aghali", "Zangilan", 46.62, 39.13, False, True),
    ("Minjivan", "Zangilan", 46.70, 39.02, False, False), ("Bartaz", "Zangilan", 46.55, 39.04, False, False),
    ("Gubadli", "Gubadli", 46.58, 39.34, True, False), ("Khanlig", "Gubadli", 46.66, 39.30, False, False),
    ("Muradkhanli", "Gubadli", 46.50, 39.28, False, False),
    ("Lachin", "Lachin", 46.55, 39.64, True, True), ("Zabukh", "Lachin", 46.50, 39.61, False, True),
    ("Sus", "Lachin", 46.52, 39.62, False, True), ("Minkand", "Lachin", 46.35, 39.75, False, False),
    ("Kalbajar", "Kalbajar", 46.04, 40.10, True, False), ("Istisu", "Kalbajar", 45.98, 39.95, False, False),
    ("Zulfugarli", "Kalbajar", 46.35, 40.05, False, False), ("Chaykend", "Kalbajar", 46.15, 40.25, False, False),
    ("Shusha", "Shusha", 46.75, 39.76, True, True), ("Dashalti", "Shusha", 46.72, 39.79, False, False),
    ("Malibeyli", "Shusha", 46.77, 39.80, False, False),
    ("Khojavand", "Khojavand", 47.11, 39.79, True, False), ("Hadrut", "Khojavand", 47.03, 39.52, False, False),
    ("Tugh", "Khojavand", 46.99, 39.57, False, False), ("Salakatin", "Khojavand", 47.05, 39.62, False, False),
    ("Talish", "Tartar", 46.66, 40.13, False, True), ("Sugovushan", "Tartar", 46.73, 40.16, False, False),
    ("Aghdara", "Tartar", 46.82, 40.22, True, False),
    ("Khojaly", "Khojaly", 46.79, 39.91, True, False), ("Khankendi", "Khojaly", 46.76, 39.82, False, False),
    ("Askeran", "Khojaly", 46.83, 39.93, False, False),
]


def proj(pts):
    return [gk.utm_forward(lon, lat, ZONE) for lon, lat in pts]


def waterfill(total, weights, caps):
    """Share `total` in proportion to `weights`, never above `caps`; the excess of capped
    entries is re-shared among the others. Returns {key: amount}."""
    out = {k: 0.0 for k in weights}
    free = set(k for k in weights if weights[k] > 0)
    left = total
    while free and left > 1e-9:
        wsum = sum(weights[k] for k in free)
        capped = [k for k in free if out[k] + left * weights[k] / wsum >= caps[k]]
        if not capped:
            for k in free:
                out[k] += left * weights[k] / wsum
            left = 0.0
            break
        for k in capped:
            left -= caps[k] - out[k]
            out[k] = caps[k]
            free.discard(k)
    return out


def main():
    rng = random.Random(SEED)
    study = proj(STUDY_LL)[::-1]                      # counter-clockwise
    loc = proj(LOC_LL)
    axes = [proj(a) for a in AXES_LL]
    seeds = [(d, x, y) for d, pts in SEEDS_LL.items() for x, y in proj(pts)]
    sett = [(n, d, *gk.utm_forward(lon, lat, ZONE), c, g) for n, d, lon, lat, c, g in SETTLEMENTS_LL]
    centres = [(x, y) for _, _, x, y, c, _ in sett if c]
    xmin, ymin, xmax, ymax = gk.ring_bbox(study)
    gxmin, gymin = math.floor(xmin / 500) * 500, math.floor(ymin / 500) * 500
    gxmax, gymax = math.ceil(xmax / 500) * 500, math.ceil(ymax / 500) * 500

    def district(x, y):
        return min(seeds, key=lambda s: (s[1] - x) ** 2 + (s[2] - y) ** 2)[0]

    # MARK: tiles
    tiles = []                                       # (x0, y0, side)
    nx, ny = int((gxmax - gxmin) // TILE) + 1, int((gymax - gymin) // TILE) + 1
    for j in range(ny):
        for i in range(nx):
            x0, y0 = gxmin + i * TILE, gymin + j * TILE
            cx, cy = x0 + TILE / 2, y0 + TILE / 2
            if gk.dist_to_polyline(cx, cy, loc) <= LOC_SPLIT_M:
                for dj in range(2):
                    for di in range(2):
                        sx, sy = x0 + di * TILE / 2, y0 + dj * TILE / 2
                        if gk.point_in_ring(sx + TILE / 4, sy + TILE / 4, study):
                            tiles.append((sx, sy, TILE / 2))
            elif gk.point_in_ring(cx, cy, study):
                tiles.append((x0, y0, TILE))

    recs = []
    for x0, y0, s in tiles:
        cx, cy = x0 + s / 2, y0 + s / 2
        d = district(cx, cy)
        dl = gk.dist_to_polyline(cx, cy, loc)
        da = min(gk.dist_to_polyline(cx, cy, a) for a in axes)
        jit = s * 0.04
        ring = gk.convex_hull([(x0 + rng.uniform(0, jit), y0 + rng.uniform(0, jit)),
                               (x0 + s - rng.uniform(0, jit), y0 + rng.uniform(0, jit)),
                               (x0 + s - rng.uniform(0, jit), y0 + s - rng.uniform(0, jit)),
                               (x0 + rng.uniform(0, jit), y0 + s - rng.uniform(0, jit))])
        recs.append({"x": cx, "y": cy, "district": d, "dl": dl, "da": da, "ring": ring,
                     "area": gk.polygon_area(ring), "u": rng.random()})

    # MARK: district totals (water-filling)
    dists = list(SEEDS_LL)
    tile_area = {d: sum(r["area"] for r in recs if r["district"] == d) / 1e6 for d in dists}
    caps = {d: 0.97 * tile_area[d] for d in dists}
    w = {d: RELEASED_2023_HA[d] for d in dists}
    totals = waterfill(TOTAL_KM2, w, caps)
    for r in recs:
        r["target"] = r["area"] * totals[r["district"]] / tile_area[r["district"]]
        r["ring"] = gk.scale_ring(r["ring"], math.sqrt(r["target"] / r["area"]), gk.centroid(r["ring"]))
        r["km2"] = gk.polygon_area(r["ring"]) / 1e6

    # MARK: type (mined 9,000 km2 [R], battle area the rest [D])
    # Battle area (UXO or CM): the tiles outside the line-of-contact belt closest to a 2020 axis of
    # advance (distance plus a random term of up to 2 km, so the edge is ragged), taken until
    # BATTLE_KM2; a tile is taken while the total stays below the target less half the tile, so the
    # result is within half the smallest tile (< 1 km2) of the target. Everything else is mined.
    for r in recs:
        r["v"] = rng.random()
    acc = 0.0
    for r in sorted((r for r in recs if r["dl"] > BELT_M), key=lambda r: (r["da"] + 2000 * r["v"], r["y"], r["x"])):
        if acc < BATTLE_KM2 - r["km2"] / 2:
            r["zone"] = "battle"
            acc += r["km2"]
    for r in recs:
        if r.get("zone") == "battle":
            r["type"] = "UXO" if rng.random() < UXO_SHARE_OF_BATTLE else "CM"
        else:
            r["zone"] = "belt" if r["dl"] <= BELT_M else "depth"
            r["type"] = "AP" if rng.random() < AP_SHARE_OF_MINED[r["zone"]] else "AV"

    # MARK: density ("high" on 2,118 km2 [R]) and status (CHA = the high land [G])
    dist_haz = {d: sum(r["km2"] for r in recs if r["district"] == d) for d in dists}
    high = waterfill(HIGH_KM2, w, {d: 0.8 * dist_haz[d] for d in dists})
    for d in dists:
        mine = [r for r in recs if r["district"] == d]
        mine.sort(key=lambda r: -(math.exp(-r["dl"] / 3000) + 0.6 * math.exp(-r["da"] / 4000) + 0.5 * r["u"]))
        acc = 0.0
        for r in mine:
            if acc < high[d] - r["km2"] / 2:
                r["density"] = "high"
                acc += r["km2"]
            elif r["zone"] != "depth":
                r["density"] = "medium"
            else:
                r["density"] = "low" if rng.random() < 0.7 else "medium"
    # Confirmed (CHA): no CHA/SHA split is published (sources §3 records the gap). Assumption [G]:
    # the land AzCBL calls "high contamination" is the land with direct evidence, so CHA = the
    # high-density tiles, unless --cha-km2 asks for another amount (probes): then CHA is the
    # highest-scoring tiles (the same score, all districts together) up to that amount.
    if CHA_KM2 is None:
        for r in recs:
            r["status"] = "CHA" if r["density"] == "high" else "SHA"
    else:
        acc = 0.0
        for r in sorted(recs, key=lambda r: -(math.exp(-r["dl"] / 3000) + 0.6 * math.exp(-r["da"] / 4000) + 0.5 * r["u"])):
            r["status"] = "SHA"
            if acc < CHA_KM2 - r["km2"] / 2:
                r["status"] = "CHA"
                acc += r["km2"]

    # MARK: terrain
    for r in recs:
        if any(math.hypot(r["x"] - x, r["y"] - y) < 1500 for x, y in centres):
            r["terrain"] = "urban"
        elif r["district"] in HIGHLAND:
            r["terrain"] = "mountain" if rng.random() < 0.8 else "vegetated"
        elif r["district"] in RANGE:
            r["terrain"] = "vegetated" if rng.random() < 0.5 else "open"
        else:
            r["terrain"] = "open" if rng.random() < 0.85 else "vegetated"

    recs.sort(key=lambda r: (r["district"], -r["y"], r["x"]))
    counters = {}
    hz = []
    for r in recs:
        counters[r["district"]] = counters.get(r["district"], 0) + 1
        hid = f"{ID_PREFIX[r['district']]}-{counters[r['district']]:04d}"
        r["id"] = hid
        hz.append(gk.feature("Polygon", [gk.ring_to_lonlat(r["ring"], ZONE)], {
            "id": hid, "name": f"{r['district']} synthetic {r['zone']} area", "type": r["type"],
            "status": r["status"], "density": r["density"], "terrain": r["terrain"], "region": r["district"]}))

    # MARK: settlements
    pop_w = sum(POP_1993_K.values())
    st = []
    for n, d, x, y, c, g in sett:
        idp_d = IDPS * POP_1993_K[d] / pop_w
        nvill = sum(1 for s in sett if s[1] == d and not s[4])
        ncent = sum(1 for s in sett if s[1] == d and s[4])
        share = 0.35 if c else (0.65 if ncent else 1.0) / nvill
        if c and nvill == 0:
            share = 1.0
        st.append(gk.feature("Point", gk.point_to_lonlat(x, y, ZONE), {
            "name": n, "displaced": int(round(idp_d * share, -1)),
            "return_share": 0.7 if g else (0.5 if c else 0.4), "district": d}))

    # MARK: incidents (synthetic)
    # A probe (--cha-km2) keeps no incident layer: the 45 % of incidents inside CHA cannot hold with
    # little CHA; pair its hazards with the committed incidents.
    incidents = make_incidents(rng, recs, study, loc, sett, (gxmin, gymin)) if CHA_KM2 is None else []

    out = OUT_DIR or os.path.join(HERE, "layers")
    os.makedirs(out, exist_ok=True)
    gk.write_geojson(os.path.join(out, "hazards.geojson"), hz, "hazards",
                     "SYNTHETIC hazard polygons generated to match reported totals (generate.py); not real minefields")
    gk.write_geojson(os.path.join(out, "settlements.geojson"), st, "settlements")
    gk.write_geojson(os.path.join(out, "incidents.geojson"), [
        gk.feature("Point", gk.point_to_lonlat(x, y, ZONE), p) for x, y, p in incidents], "incidents",
        "SYNTHETIC incident points: counts and casualties match reported figures, locations are invented (generate.py)")
    gk.write_geojson(os.path.join(out, "line-of-contact.geojson"), [
        gk.feature("LineString", [gk.point_to_lonlat(x, y, ZONE) for x, y in loc],
                   {"name": "1994-2020 line of contact (approximate, hand-drawn)"})]
        + [gk.feature("LineString", [gk.point_to_lonlat(x, y, ZONE) for x, y in a],
                      {"name": f"2020 axis of advance {k + 1} (approximate)"}) for k, a in enumerate(axes)]
        + [gk.feature("Polygon", [gk.ring_to_lonlat(study, ZONE)], {"name": "study area (approximate)"})],
        "reference-lines", "Approximate hand-drawn lines used by generate.py; not survey data")

    # MARK: report
    print(f"grid bbox [{gxmin:.0f}, {gymin:.0f}, {gxmax:.0f}, {gymax:.0f}] -> "
          f"{(gxmax - gxmin) / 500:.0f} x {(gymax - gymin) / 500:.0f} cells of 500 m")
    print(f"study area {gk.polygon_area(study) / 1e6:.0f} km2; tiles {len(recs)}")
    print("district  seed-area  proportional-target  hazard  high  polygons")
    tot = sum(w.values())
    for d in sorted(dists, key=lambda d: -w[d]):
        n = sum(1 for r in recs if r["district"] == d)
        hk = sum(r["km2"] for r in recs if r["district"] == d and r["density"] == "high")
        print(f"{d:10s} {tile_area[d]:8.0f} {TOTAL_KM2 * w[d] / tot:10.0f} {dist_haz[d]:10.0f} {hk:7.0f} {n:6d}")
    print(f"total hazard {sum(dist_haz.values()):.0f} km2, high "
          f"{sum(r['km2'] for r in recs if r['density'] == 'high'):.0f} km2")
    mined = sum(r["km2"] for r in recs if r["type"] in ("AP", "AV"))
    print(f"mined (AP+AV) {mined:.1f} km2 (target {MINED_KM2:.0f}, {100 * (mined / MINED_KM2 - 1):+.2f} %); "
          f"UXO+CM {TOTAL_KM2 - mined:.1f} km2 (target {BATTLE_KM2:.0f}, "
          f"{100 * ((sum(dist_haz.values()) - mined) / BATTLE_KM2 - 1):+.2f} %)")
    print("district  mined  battle  CHA  SHA")
    for d in sorted(dists, key=lambda d: -w[d]):
        def a(f):
            return sum(r["km2"] for r in recs if r["district"] == d and f(r))
        print(f"{d:10s} {a(lambda r: r['type'] in ('AP', 'AV')):6.0f} {a(lambda r: r['type'] in ('UXO', 'CM')):6.0f} "
              f"{a(lambda r: r['status'] == 'CHA'):6.0f} {a(lambda r: r['status'] == 'SHA'):6.0f}")
    for t in ("AP", "AV", "CM", "UXO"):
        print(t, {s: round(sum(r["km2"] for r in recs if r["type"] == t and r["status"] == s)) for s in ("CHA", "SHA")},
              {k: round(sum(r["km2"] for r in recs if r["type"] == t and r["density"] == k)) for k in ("high", "medium", "low")})
    for key in ("type", "status", "density", "terrain", "zone"):
        agg = {}
        for r in recs:
            agg[r[key]] = agg.get(r[key], 0) + r["km2"]
        print(key, {k: round(v) for k, v in sorted(agg.items())})
    for n, d, x, y, c, g in sett:
        if c:
            print(f"centre {n}: [{x:.0f}, {y:.0f}]")
    by = {}
    for x, y, p in incidents:
        k = p["date"][:4]
        by.setdefault(k, [0, 0])
        by[k][0] += 1
        by[k][1] += p["casualties"]
    print("incidents by year [n, casualties]:", dict(sorted(by.items())))


PERIODS = [  # (first month, last month, incidents, casualties, p_military)
    ((2020, 11), (2021, 12), 77, 197, 0.59),
    ((2022, 1), (2022, 12), 66, 71, 0.44),
    ((2023, 1), (2023, 8), 37, 43, 0.44),
    ((2023, 9), (2023, 12), 13, 15, 0.44),
    ((2024, 1), (2024, 12), 27, 41, 0.44),
]
SEASON = {1: 0.5, 2: 0.6, 3: 0.9, 4: 1.2, 5: 1.3, 6: 1.3, 7: 1.3, 8: 1.2, 9: 1.2, 10: 1.1, 11: 0.8, 12: 0.6}


def make_incidents(rng, recs, study, loc, sett, origin):
    index = {}
    for r in recs:
        if r["status"] == "CHA":
            index.setdefault((int((r["x"] - origin[0]) // TILE), int((r["y"] - origin[1]) // TILE)), []).append(r["ring"])

    def in_cha(x, y):
        rings = index.get((int((x - origin[0]) // TILE), int((y - origin[1]) // TILE)), [])
        return any(gk.point_in_ring(x, y, ring) for ring in rings)

    out = []
    length = gk.polyline_length(loc)
    for (y0, m0), (y1, m1), n, cas, p_mil in PERIODS:
        months = []
        y, m = y0, m0
        while (y, m) <= (y1, m1):
            months.append(((y, m), SEASON[m] * (21 / 30 if (y, m) == (2020, 11) else 1)))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        n_near = round(n * 52 / 180)
        n_cha = round(n * 0.45)
        near = [True] * n_near + [False] * (n - n_near)
        cha = [True] * n_cha + [False] * (n - n_cha)
        rng.shuffle(near)
        rng.shuffle(cha)
        weights = [rng.paretovariate(1.5) for _ in range(n)]
        extra = [0] * n
        for _ in range(cas - n):
            u = rng.random() * sum(weights)
            for k, wk in enumerate(weights):
                u -= wk
                if u <= 0:
                    break
            extra[k] += 1
        tot = sum(wt for _, wt in months)
        for k in range(n):
            u = rng.random() * tot
            for (yy, mm), wt in months:
                u -= wt
                if u <= 0:
                    break
            lo = 10 if (yy, mm) == (2020, 11) else 1
            for _ in range(20000):
                if near[k]:
                    (px, py), (ux, uy) = gk.point_along(loc, rng.uniform(0, length))
                    off = rng.uniform(-5000, 5000)
                    x, y = px - uy * off, py + ux * off
                elif rng.random() < 0.6:
                    s = rng.choice(sett)
                    x, y = s[2] + rng.gauss(0, 3000), s[3] + rng.gauss(0, 3000)
                else:
                    xmin, ymin, xmax, ymax = gk.ring_bbox(study)
                    x, y = rng.uniform(xmin, xmax), rng.uniform(ymin, ymax)
                if not gk.point_in_ring(x, y, study):
                    continue
                if (gk.dist_to_polyline(x, y, loc) <= 5000) != near[k]:
                    continue
                if in_cha(x, y) != cha[k]:
                    continue
                break
            else:
                raise RuntimeError("could not place an incident; relax the constraints")
            if near[k]:
                dev = "AP" if rng.random() < 0.6 else "AV" if rng.random() < 0.6 else "unknown"
            else:
                u = rng.random()
                dev = "UXO" if u < 0.4 else "AP" if u < 0.7 else "AV" if u < 0.8 else "CM" if u < 0.85 else "unknown"
            out.append((x, y, {"date": f"{yy}-{mm:02d}-{rng.randint(lo, 28):02d}",
                               "casualties": 1 + extra[k], "device": dev,
                               "victim": "military" if rng.random() < p_mil else "civilian"}))
    out.sort(key=lambda t: (t[2]["date"], t[0]))
    return out


if __name__ == "__main__":
    # Probes only (the committed layers use neither): --cha-km2 X marks X km2 as CHA instead of
    # the high land (and writes an empty incident layer); --out DIR writes the layers there
    # instead of layers/.
    args = sys.argv[1:]
    if "--cha-km2" in args:
        CHA_KM2 = float(args[args.index("--cha-km2") + 1])
    if "--out" in args:
        OUT_DIR = args[args.index("--out") + 1]
    main()
