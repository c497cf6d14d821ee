"""Small, dependency-free geometry helpers shared by the scenario generators.

Only the Python 3 standard library is used so that every generator runs anywhere and
re-creates its outputs byte-identically (same inputs, same seed -> same bytes).

Contents
- UTM (transverse Mercator on WGS84) forward and inverse, after Snyder (1987),
  "Map Projections: A Working Manual", USGS PP 1395, pp. 60-64. Accurate to a few
  millimetres within ~3 degrees of the central meridian, which covers every bundled
  scenario (checked against PROJ with gdaltransform; see scenarios/README.md).
- Convex hull, polygon area, point-in-polygon, distance to a polyline.
- A GeoJSON writer with one feature per line, coordinates rounded to 1e-6 degrees.
"""

import json
import math

# MARK: - WGS84 / UTM

_A = 6378137.0
_F = 1 / 298.257223563
_E2 = _F * (2 - _F)
_EP2 = _E2 / (1 - _E2)
_K0 = 0.9996


def _meridian_arc(phi):
    e2 = _E2
    e4 = e2 * e2
    e6 = e4 * e2
    return _A * ((1 - e2 / 4 - 3 * e4 / 64 - 5 * e6 / 256) * phi
                 - (3 * e2 / 8 + 3 * e4 / 32 + 45 * e6 / 1024) * math.sin(2 * phi)
                 + (15 * e4 / 256 + 45 * e6 / 1024) * math.sin(4 * phi)
                 - (35 * e6 / 3072) * math.sin(6 * phi))


def utm_forward(lon, lat, zone, north=True):
    """(lon, lat) degrees -> (easting, northing) metres in UTM `zone`."""
    lon0 = math.radians(-183 + 6 * zone)
    phi = math.radians(lat)
    lam = math.radians(lon)
    n = _A / math.sqrt(1 - _E2 * math.sin(phi) ** 2)
    t = math.tan(phi) ** 2
    c = _EP2 * math.cos(phi) ** 2
    a = math.cos(phi) * (lam - lon0)
    m = _meridian_arc(phi)
    x = _K0 * n * (a + (1 - t + c) * a ** 3 / 6
                   + (5 - 18 * t + t * t + 72 * c - 58 * _EP2) * a ** 5 / 120)
    y = _K0 * (m + n * math.tan(phi) * (a * a / 2 + (5 - t + 9 * c + 4 * c * c) * a ** 4 / 24
                                        + (61 - 58 * t + t * t + 600 * c - 330 * _EP2) * a ** 6 / 720))
    return x + 500000.0, (y if north else y + 10000000.0)


def utm_inverse(x, y, zone, north=True):
    """(easting, northing) metres in UTM `zone` -> (lon, lat) degrees."""
    lon0 = math.radians(-183 + 6 * zone)
    x = x - 500000.0
    if not north:
        y = y - 10000000.0
    m = y / _K0
    mu = m / (_A * (1 - _E2 / 4 - 3 * _E2 ** 2 / 64 - 5 * _E2 ** 3 / 256))
    e1 = (1 - math.sqrt(1 - _E2)) / (1 + math.sqrt(1 - _E2))
    phi1 = (mu + (3 * e1 / 2 - 27 * e1 ** 3 / 32) * math.sin(2 * mu)
            + (21 * e1 ** 2 / 16 - 55 * e1 ** 4 / 32) * math.sin(4 * mu)
            + (151 * e1 ** 3 / 96) * math.sin(6 * mu)
            + (1097 * e1 ** 4 / 512) * math.sin(8 * mu))
    c1 = _EP2 * math.cos(phi1) ** 2
    t1 = math.tan(phi1) ** 2
    n1 = _A / math.sqrt(1 - _E2 * math.sin(phi1) ** 2)
    r1 = _A * (1 - _E2) / (1 - _E2 * math.sin(phi1) ** 2) ** 1.5
    d = x / (n1 * _K0)
    phi = phi1 - (n1 * math.tan(phi1) / r1) * (
        d * d / 2 - (5 + 3 * t1 + 10 * c1 - 4 * c1 * c1 - 9 * _EP2) * d ** 4 / 24
        + (61 + 90 * t1 + 298 * c1 + 45 * t1 * t1 - 252 * _EP2 - 3 * c1 * c1) * d ** 6 / 720)
    lam = lon0 + (d - (1 + 2 * t1 + c1) * d ** 3 / 6
                  + (5 - 2 * c1 + 28 * t1 - 3 * c1 * c1 + 8 * _EP2 + 24 * t1 * t1) * d ** 5 / 120) / math.cos(phi1)
    return math.degrees(lam), math.degrees(phi)


# MARK: - Planar geometry (projected metres)

def polygon_area(ring):
    """Signed shoelace area; positive when counter-clockwise. `ring` is open (no repeat)."""
    s = 0.0
    for i in range(len(ring)):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % len(ring)]
        s += x1 * y2 - x2 * y1
    return s / 2.0


