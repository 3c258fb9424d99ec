"""Synthetic civil-affairs reports for benchmarks and corpus tests.

The reports imitate the year reviews of provincial civil-affairs departments (see
``data/jiangxi-civil-affairs-2019.txt``): a headline and a source line, then paragraphs in
which a provincial department or government issues policies (《…》), runs programs (“…”)
and reports figures (20.98万名, 3600个, 92.37%), followed by short sections on cities and
their counties. Places are real divisions from the gazetteer; several policies and programs
recur across reports (national ones above all), so a corpus exercises merging across
documents, and county names such as 城区 or 朝阳区 that exist in several cities exercise
keeping apart what only shares a name.

Report ``i`` depends only on ``(seed, i)``: ``generate_corpus(10, d)`` writes the first ten
reports of ``generate_corpus(10_000, d)``, byte for byte.

    from mzgraph.synth import generate_corpus
    paths = generate_corpus(1000, "corpus/", seed=0)   # corpus/batch-000/report-00000.txt …
"""

from __future__ import annotations

import random
from functools import lru_cache
from pathlib import Path

from mzgraph import gazetteer as gz

TOPICS = (
    "养老服务",
    "殡葬改革",
    "儿童福利",
    "社会救助",
    "城乡社区治理",
    "社会组织管理",
    "婚姻登记",
    "慈善事业",
    "残疾人福利",
    "农村低保",
    "特困人员供养",
    "流浪乞讨人员救助",
)
POLICY_FORMS = (
    "关于加快发展{topic}的实施意见",
    "关于进一步加强{topic}工作的通知",
    "关于推进{topic}高质量发展的若干措施",
    "{place}{topic}管理办法",
    "{place}{topic}三年行动计划({year}-{year2}年)",
    "{place}深入推进{topic}改革实施方案",
)
NATIONAL_POLICIES = (
    ("国务院办公厅", "关于推进养老服务发展的意见"),
    ("民政部", "关于进一步加强事实无人抚养儿童保障工作的意见"),
    ("民政部", "关于加快推进社区治理体系建设的指导意见"),
    ("民政部", "社会救助暂行办法"),
    ("民政部", "关于推进殡葬改革促进殡葬事业发展的指导意见"),
    ("国务院", "关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见"),
)
PROGRAMS = (
    "党建+农村养老服务",
    "党建+颐养之家",
    "四助五有",
    "两提升、四关爱",
    "百社解千难",
    "三沿六区",
    "一人一策",
    "1+5+X",
    "互联网+社会救助",
    "放管服",
    "一站式",
    "15分钟养老服务圈",
)
FACILITIES = (
    ("互助养老服务设施", "个"),
    ("区域性儿童福利机构", "个"),
    ("殡仪馆", "个"),
    ("城乡公益性骨灰堂", "个"),
    ("社区综合服务站", "个"),
    ("颐养之家", "个"),
    ("标准化诊所", "所"),
    ("儿童之家", "个"),
)
PEOPLE = (
    "城镇贫困群众",
    "农村低保对象",
    "农村特困人员",
    "失能、半失能特困人员",
    "困境儿童",
    "留守老年人",
    "重度残疾人",
    "社会救助对象",
)
VERBS = ("制定出台", "印发", "出台", "联合印发")
LEADS = ("坚持高点站位", "坚持精准发力", "坚持统筹兼顾", "坚持儿童优先", "坚持疏堵结合", "坚持协同创新", "坚持夯实基础")
PUBLISHERS = ("中国社会报", "民政部门户网站", "人民网", "新华网")


@lru_cache(maxsize=1)
def _divisions() -> tuple[list[gz.Division], dict[str, list[gz.Division]]]:
    gaz = gz.load()
    current = [d for d in gaz.by_code.values() if d.status == "current"]
    children: dict[str, list[gz.Division]] = {}
    for d in sorted(current, key=lambda d: d.code):
        if d.parent:
            children.setdefault(d.parent, []).append(d)
    provinces = sorted((d for d in current if d.level == "province"), key=lambda d: d.code)
    return provinces, children


def _figure(rng: random.Random, unit: str) -> str:
    if unit == "%":
        return f"{rng.randint(20, 99)}.{rng.randint(0, 99):02d}%"
    if unit == "万名":
        return f"{rng.randint(1, 200)}.{rng.randint(1, 99):02d}万名"
    if unit == "亿元":
        return f"{rng.randint(1, 90)}.{rng.randint(1, 99):02d}亿元"
    return f"{rng.randint(2, 9000)}{unit}"


def _policy(rng: random.Random, place: str, year: int) -> str:
    form = rng.choice(POLICY_FORMS)
    return form.format(topic=rng.choice(TOPICS), place=place, year=year, year2=year + 2)


