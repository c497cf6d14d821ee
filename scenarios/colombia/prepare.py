#!/usr/bin/env python3
"""Prepare the Antioquia validation layers from Colombia's landmine-victims open data.

    python3 scenarios/colombia/prepare.py [--input RAW.csv] [--output DIR] [--provenance FILE]

Defaults: --input ../shared/data/colombia-victims/SituacionVictimas.csv (beside the repository),
--output scenarios/colombia/layers, --provenance scenarios/colombia/PROVENANCE.md.
The tests can run it on `raw-excerpt.csv` (a 56-row excerpt covering every defect) with
another --output directory.

Each known defect of the source is handled EXPLICITLY and counted (see PROVENANCE.md):
1. `estado` and `genero` values are swapped (sex in `estado`, outcome in `genero`): a row is
   swapped back when `estado` holds a sex value and `genero` an outcome value; rows already in
   the right order are kept; rows with neither pattern are counted and kept with outcome
   "unknown" (they still count as victims).
2. Numbers carry thousands separators ("2,006", "5,313"): the commas are removed before
   parsing; a year outside 1990..2023 or a month outside 1..12 drops the row (counted).
3. 2023 is incomplete in the source: all 2023 rows are excluded (counted).
4. Several victims per incident: rows are grouped by (municipality code, year, month,
   latitude, longitude); one output row per group, `casualties` = victims in the group.
5. Coordinates (`latitudcabecera`, `longitudcabecera`) are mostly those of the municipal seat
   (cabecera), not of the site: the output keeps them (rounded to 1e-6 degrees) and
   PROVENANCE.md reports how many victims sit exactly on their municipality's most frequent
   coordinate. Treat positions as uncertain by several kilometres.
Rows outside Antioquia (DANE department code 5) are dropped (counted). `device` is "unknown"
for every row: the dataset mixes anti-personnel mines (MAP) and unexploded ordnance (MUSE)
without a per-victim device field. `victim` is the majority of the group's `condicion`
("Fuerza pública" -> military, "Civil" -> civilian; ties -> military, counted).

Outputs (all byte-identical on every run):
- layers/incidents-antioquia.csv: lon, lat, date (YYYY-MM), casualties, device, victim,
  municipality (5-digit DANE code), with a GDAL .csvt sidecar giving the column types.
- layers/settlements-antioquia.geojson: one point per municipality in the data at its most
  frequent coordinate (the assumed seat): displaced 1, return_share 0 (the return-pressure
  factor has weight 0 in these scenarios).
- layers/hazards-proxy-2010.geojson, layers/hazards-proxy-2015.geojson: a PROXY (no public
  hazard polygons exist): an axis-aligned square in UTM 18N centred on the seat of every
  municipality with at least one incident up to the cut-off year, half-side 5 km or less so
  that no two squares overlap; type AP, status SHA, density by the number of incidents up to
  the cut-off (1-2 low, 3-10 medium, >10 high).
"""

import argparse
import collections
import csv
import hashlib
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
import geokit as gk  # noqa: E402

ZONE = 18
# The shared data folder sits beside the repository (../shared from its root).
RAW_DEFAULT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared",
                           "data", "colombia-victims", "SituacionVictimas.csv")
SEXES = {"Hombre", "Mujer", "Sin Información", "Sin informacion", "Sin información"}
OUTCOMES = {"Herido", "Muerto"}
CUTOFFS = (2010, 2015)
HALF_SIDE_M = 5000.0


