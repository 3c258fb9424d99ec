"""Extraction work grows linearly with the length of a paragraph, whatever its shape.

Counted, not timed: the number of Python lines the extractor executes on a text and on
the same text four times over. A scan of the whole sentence or paragraph per figure or
per place makes that ratio grow with the length (16 for four times the text); linear
work keeps it near 4. The timing of the same shapes is in ``benchmarks/extract_speed.py``.
"""

import re
import sys

import pytest

from mzgraph.extract.text import MAX_SENTENCE, Clauses, sentence_spans

from .helpers import run

_PIECE = (
    "江西省民政厅会同省财政厅印发《关于进一步加强城乡低保工作的通知》，2020年全省建成养老床位1200张，"
    "新余市渝水区“党建+颐养之家”覆盖率达95.5%，投入资金3.2亿元，惠及困难群众2.1万人，"
)


def _lines_executed(text: str) -> int:
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    run(text)  # load lexicons and patterns outside the count
    sys.settrace(tracer)
    try:
        run(text)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize(
    "shape",
    [
        pytest.param(lambda t: t, id="one line with commas, no sentence end"),
        pytest.param(lambda t: re.sub(r"[^\w%《》“”+.]", "", t), id="one line, no punctuation"),
        pytest.param(lambda t: t.replace("，", "。"), id="one line of sentences"),
    ],
)
def test_work_is_linear_in_paragraph_length(shape):
    small = _lines_executed(shape(_PIECE * 20))
    large = _lines_executed(shape(_PIECE * 80))
    assert large / small < 4.6


def test_a_sentence_without_end_is_cut_at_a_clause_stop():
    text = "，".join(["全省建成养老床位1200张"] * 200)
    spans = sentence_spans(text)
    assert len(spans) > 1
    assert all(e - s <= MAX_SENTENCE for s, e in spans)
    assert all(text[e - 1] == "，" for _, e in spans[:-1])
    assert "".join(text[s:e] for s, e in spans) == text


def test_clause_bounds_skip_commas_inside_quotes_and_titles():
    text = "省民政厅印发《关于做好低保、特困工作，加强救助的通知》，开展“一门受理，协同办理”服务，建成床位100张。"
    clauses = Clauses(text, sentence_spans(text))
    lo, hi = 0, len(text)
    title_end = text.index("》")
    assert clauses.bounds(title_end, title_end + 1, lo, hi) == (0, title_end + 1)
    quote = text.index("服务")
    assert text[slice(*clauses.bounds(quote, quote + 2, lo, hi))] == "开展“一门受理，协同办理”服务"
    figure = text.index("100")
    assert text[slice(*clauses.bounds(figure, figure + 3, lo, hi))] == "建成床位100张。"