def _province_paragraphs(rng: random.Random, prov: gz.Division, year: int) -> list[str]:
    short, name = prov.short, prov.name
    body = "民政厅" if prov.level == "province" and not name.endswith("市") else "民政局"
    agency = f"{name}{body}"
    paras = [
        f"{year}年,在民政部的精心指导下,{name}民政系统深入学习贯彻党的重要会议精神,"
        f"牢固树立以人民为中心的发展思想,注重普惠性、基础性、兜底性,扎实推进民政改革创新,"
        f"奋力谱写新时代{short}民政建设新篇章。"
    ]
    for lead in rng.sample(LEADS, 4):
        topic = rng.choice(TOPICS)
        issuer, national = rng.choice(NATIONAL_POLICIES)
        people = rng.choice(PEOPLE)
        facility, unit = rng.choice(FACILITIES)
        sentences = [
            f"{lead},扎实推进{topic}工作。",
            f"全面落实{issuer}《{national}》,{agency}{rng.choice(VERBS)}《{_policy(rng, name, year)}》。",
            f"{year}年{name}有{_figure(rng, '万名')}{people},"
            f"全省近{_figure(rng, '万名')}{rng.choice(PEOPLE)}纳入保障。",
            f"大力推行“{rng.choice(PROGRAMS)}”模式,努力实现{topic}工作双提升、两促进。",
            f"截至目前,全省建成{facility}{_figure(rng, unit)},覆盖{_figure(rng, '%')}的建制村。",
        ]
        if rng.random() < 0.5:
            sentences.append(
                f"{agency}联合{rng.randint(2, 15)}个部门{rng.choice(VERBS)}《{_policy(rng, name, year)}》,"
                f"全省社会组织提供帮扶资源{_figure(rng, '亿元')}。"
            )
        paras.append("".join(sentences))
    paras.append(f"(本版文/图由{agency}提供)")
    return paras


def _city_paragraphs(rng: random.Random, city: gz.Division, counties: list[gz.Division], year: int) -> list[str]:
    name = city.name
    program = rng.choice(PROGRAMS)
    topic = rng.choice(TOPICS)
    facility, unit = rng.choice(FACILITIES)
    paras = [
        f"{name}:创新“{program}” 破解{topic}难题",
        f"{name}结合市情,发挥基层党组织作用,积极创新“{program}”模式,探索出{topic}“{city.short}方案”。",
        f"全面推进{topic}。全市{_figure(rng, '个')}建制村建成{facility}{_figure(rng, unit)},"
        f"{name}民政局{rng.choice(VERBS)}《{_policy(rng, name, year)}》。",
    ]
    for county in rng.sample(counties, min(len(counties), rng.randint(1, 3))):
        paras.append(
            f"{county.name}依托{_figure(rng, '个')}乡镇卫生院建立紧急救援站点,"
            f"{county.name}民政局为{_figure(rng, '人')}{rng.choice(PEOPLE)}发放补贴{_figure(rng, '亿元')}。"
        )
    return paras


def generate_report(index: int, seed: int = 0) -> str:
    """The text of synthetic report ``index`` (deterministic in ``index`` and ``seed``)."""
    rng = random.Random(f"mzgraph-synth-{seed}-{index}")
    provinces, children = _divisions()
    prov = rng.choice(provinces)
    year = rng.randint(2015, 2023)
    lines = [
        f"回望{year}·{prov.short}篇:以民为本 扎实推进民政改革创新",
        "",
        f"时间:{year}-12-{rng.randint(10, 28)}   来源:{rng.choice(PUBLISHERS)}",
        "",
    ]
    lines.extend(f"  {p}\n" for p in _province_paragraphs(rng, prov, year))
    cities = [c for c in children.get(prov.code, []) if children.get(c.code)]
    if not cities:  # municipalities list their districts directly
        cities = [prov]
    for city in rng.sample(cities, min(len(cities), rng.randint(1, 3))):
        counties = children.get(city.code, []) or [city]
        lines.extend(f"  {p}\n" for p in _city_paragraphs(rng, city, counties, year))
    return "\n".join(lines)


def report_path(out_dir: Path, index: int, seed: int = 0) -> Path:
    """Where ``generate_corpus`` puts report ``index``: 1,000 reports a subfolder."""
    return Path(out_dir) / f"batch-{index // 1000:03d}" / f"report-{index:05d}.txt"


def generate_corpus(n_docs: int, out_dir: Path | str, seed: int = 0) -> list[Path]:
    """Write ``n_docs`` synthetic reports (UTF-8 .txt) under ``out_dir``; returns their paths.

    Files whose content is already right are not rewritten, so regenerating a corpus keeps
    the modification times a build cache relies on.
    """
    paths = []
    for i in range(n_docs):
        path = report_path(Path(out_dir), i, seed)
        data = generate_report(i, seed).encode("utf-8")
        if not (path.is_file() and path.read_bytes() == data):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        paths.append(path)
    return paths
