"""The report's rounds section: each round's kind, times, people, concepts and
result, in the contents and the bookmarks, and only for a session that has rounds."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from ckstudio.model import Document
from ckstudio.model.operations import AddTag, SetVote
from ckstudio.model.session import Session
from ckstudio.report.builder import SECTIONS, Report, report_pdf
from ckstudio.storage import load_session

ROOT = Path(__file__).resolve().parents[2]
V2 = ROOT / "tests" / "data" / "versions" / "v2.ck.json"


def rounds_session() -> Session:
    """The v2 fixture: r1 a closed tagging round, r2 a running voting round (hidden,
    5 dots each); a few more tags and dots on their concepts."""
    doc = Document(load_session(V2))
    doc.apply(AddTag("c1.2", "t-flux", "p6"))
    doc.apply(SetVote("c2", "p4", 3))
    return doc.to_session()


def plain(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


def pdf_text(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    return reader, plain(" ".join(page.extract_text() for page in reader.pages))


@pytest.mark.parametrize("language", ["en", "fr"])
def test_each_round_says_its_kind_times_people_concepts_and_result(language):
    _, text = pdf_text(report_pdf(rounds_session(), language, sections=("rounds",))[0])
    if language == "en":
        assert "Tagging and voting rounds" in text
        assert "Round 1: tagging" in text and "Round 2: dot voting" in text
        assert "Start and end: 2020-05-06 10:40 – 10:55" in text
        assert "Duration: 15 min" in text
        assert "2020-05-06 11:00 – running" in text
        assert "Concepts involved (3):" in text and "Concepts involved (2):" in text
        assert "Dots per participant: 5" in text
        assert "Results: hidden during the vote, until revealed" in text
    else:
        assert "Les tours d'étiquetage et de vote" in text
        assert "Tour 1 : étiquetage" in text and "Tour 2 : vote par points" in text
        assert "Durée : 15 min" in text
        assert "2020-05-06 11:00 – en cours" in text
        assert "Résultats : masqués pendant le vote" in text
    assert "Chloé, Fatou" in text and "Bertrand, Dmitri Œuvray" in text
    assert "L'école qui respire; Ventilation naturelle par la cour" in text
    # voting: the ranking, most dots first, each count drawn as dots too
    ranking = re.findall(r"(L'école qui respire|Une école aux murs démontables) (●+) (\d)", text)
    assert ranking == [
        ("L'école qui respire", "●●●●", "4"),
        ("Une école aux murs démontables", "●●●", "3"),
    ]
    # tagging: the tags per theme on the round's concepts (c1: structure, flux;
    # c1.1: usages; c1.2: flux)
    assert re.search(r"Structure 1 Flux 2 Usages « partagés » 1", text), text


def test_the_rounds_are_in_the_contents_and_the_bookmarks():
    data, _ = report_pdf(rounds_session(), "en", sections=("votes", "rounds", "people"))
    reader, _ = pdf_text(data)
    top = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    assert top == ["Cover", "Contents", "Votes ranking", "Tagging and voting rounds",
                   "Participants and organisations by role"]  # fmt: skip
    contents = plain(reader.pages[1].extract_text())
    assert "Votes ranking Tagging and voting rounds Participants" in contents


def test_a_session_without_rounds_has_no_rounds_section():
    session = load_session(ROOT / "tests" / "data" / "versions" / "v1.ck.json")
    assert session.rounds == []
    assert "rounds" in SECTIONS
    assert "rounds" not in Report(session).sections
    reader, text = pdf_text(report_pdf(session, "en")[0])
    assert "Round 1" not in text
    assert "Tagging and voting rounds 0" in text  # the measures still count them
    assert "Tagging and voting rounds" not in [entry.title for entry in reader.outline
                                               if not isinstance(entry, list)]  # fmt: skip


def test_the_report_with_rounds_passes_qpdfs_check(tmp_path):
    out = tmp_path / "rounds.pdf"
    out.write_bytes(report_pdf(rounds_session(), "fr")[0])
    done = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No syntax or stream encoding errors" in done.stdout
