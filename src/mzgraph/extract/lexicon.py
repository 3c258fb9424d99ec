"""General lexicons shipped as data files next to this module (one entry a line, ``#`` comments).

They hold what any Chinese policy report may name (central bodies, department stems,
newspapers, head nouns of issued instruments), never the names of one report.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("mzgraph.extract").joinpath("lexicons", name).read_text(encoding="utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def national_agencies() -> dict[str, str]:
    """Every surface form of a central body → its canonical name."""
    out: dict[str, str] = {}
    for line in _lines("national_agencies.tsv"):
        canonical, _, aliases = line.partition("\t")
        out[canonical.strip()] = canonical.strip()
        for a in aliases.split("|"):
            if a.strip():
                out[a.strip()] = canonical.strip()
    return out


@lru_cache(maxsize=1)
def newspapers() -> tuple[str, ...]:
    return tuple(_lines("newspapers.txt"))


@lru_cache(maxsize=1)
def department_stems() -> tuple[str, ...]:
    return tuple(_lines("department_stems.txt"))


@lru_cache(maxsize=1)
def policy_heads() -> tuple[str, ...]:
    return tuple(sorted(_lines("policy_heads.txt"), key=len, reverse=True))