def parse_int(text):
    """'2,006' -> 2006; returns (value or None, had_separator)."""
    t = text.strip()
    sep = "," in t
    t = t.replace(",", "")
    try:
        return int(t), sep
    except ValueError:
        return None, sep


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--input", default=RAW_DEFAULT)
    ap.add_argument("--output", default=os.path.join(HERE, "layers"))
    ap.add_argument("--provenance", default=os.path.join(HERE, "PROVENANCE.md"))
    ap.add_argument("--write-excerpt", metavar="FILE",
                    help="also write a small excerpt of the raw input covering every defect (raw-excerpt.csv)")
    args = ap.parse_args(argv)
    if args.write_excerpt:
        write_excerpt(args.input, args.write_excerpt)

    with open(args.input, "rb") as fh:
        raw = fh.read()
    sha = hashlib.sha256(raw).hexdigest()
    rows = list(csv.DictReader(raw.decode("utf-8").splitlines()))
    n = collections.OrderedDict()
    n["rows read (victims)"] = len(rows)

    # 1. swapped estado / genero
    swapped = kept = unknown = 0
    for r in rows:
        e, g = r["estado"].strip(), r["genero"].strip()
        if e in SEXES and g in OUTCOMES:
            r["estado"], r["genero"] = g, e
            swapped += 1
        elif e in OUTCOMES:
            kept += 1
        else:
            r["estado"] = "unknown"
            unknown += 1
    n["estado/genero swapped back"] = swapped
    n["estado/genero already in order"] = kept
    n["estado/genero unrecognised (outcome set to unknown, row kept)"] = unknown

    # 2. thousands separators, ranges
    good, sep_years, sep_codes, bad_num = [], 0, 0, 0
    for r in rows:
        year, s1 = parse_int(r["ano"])
        month, _ = parse_int(r["mes"])
        dept, _ = parse_int(r["codigodanedepartamento"])
        muni, s2 = parse_int(r["codigodanemunicipio"])
        sep_years += s1
        sep_codes += s2
        try:
            lat, lon = float(r["latitudcabecera"]), float(r["longitudcabecera"])
        except ValueError:
            lat = lon = None
        if None in (year, month, dept, muni, lat, lon) or not (1990 <= year <= 2023 and 1 <= month <= 12) \
                or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            bad_num += 1
            continue
        r.update(year=year, month=month, dept=dept, muni=muni, lat=lat, lon=lon)
        good.append(r)
    n["years written with a thousands separator (fixed)"] = sep_years
    n["municipality codes written with a thousands separator (fixed)"] = sep_codes
    n["rows dropped: unparsable or out-of-range year, month, code or coordinate"] = bad_num

    # department filter
    ant = [r for r in good if r["dept"] == 5]
    n["rows dropped: outside Antioquia (DANE department 5)"] = len(good) - len(ant)
    n["Antioquia rows"] = len(ant)

    # 3. 2023 incomplete
    final = [r for r in ant if r["year"] <= 2022]
    n["rows dropped: year 2023 (incomplete in the source)"] = len(ant) - len(final)
    n["victims kept (Antioquia, 1990-2022)"] = len(final)

    # 5. precision: modal coordinate per municipality = assumed seat
    coords = collections.defaultdict(collections.Counter)
    names = {}
    for r in final:
        coords[r["muni"]][(r["lat"], r["lon"])] += 1
        names[r["muni"]] = r["municipio"].strip()
    seat = {m: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for m, c in coords.items()}
    on_seat = sum(c[seat[m]] for m, c in coords.items())
    n["municipalities"] = len(coords)
    n["distinct coordinates"] = sum(len(c) for c in coords.values())
    n["victims at their municipality's most frequent coordinate (assumed seat)"] = on_seat

    # 4. group victims into incidents
    groups = collections.OrderedDict()
    for r in final:
        key = (r["muni"], r["year"], r["month"], r["lat"], r["lon"])
        groups.setdefault(key, []).append(r)
    ties = 0
    incidents = []
    for (muni, year, month, lat, lon), vs in groups.items():
        mil = sum(1 for v in vs if v["condicion"].strip().lower().startswith("fuerza"))
        civ = len(vs) - mil
        ties += mil == civ
        incidents.append({"lon": round(lon, 6), "lat": round(lat, 6), "date": f"{year}-{month:02d}",
                          "casualties": len(vs), "device": "unknown",
                          "victim": "military" if mil >= civ else "civilian", "municipality": f"{muni:05d}"})
    incidents.sort(key=lambda d: (d["date"], d["municipality"], d["lat"], d["lon"]))
    n["incidents (groups of municipality, year, month, coordinate)"] = len(incidents)
    n["incidents with a civilian/military tie (victim set to military)"] = ties
    n["incidents with more than one victim"] = sum(1 for d in incidents if d["casualties"] > 1)
    per_year = collections.Counter(int(d["date"][:4]) for d in incidents)

    os.makedirs(args.output, exist_ok=True)
    with open(os.path.join(args.output, "incidents-antioquia.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["lon", "lat", "date", "casualties", "device", "victim", "municipality"],
                           lineterminator="\n")
        w.writeheader()
        w.writerows(incidents)
    # GDAL's CSV driver reads column types from a .csvt sidecar; without it every field is a string.
    with open(os.path.join(args.output, "incidents-antioquia.csvt"), "w", encoding="utf-8", newline="") as fh:
        fh.write('"Real","Real","String","Integer","String","String","String"\n')

    # settlements = assumed seats
    munis = sorted(seat)
    gk.write_geojson(os.path.join(args.output, "settlements-antioquia.geojson"), [
        gk.feature("Point", [round(seat[m][1], 6), round(seat[m][0], 6)],
                   {"name": names[m], "displaced": 1, "return_share": 0.0, "district": f"{m:05d}"})
        for m in munis], "settlements",
        "Municipal seats (most frequent coordinate per municipality in the victims data); nominal population 1")

    # hazard proxies
    xy = {m: gk.utm_forward(seat[m][1], seat[m][0], ZONE) for m in munis}
    proxies = {}
    for cut in CUTOFFS:
        count = collections.Counter(d["municipality"] for d in incidents if int(d["date"][:4]) <= cut)
        ms = [m for m in munis if count[f"{m:05d}"] > 0]
        feats = []
        for m in ms:
            x, y = xy[m]
            cheb = min((max(abs(x - xy[o][0]), abs(y - xy[o][1])) for o in ms if o != m), default=2 * HALF_SIDE_M)
            h = min(HALF_SIDE_M, cheb / 2 - 50.0)
            k = count[f"{m:05d}"]
            ring = [(x - h, y - h), (x + h, y - h), (x + h, y + h), (x - h, y + h)]
            feats.append(gk.feature("Polygon", [gk.ring_to_lonlat(ring, ZONE)], {
                "id": f"PROXY-{cut}-{m:05d}", "name": f"{names[m]} (proxy: incidents to {cut})",
                "type": "AP", "status": "SHA", "density": "low" if k <= 2 else "medium" if k <= 10 else "high",
                "terrain": "vegetated", "region": f"{m:05d}"}))
        gk.write_geojson(os.path.join(args.output, f"hazards-proxy-{cut}.geojson"), feats, "hazards",
                         f"PROXY hazards, not survey data: squares (half-side <= 5 km) around the seats of "
                         f"municipalities with incidents up to {cut}")
        proxies[cut] = (len(feats), sum(1 for f in feats if f["properties"]["density"] == "high"),
                        min((abs(gk.polygon_area([gk.utm_forward(*p, ZONE) for p in f["geometry"]["coordinates"][0][:-1]])) for f in feats), default=0) / 1e6)
        n[f"proxy hazards to {cut} (municipalities with incidents)"] = len(feats)

    write_provenance(args, sha, len(raw), n, per_year, proxies, incidents)
    for k, v in n.items():
        print(f"{k}: {v}")


def write_excerpt(src, dst):
    """Copy ~56 raw lines (byte-exact, in file order) that cover every defect: a whole
    multi-victim incident, a civilian/military tie, all Antioquia 2023 rows plus two from other
    departments, rows from other departments, rows at a non-seat coordinate, urban rows, and
    plain single-victim rows. Every raw row has the swapped columns and thousands separators."""
    with open(src, encoding="utf-8", newline="") as fh:
        lines = fh.read().split("\n")
    header, body = lines[0], [ln for ln in lines[1:] if ln]
    rows = list(csv.DictReader([header] + body))
    assert len(rows) == len(body), "raw rows must be one per line"
    ant = lambda r: r["codigodanedepartamento"] == "5"
    key = lambda r: (r["codigodanemunicipio"], r["ano"], r["mes"], r["latitudcabecera"], r["longitudcabecera"])
    groups = collections.OrderedDict()
    for i, r in enumerate(rows):
        if ant(r) and r["ano"] != "2,023":
            groups.setdefault(key(r), []).append(i)
    pick = []
    big = next(g for g in groups.values() if 5 <= len(g) <= 9)
    pick += big
    tie = next(g for g in groups.values()
               if len(g) >= 2 and 2 * sum(rows[i]["condicion"].startswith("Fuerza") for i in g) == len(g))
    pick += tie
    pick += [i for i, r in enumerate(rows) if ant(r) and r["ano"] == "2,023"]
    pick += [i for i, r in enumerate(rows) if not ant(r) and r["ano"] == "2,023"][:2]
    pick += [i for i, r in enumerate(rows) if not ant(r) and r["ano"] != "2,023"][:8]
    seat_muni = rows[big[0]]["codigodanemunicipio"]
    counts = collections.Counter((r["latitudcabecera"], r["longitudcabecera"]) for r in rows
                                 if r["codigodanemunicipio"] == seat_muni)
    modal = sorted(counts.items(), key=lambda kv: -kv[1])[0][0]
    pick += [i for i, r in enumerate(rows) if r["codigodanemunicipio"] == seat_muni
             and (r["latitudcabecera"], r["longitudcabecera"]) != modal and i not in pick][:5]
    pick += [i for i, r in enumerate(rows) if ant(r) and r["tipoarea"] == "Urbana" and i not in pick][:2]
    for i, r in enumerate(rows):
        if len(set(pick)) >= 56:
            break
        if ant(r) and r["ano"] != "2,023" and len(groups[key(r)]) == 1:
            pick.append(i)
    with open(dst, "w", encoding="utf-8", newline="") as fh:
        fh.write("\n".join([header] + [body[i] for i in sorted(set(pick))]) + "\n")


def write_provenance(args, sha, size, n, per_year, proxies, incidents):
    src = os.path.abspath(args.input)
    lines = [
        "# Provenance: Colombia (Antioquia) validation layers",
        "",
        "Generated by `prepare.py` (standard library only; byte-identical on every run). Do not edit by hand.",
        "",
        "## Origin",
        "",
        "- Dataset: *Situación Víctimas Minas Antipersonal*, Colombia's open-data portal datos.gov.co,",
        "  dataset `yhxn-eqqw` (open government data).",
        "- Copy used: `SituacionVictimas.csv` from the public GitHub repository",
        "  STIVENMARTINEZVILLAMIZAR/MongoDB_S2_VIctimas_Minas_Antipersonales, commit 595a4bb",
        "  (shipped with this project at `shared/data/colombia-victims/`).",
        f"- Input read: `{os.path.basename(src)}`, {size:,} bytes, SHA-256 `{sha}`.",
        "- One row per victim; 18 columns; coordinates in WGS84 degrees.",
        "",
        "## What was changed, with counts",
        "",
        "| step | count |",
        "|---|---:|",
    ]
    lines += [f"| {k} | {v:,} |" for k, v in n.items()]
    lines += [
        "",
        "Defects and how each is handled:",
        "",
        "1. **`estado` and `genero` swapped.** Sex values (Hombre/Mujer/Sin Información) sit in `estado`",
        "   and outcome values (Herido/Muerto) in `genero`; swapped back row by row when the pattern holds.",
        "   The outcome is not written to the incidents layer (the format has no killed/injured field),",
        "   but the fix is applied so that any later use of the columns is correct.",
        "2. **Thousands separators** in `ano` (\"2,006\") and `codigodanemunicipio` (\"5,313\"): commas",
        "   removed before parsing; municipality codes are written as 5-digit DANE codes (05313).",
        "3. **2023 is incomplete** in the source: every 2023 row is excluded (counted above).",
        "4. **Several victims per incident:** grouped by (municipality, year, month, coordinate); one",
        "   row per group with `casualties` = number of victims. Victims of one event reported with",
        "   slightly different coordinates become separate incidents, and two events in the same",
        "   municipality, month and place merge; both effects are unavoidable without an event id.",
        "5. **Coordinates are mostly the municipal seat (cabecera), not the site.** The share of",
        "   victims at their municipality's most frequent coordinate is given above. Position error",
        "   can reach the size of a municipality (Antioquia's average is ~500 km², i.e. 10-20 km).",
        "   A 1 km grid therefore overstates precision; the scenarios use a 5 km kernel and the",
        "   hit-rate metrics should be read at municipal scale.",
        "6. **Dates are months only** (`YYYY-MM`); no day is invented.",
        "7. **No device field:** the dataset covers both MAP (anti-personnel mines) and MUSE",
        "   (unexploded ordnance) without distinguishing them per victim; `device` = unknown.",
        "",
        "## Incidents per year (Antioquia, after cleaning)",
        "",
        "| year | incidents | victims |",
        "|---|---:|---:|",
    ]
    vict = collections.Counter()
    for d in incidents:
        vict[int(d["date"][:4])] += d["casualties"]
    lines += [f"| {y} | {per_year[y]:,} | {vict[y]:,} |" for y in sorted(per_year)]
    lines += [
        "",
        "## Proxy hazard layers",
        "",
        "No public hazard polygons exist for Colombia. `hazards-proxy-<year>.geojson` is a documented",
        "proxy: a square around the assumed seat of every municipality with at least one incident up",
        "to the cut-off year (half-side 5 km, reduced where two seats are closer so that squares never",
        "overlap), type AP, status SHA, density low (1-2 incidents), medium (3-10) or high (>10).",
        "It uses only incidents up to the cut-off, so it leaks nothing from the hold-out period.",
        "",
        "| cut-off | polygons | high density | smallest square, km² |",
        "|---|---:|---:|---:|",
    ]
    lines += [f"| {c} | {p[0]} | {p[1]} | {p[2]:.1f} |" for c, p in sorted(proxies.items())]
    lines += [""]
    with open(args.provenance, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines))


if __name__ == "__main__":
    main()