def convex_hull(points):
    """Andrew's monotone chain; returns the hull counter-clockwise, no repeated point."""
    pts = sorted(set(points))
    if len(pts) <= 2:
        return pts

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower, upper = [], []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def centroid(ring):
    a = polygon_area(ring)
    cx = cy = 0.0
    for i in range(len(ring)):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % len(ring)]
        k = x1 * y2 - x2 * y1
        cx += (x1 + x2) * k
        cy += (y1 + y2) * k
    return cx / (6 * a), cy / (6 * a)


def scale_ring(ring, s, about):
    ox, oy = about
    return [(ox + (x - ox) * s, oy + (y - oy) * s) for x, y in ring]


def point_in_ring(x, y, ring):
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def dist_to_segment(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    l2 = dx * dx + dy * dy
    t = 0.0 if l2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / l2))
    qx, qy = ax + t * dx, ay + t * dy
    return math.hypot(px - qx, py - qy)


def dist_to_polyline(px, py, line):
    return min(dist_to_segment(px, py, *line[i], *line[i + 1]) for i in range(len(line) - 1))


def point_along(line, s):
    """Point at arc length `s` along a polyline, with the unit tangent there."""
    for i in range(len(line) - 1):
        (ax, ay), (bx, by) = line[i], line[i + 1]
        seg = math.hypot(bx - ax, by - ay)
        if s <= seg or i == len(line) - 2:
            t = min(max(s / seg, 0.0), 1.0)
            return (ax + t * (bx - ax), ay + t * (by - ay)), ((bx - ax) / seg, (by - ay) / seg)
        s -= seg
    raise ValueError("empty polyline")


def polyline_length(line):
    return sum(math.hypot(line[i + 1][0] - line[i][0], line[i + 1][1] - line[i][1]) for i in range(len(line) - 1))


def rectangle(cx, cy, ux, uy, half_len, half_wid):
    """Rotated rectangle centred on (cx, cy) with its long axis along unit vector (ux, uy); CCW."""
    vx, vy = -uy, ux
    return [(cx - ux * half_len - vx * half_wid, cy - uy * half_len - vy * half_wid),
            (cx + ux * half_len - vx * half_wid, cy + uy * half_len - vy * half_wid),
            (cx + ux * half_len + vx * half_wid, cy + uy * half_len + vy * half_wid),
            (cx - ux * half_len + vx * half_wid, cy - uy * half_len + vy * half_wid)]


def random_convex(rng, cx, cy, rx, ry, n=9, angle=0.0):
    """A random convex polygon: hull of `n` points on a jittered ellipse, rotated by `angle`."""
    pts = []
    ca, sa = math.cos(angle), math.sin(angle)
    for k in range(n):
        t = 2 * math.pi * (k + rng.uniform(-0.3, 0.3)) / n
        r = rng.uniform(0.75, 1.0)
        ex, ey = rx * r * math.cos(t), ry * r * math.sin(t)
        pts.append((cx + ex * ca - ey * sa, cy + ex * sa + ey * ca))
    return convex_hull(pts)


# MARK: - Output

def ring_to_lonlat(ring, zone, north=True):
    """Project a CCW metre ring to a closed lon/lat ring rounded to 1e-6 degrees (RFC 7946: CCW)."""
    out = []
    for x, y in ring:
        lon, lat = utm_inverse(x, y, zone, north)
        out.append([round(lon, 6), round(lat, 6)])
    if polygon_area([tuple(p) for p in out]) < 0:
        out.reverse()
    out.append(out[0])
    return out


def point_to_lonlat(x, y, zone, north=True):
    lon, lat = utm_inverse(x, y, zone, north)
    return [round(lon, 6), round(lat, 6)]


def write_geojson(path, features, name=None, description=None):
    """Write a FeatureCollection, one feature per line, keys in insertion order (stable).
    `name` and `description` are foreign members (GDAL reads them as layer name and metadata)."""
    lines = ['{"type":"FeatureCollection",']
    if name:
        lines.append('"name":' + json.dumps(name) + ',')
    if description:
        lines.append('"description":' + json.dumps(description, ensure_ascii=False) + ',')
    lines.append('"features":[')
    body = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    lines.append(",\n".join(body))
    lines.append("]}")
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")


def feature(geom_type, coords, props):
    return {"type": "Feature", "properties": props, "geometry": {"type": geom_type, "coordinates": coords}}


# MARK: - Overlap test (convex polygons)

def convex_overlap(p, q, gap=0.0):
    """Separating-axis test for two convex CCW rings; True if they overlap or are closer
    than `gap` along some axis (a conservative test: it may report overlap for polygons
    that are merely near each other, never the reverse)."""
    for ring in (p, q):
        n = len(ring)
        for i in range(n):
            x1, y1 = ring[i]
            x2, y2 = ring[(i + 1) % n]
            nx, ny = y2 - y1, x1 - x2
            ln = math.hypot(nx, ny)
            if ln == 0:
                continue
            nx, ny = nx / ln, ny / ln
            pa = [x * nx + y * ny for x, y in p]
            qa = [x * nx + y * ny for x, y in q]
            if max(pa) + gap < min(qa) or max(qa) + gap < min(pa):
                return False
    return True


def ring_bbox(ring):
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    return min(xs), min(ys), max(xs), max(ys)
