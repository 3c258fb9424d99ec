"""Injected tokens are found by general evidence, removed and recorded; clean pages lose nothing."""

from __future__ import annotations

import pytest

from mzgraph.ingest import read_document
from tests.conftest import DEV_REPORT
from tests.ingest.pages import CLEAN_REPORT, LEADER_NAME, TITLES_WITH_GUANYU, hacked


def _read(tmp_path, text: str, name: str = "page.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_document(path)


def _injected(doc) -> list:
    return [r for r in doc.metadata.removals if r.reason == "injected-token"]


def test_dev_report_loses_the_injected_site_name_everywhere():
    doc = read_document(DEV_REPORT)
    original = doc.original_text
    assert "体球网" not in doc.text
    removed = _injected(doc)
    # Every occurrence in the file is listed, with its offset in the decoded text.
    assert len(removed) == original.count("体球网")
    assert sorted(r.offset for r in removed) == [i for i in range(len(original)) if original.startswith("体球网", i)]
    assert all(original[r.offset : r.offset + len(r.token)] == r.token for r in doc.metadata.removals)
    # The three 关于-titles are repaired, and recorded; no name is invented.
    assert [r.repaired[:3] for r in doc.metadata.repairs] == ["《关于"] * 3
    for r in doc.metadata.repairs:
        assert doc.text[r.offset : r.offset + len(r.repaired)] == r.repaired
    assert "学习贯彻总书记视察江西" in doc.text
    assert LEADER_NAME not in doc.text
    assert "体球网" not in (doc.metadata.title or "") + (doc.metadata.publisher or "")


@pytest.mark.parametrize(
    "token",
    ["开云体育", "乐鱼", "ky888.com", "BET365", "澳门新葡京娱乐城", "天天彩票网"],
)
def test_other_injected_tokens_are_found(tmp_path, token):
    doc = _read(tmp_path, hacked(token))
    clean = _read(tmp_path, CLEAN_REPORT, "clean.txt")
    assert token not in doc.text
    removed = _injected(doc)
    assert len(removed) == hacked(token).count(token)
    assert len(doc.metadata.repairs) == TITLES_WITH_GUANYU
    # Apart from the banner line and the leader's name, the page reads like the clean one.
    assert doc.text == clean.text.replace(LEADER_NAME, "")


@pytest.mark.parametrize("token", ["开云体育", "xyz娱乐", "乐鱼"])
def test_token_over_titles_only_without_banner(tmp_path, token):
    # No banner: the same function word replaced in several titles is evidence enough.
    doc = _read(tmp_path, hacked(token, banner=False, name=False))
    assert token not in doc.text
    assert len(doc.metadata.repairs) == TITLES_WITH_GUANYU


@pytest.mark.parametrize("token", ["开云体育", "ky888.com"])
def test_site_name_from_banner_glued_into_sentences(tmp_path, token):
    # Neither titles nor names: the banner's site name glued inside sentences.
    text = hacked(token, titles=False, name=False)
    text = text.replace("兜牢民生底线。", f"兜牢{token}民生底线。").replace("湘潭市探索", f"湘潭市{token}探索")
    doc = _read(tmp_path, text)
    assert token not in doc.text
    assert "兜牢民生底线。" in doc.text


def test_token_in_banner_only_is_chrome_not_spam(tmp_path):
    doc = _read(tmp_path, hacked("开云体育", titles=False, name=False))
    assert _injected(doc) == []
    assert doc.metadata.publisher == "开云体育"


@pytest.mark.parametrize(
    "banner",
    ["民政", "湖南民政", "湖南省民政厅", "湖南", "长沙市", "中国政府网", "民政部门"],
)
def test_clean_reports_lose_nothing(tmp_path, banner):
    text = CLEAN_REPORT.replace("湖南省民政厅\n\n当前位置", f"{banner}\n\n当前位置", 1)
    text = text.replace("民政事业取得新进展。", "民政事业取得新进展，有关文件在中国政府网上公布。")
    doc = _read(tmp_path, text)
    assert _injected(doc) == [] and doc.metadata.repairs == []
    chrome = ("当前位置", "发布时间", "(来源", "扫一扫")
    kept = "\n".join(ln for ln in text.split("\n")[1:] if not ln.startswith(chrome))
    for word in ("民政", "湖南", "长沙市", "中国政府网", "习近平总书记", "《关于"):
        assert doc.text.count(word) == kept.count(word), word


def test_issuer_titles_are_not_mistaken_for_replaced_guanyu(tmp_path):
    text = CLEAN_REPORT.replace(
        "省政府出台《关于推进养老服务发展的实施意见》",
        "省政府转发《国务院办公厅转发民政部关于推进养老服务发展意见的通知》和《湖南省推进养老服务发展的实施意见》",
    )
    text = text.replace("湖南省民政厅\n\n当前位置", "国务院办公厅\n\n当前位置", 1)
    doc = _read(tmp_path, text)
    assert _injected(doc) == [] and doc.metadata.repairs == []
    assert "《国务院办公厅转发民政部关于" in doc.text


def test_ascii_token_padded_with_spaces(tmp_path):
    text = hacked("BET365", titles=False, name=False).replace("学习贯彻习近平总书记", "学习贯彻 BET365 总书记")
    text = text.replace("省政府出台《关于推进", "省政府出台《 BET365 推进")
    doc = _read(tmp_path, text)
    assert "BET365" not in doc.text
    assert "学习贯彻总书记关于民政工作" in doc.text and "《关于推进养老服务发展的实施意见》" in doc.text
    removed = _injected(doc)
    assert all(doc.original_text[r.offset : r.offset + 6] == "BET365" for r in removed)


def test_site_name_below_the_title_or_in_the_copyright_line(tmp_path):
    below = hacked("开云体育", banner=False).replace("能力\n\n发布时间", "能力\n\n开云体育\n\n发布时间")
    footer = hacked("开云体育", banner=False, titles=False) + "\n版权所有：开云体育 Copyright 2020\n"
    for text in (below, footer):
        doc = _read(tmp_path, text)
        assert "开云体育" not in doc.text
        assert len(_injected(doc)) == text.count("开云体育") - ("版权所有" in text)


def test_cited_site_names_stay(tmp_path):
    text = CLEAN_REPORT.replace("湖南省民政厅\n\n当前位置", "湖南民政网\n\n当前位置", 1)
    text = text.replace(
        "民政事业取得新进展。", "民政事业取得新进展，群众可登录湖南民政网查询，据湖南民政网报道，办件量翻番。"
    )
    doc = _read(tmp_path, text)
    assert _injected(doc) == []
    assert doc.text.count("湖南民政网") == 2


def test_token_after_the_issuer_in_a_title(tmp_path):
    text = hacked("开云体育").replace("《开云体育推进养老服务", "《湖南省人民政府开云体育推进养老服务")
    doc = _read(tmp_path, text)
    assert "《湖南省人民政府关于推进养老服务发展的实施意见》" in doc.text
    assert any(r.repaired == "《湖南省人民政府关于推进养老服务发展的实施意见》" for r in doc.metadata.repairs)


def test_page_without_chrome(tmp_path):
    lines = [ln for ln in hacked("乐鱼").split("\n") if not ln.startswith(("当前位置", "发布时间", "(来源", "扫一扫"))]
    doc = _read(tmp_path, "\n".join(lines))
    assert "乐鱼" not in doc.text and len(doc.metadata.repairs) == TITLES_WITH_GUANYU


def test_place_names_before_verbs_in_titles_are_not_junk(tmp_path):
    text = CLEAN_REPORT.replace("湖南省民政厅\n\n当前位置", "湖南省\n\n当前位置", 1)
    text = text.replace("《关于改革完善", "《湖南省改革完善").replace("《关于推进", "《湖南省推进")
    doc = _read(tmp_path, text)
    assert _injected(doc) == [] and doc.metadata.repairs == []
    assert "《湖南省推进养老服务发展的实施意见》" in doc.text


@pytest.mark.parametrize("banner", ["湖南体育", "体育", "湖南民政网"])
def test_ordinary_words_in_the_banner_stay(tmp_path, banner):
    text = CLEAN_REPORT.replace("湖南省民政厅\n\n当前位置", f"{banner}\n\n当前位置", 1)
    text = text.replace("兜牢民生底线。", f"兜牢民生底线，{banner}事业和{banner}产业同步发展，建成{banner}公园3个。")
    doc = _read(tmp_path, text)
    assert _injected(doc) == []
    assert doc.text.count(banner) == 3


def test_banner_line_with_more_than_the_token(tmp_path):
    text = hacked("开云体育").replace("开云体育\n\n当前位置", "开云体育 - 首页\n\n当前位置", 1)
    doc = _read(tmp_path, text)
    removed = _injected(doc)
    assert len(removed) == text.count("开云体育")
    assert all(doc.original_text[r.offset : r.offset + 4] == "开云体育" for r in removed)
