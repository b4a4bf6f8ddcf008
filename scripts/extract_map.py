"""Extract the province shapes the locator map needs from the npm package @svg-maps/vietnam, once.

    npm pack @svg-maps/vietnam     (into a scratch folder, e.g. .scratch/; gitignored)
    python scripts/extract_map.py .scratch/svg-maps-vietnam-2.0.0.tgz

Writes scripts/sitegen/vendor/vietnam-provinces.json: every province's outline, simplified (Douglas-Peucker)
and rounded to whole units, which is plenty for a map drawn ~300 px wide; and the package's licence beside it.
"""

from __future__ import annotations

import argparse
import json
import re
import tarfile
from pathlib import Path

OUT = Path(__file__).resolve().parent / "sitegen" / "vendor"
TOKEN = re.compile(r"[MmLlCcZz]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?")


def rings(d: str) -> list[list[tuple[float, float]]]:
    """An SVG path (M, L, C, Z, absolute or relative) as closed rings of points; a curve keeps its end point."""
    tokens = TOKEN.findall(d)
    out: list[list[tuple[float, float]]] = []
    x = y = 0.0
    cmd, i = "M", 0
    while i < len(tokens):
        if tokens[i].isalpha():
            cmd = tokens[i]
            i += 1
            if cmd in "Zz":
                continue
        relative = cmd.islower()
        take = 6 if cmd in "Cc" else 2
        nums = [float(t) for t in tokens[i : i + take]]
        i += take
        dx, dy = nums[-2], nums[-1]
        x, y = (x + dx, y + dy) if relative else (dx, dy)
        if cmd in "Mm":
            out.append([(x, y)])
            cmd = "l" if relative else "L"  # numbers after a move are lines
        else:
            out[-1].append((x, y))
    return out


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5 or 1e-9
    far, index = 0.0, 0
    for k, (px, py) in enumerate(points[1:-1], 1):
        distance = abs((x2 - x1) * (y1 - py) - (x1 - px) * (y2 - y1)) / length
        if distance > far:
            far, index = distance, k
    if far <= tolerance:
        return [points[0], points[-1]]
    return simplify(points[: index + 1], tolerance)[:-1] + simplify(points[index:], tolerance)


def simplify_ring(ring: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """A closed ring starts and ends at one point, which a line through both cannot simplify:
    split it at the point farthest from the start and simplify each half."""
    x0, y0 = ring[0]
    far = max(range(len(ring)), key=lambda k: (ring[k][0] - x0) ** 2 + (ring[k][1] - y0) ** 2)
    if far in (0, len(ring) - 1):
        return simplify(ring, tolerance)
    return simplify(ring[: far + 1], tolerance)[:-1] + simplify(ring[far:], tolerance)


def path(rings_: list[list[tuple[float, float]]], tolerance: float) -> str:
    parts = []
    for ring in rings_:
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        if max(xs) - min(xs) < 4 and max(ys) - min(ys) < 4:
            # an islet: a whole-unit outline would vanish, so it is kept as a small dot where it is
            cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
            parts.append(f"M{cx - 0.8:.1f},{cy - 0.8:.1f}h1.6v1.6h-1.6Z")
            continue
        kept = simplify_ring(ring, tolerance)
        kept = [(round(px), round(py)) for px, py in kept]
        kept = [p for k, p in enumerate(kept) if k == 0 or p != kept[k - 1]]
        if len(kept) < 3:
            continue
        parts.append("M" + " ".join(f"{px},{py}" for px, py in kept) + "Z")
    return "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tarball", type=Path)
    parser.add_argument("--tolerance", type=float, default=0.9)
    args = parser.parse_args()
    with tarfile.open(args.tarball) as tar:
        svg = tar.extractfile("package/vietnam.svg").read().decode("utf-8")
        meta = json.loads(tar.extractfile("package/package.json").read())
        licence = tar.extractfile("package/LICENSE.md").read()
        readme = tar.extractfile("package/README.md").read().decode("utf-8")
    view_box = re.search(r'viewBox="([^"]+)"', svg).group(1)
    provinces = {}
    for pid, name, d in re.findall(r'<path\s+id="([^"]*)"\s+aria-label="([^"]*)"\s+d="([^"]*)"', svg):
        provinces[pid] = {"name": name, "d": path(rings(d), args.tolerance)}
    credit = readme[readme.index("## Credits") :].strip()
    data = {
        "source": f"npm {meta['name']} {meta['version']} (vietnam.svg), {meta['repository']['url']}",
        "author": meta["author"],
        "licence": meta["license"],
        "upstream_credit": credit,
        "boundaries": "63 provinces and cities as before the 2025 mergers (the package's drawing)",
        "simplified": f"Douglas-Peucker, tolerance {args.tolerance} units, rounded to whole units (scripts/extract_map.py)",
        "viewBox": view_box,
        "provinces": provinces,
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "vietnam-provinces.json").write_text(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    (OUT / "LICENSE-svg-maps-vietnam.md").write_bytes(licence)
    print(f"{len(provinces)} provinces, {(OUT / 'vietnam-provinces.json').stat().st_size} bytes")


if __name__ == "__main__":
    main()
