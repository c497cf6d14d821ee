#!/usr/bin/env python3
"""Generate the SYNTHETIC evidence layers of the learned-risk demo (scenarios/demo/learned.yaml).

    python3 scenarios/demo/generate_evidence.py

Reads the demo's hazards (layers/hazards.geojson, written by generate.py) and writes, byte-identical
on every run (seed 20201111, random.Random only):
1. layers/study-area.geojson: the demo area north of the Aras (the river is the border with Iran,
   so cells south of it are not Azerbaijani land to release): the bbox cut along the river's line.
2. layers/elevation.asc (+ .prj): a synthetic elevation raster in WGS84 lon/lat (0.004 degree
   pixels, about 340 x 440 m, so loading exercises resampling onto the UTM grid): 250 m in the
   plain rising to about 1,450 m west of 675 km E, with gentle ripples; the reservoir's pixels are
   nodata (-9999), to exercise nodata handling.
3. layers/clearance-outcomes.geojson: outcome labels: 70 of the 120 hazard polygons "already
   released", each with outcome `mines_found` or `nothing_found` drawn with a KNOWN probability
       P(found) = 1 / (1 + exp(-(-1.2 + 2.4 * [status is CHA] + 1.6 * exp(-d / 1500) - 0.0012 * (elev - 250))))
   where d is the distance from the polygon's centre to the synthetic front line and elev the
   elevation at its centre: confirmed areas near the front, in the plain, are the likeliest finds.
Everything here is invented; it demonstrates and tests the pipeline, it is not evidence.
"""

import json
import math
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
sys.path.insert(0, HERE)
import geokit as gk  # noqa: E402
from generate import FRONT, XMAX, XMIN, YMAX, ZONE  # noqa: E402

SEED = 20201111
RIVER = [(XMIN, 4361200), (675000, 4360900), (685000, 4361500), (695000, 4361000), (XMAX, 4361400)]
LON0, LAT0, LON1, LAT1, STEP = 46.90, 39.35, 47.42, 39.66, 0.004
RESERVOIR = (672000, 4382000, 1300)  # centre and radius of the nodata disc (the generator's reservoir)
WGS84_PRJ = ('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],'
             'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]')


def elevation(x, y):
    """Synthetic elevation in metres at UTM 38N (x, y)."""
    return 250 + 1200 / (1 + math.exp(-(675000 - x) / 4000)) + 60 * math.sin(x / 3000) * math.cos(y / 2500)


def front_distance(x, y):
    return gk.dist_to_polyline(x, y, FRONT)


def write_study_area(path):
    ring = [(XMIN, YMAX)] + RIVER + [(XMAX, YMAX)]
    gk.write_geojson(path, [gk.feature("Polygon", [gk.ring_to_lonlat(ring, ZONE)], {"name": "Demo area north of the Aras"})],
                     "study_area", "SYNTHETIC demo: the grid's area north of the Aras (the border)")


def write_elevation(path):
    columns = round((LON1 - LON0) / STEP)
    rows = round((LAT1 - LAT0) / STEP)
    lines = [f"ncols {columns}", f"nrows {rows}", f"xllcorner {LON0}", f"yllcorner {LAT0}", f"cellsize {STEP}",
             "NODATA_value -9999"]
    cx, cy, radius = RESERVOIR
    for r in range(rows):
        lat = LAT1 - (r + 0.5) * STEP
        row = []
        for c in range(columns):
            lon = LON0 + (c + 0.5) * STEP
            x, y = gk.utm_forward(lon, lat, ZONE)
            row.append("-9999" if math.hypot(x - cx, y - cy) < radius else f"{elevation(x, y):.1f}")
        lines.append(" ".join(row))
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")
    with open(os.path.splitext(path)[0] + ".prj", "w", encoding="utf-8", newline="\n") as fh:
        fh.write(WGS84_PRJ + "\n")


def write_outcomes(hazards_path, path):
    rng = random.Random(SEED)
    with open(hazards_path, encoding="utf-8") as fh:
        hazards = json.load(fh)["features"]
    released = sorted(rng.sample(range(len(hazards)), 70))
    features, found = [], 0
    for i in released:
        props = hazards[i]["properties"]
        ring = [gk.utm_forward(lon, lat, ZONE) for lon, lat in hazards[i]["geometry"]["coordinates"][0][:-1]]
        x, y = gk.centroid(ring)
        eta = (-1.2 + 2.4 * (props["status"] == "CHA") + 1.6 * math.exp(-front_distance(x, y) / 1500)
               - 0.0012 * (elevation(x, y) - 250))
        outcome = "mines_found" if rng.random() < 1 / (1 + math.exp(-eta)) else "nothing_found"
        found += outcome == "mines_found"
        features.append(gk.feature("Polygon", hazards[i]["geometry"]["coordinates"],
                                   {"hazard": props["id"], "outcome": outcome}))
    gk.write_geojson(path, features, "outcomes",
                     "SYNTHETIC clearance outcomes of 70 demo hazards, drawn from a known model (generate_evidence.py)")
    return found, len(features)


def main():
    layers = os.path.join(HERE, "layers")
    write_study_area(os.path.join(layers, "study-area.geojson"))
    write_elevation(os.path.join(layers, "elevation.asc"))
    found, total = write_outcomes(os.path.join(layers, "hazards.geojson"), os.path.join(layers, "clearance-outcomes.geojson"))
    print(f"outcomes: {found} of {total} released hazards had mines found")


if __name__ == "__main__":
    main()
