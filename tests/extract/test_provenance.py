"""Every mention's offsets slice the document text to exactly its surface."""

from hypothesis import given, settings
from hypothesis import strategies as st

from mzgraph.ingest import read_document
from mzgraph.model import EntityType

from .helpers import run
from .score_reports import DEV, HELDOUT

PIECES = [
    "江西省", "省民政厅", "市委", "《关于加强养老服务的意见》", "“党建+颐养之家”模式", "20.98万名", "近160万人",
    "新余市：", "\n", "，", "。", "出台了", "殡葬改革", "二十四个", "第十四次", "92.37%", "民政部", "等5部门",
    "联合印发", "abc", " ", "凉山州", "县", "区", "“", "》", "关于", "通知", "1+5+X",
]  # fmt: skip


def check(ex):
    text = ex.document.text
    for m in ex.mentions:
        assert text[m.start : m.end] == m.text
        assert m.sentence_start <= m.start < m.end <= m.sentence_end
    for r in ex.relations:
        assert 0 <= r.subject < len(ex.mentions) and 0 <= r.object < len(ex.mentions)


def test_reports():
    for path, _ in [DEV, *HELDOUT]:
        from mzgraph.extract import extract

        ex = extract(read_document(path))
        assert ex.mentions
        check(ex)
        assert all(m.quantity is not None for m in ex.mentions if m.type is EntityType.TARGET)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=40))
def test_random_text(parts):
    check(run("".join(parts)))
