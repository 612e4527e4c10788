"""The report's sections: what they print and that their counts agree (issue 6)."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from ckstudio.model.metrics import compute_metrics
from ckstudio.report.builder import Report
from ckstudio.report.pdfdraw import unseen
from ckstudio.storage import load_session

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.ck.json"))
SCHOOL = ROOT / "examples" / "ecocirc-groupe-scolaire.ck.json"


def built(session, **options) -> tuple[Report, bytes]:
    report = Report(session, **options)
    return report, report.pdf()


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def synthetic():
    """The school session with a single-item pocket, a missing pocket holding items
    and a concept holding 😀, 𝒳 and format characters."""
    session = load_session(SCHOOL)
    knowledge = list(session.knowledge)
    pocket = knowledge[0]
    knowledge[0] = pocket.model_copy(update={"status": "missing"})
    knowledge.append(pocket.model_copy(update={"id": "lonely", "parent": None,
                                               "text": "Lonely root item", "status": "missing",
                                               "source": "Arrêté du 1er avril"}))  # fmt: skip
    concepts = list(session.concepts)
    concepts[1] = concepts[1].model_copy(
        update={"text": "Smile 😀 and 𝒳 math, RTL\u200fmark ZWJ\u200dsoft\u00adhyphen"}
    )
    return session.model_copy(update={"knowledge": knowledge, "concepts": concepts})


@pytest.mark.parametrize("path", [*EXAMPLES, None], ids=lambda p: p.name if p else "synthetic")
def test_the_sections_count_as_the_measures(path):
    session = load_session(path) if path else synthetic()
    _report, data = built(session, language="en", sections=("knowledge", "metrics"))
    text = " ".join(text_of(data).split())
    metrics = compute_metrics(session)
    missing = metrics["knowledge_status"]["missing"]
    assert f"Missing knowledge ({missing}, pockets not counted)" in text
    assert "Knowledge status (pockets not counted)" in text and "(C0 excluded)" in text
    # the "missing knowledge" list holds as many entries as the measure says
    needed = text.count("Needed by:")
    assert needed == missing
    # every source is printed
    for item in session.knowledge:
        if item.source:
            assert " ".join(item.source.split())[:25] in text, item.source


def test_a_single_item_pocket_is_an_item_and_a_pocket_says_its_own_status():
    session = synthetic()
    _, data = built(session, language="en", sections=("knowledge",))
    text = " ".join(text_of(data).split())
    assert "Knowledge outside any pocket" in text and "Lonely root item" in text
    assert "Knowledge pocket (not counted in the statuses): missing" in text
    assert "Arrêté du 1er avril" in text


def test_holders_say_held_by_or_to_be_acquired_by():
    _, data = built(load_session(SCHOOL), language="en", sections=("knowledge",))
    text = " ".join(text_of(data).split())
    assert "held by" in text and "to be acquired by" in text and "Holder" not in text


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_no_page_ends_with_a_heading(path):
    report, _ = built(load_session(path))
    last: dict[int, str] = {}
    for page, kind in report.placed:
        if kind != "lead":
            last[page] = kind
    ends = [page for page, kind in last.items() if kind == "heading"]
    assert not ends, ends


def test_emoji_and_letters_beyond_the_bmp_are_extracted(tmp_path):
    """😀 is drawn by DejaVu Sans (its ToUnicode entry a surrogate pair), 𝒳 by no font:
    a box over invisible text that still extracts as 𝒳."""
    report, data = built(synthetic(), language="en", sections=("themes", "appendix"))
    assert "𝒳" in report.missing.chars and "😀" not in report.missing.chars
    assert not {"\u200f", "\u200d", "\u00ad"} & set(report.missing.chars)
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(data)
    poppler = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                             check=True).stdout  # fmt: skip
    for text in (text_of(data), poppler):
        assert "Smile 😀 and 𝒳" in text
        assert "\x00" not in text and "ὠ" not in text


def test_format_characters_are_not_drawn():
    assert unseen("a\u200fb\u200dc\u00add\ufeffe\u202bf\u202c") == "abcdef"
    assert unseen("\u0600\u0661") == "\u0600\u0661"  # the Arabic number sign is visible
    _, data = built(synthetic(), language="en", sections=("appendix",))
    drawn = text_of(data)  # pypdf reads the glyphs, not /ActualText
    assert "RTLmark" in drawn and "\u200f" not in drawn


def test_people_are_grouped_by_role_and_concepts_show_their_author():
    session = load_session(SCHOOL)
    _, data = built(session, language="en", sections=("people", "appendix"))
    text = " ".join(text_of(data).split())
    assert re.search(r"Facilitator \(\d+\)", text)
    people = {p.id: p.name for p in session.participants}
    authored = [c for c in session.concepts if c.author in people]
    assert authored and f"author: {people[authored[0].author]}" in text
    assert "Concepts" in text and "C1.1" in text and "K1" in text
