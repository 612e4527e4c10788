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
from ckstudio.model.operations import AddTag, SetRecordField, SetVote
from ckstudio.model.session import Session
from ckstudio.report.builder import SECTIONS, Report, report_pdf
from ckstudio.storage import load_session

ROOT = Path(__file__).resolve().parents[2]
V2 = ROOT / "tests" / "data" / "versions" / "v2.ck.json"


def rounds_session(revealed: bool = True) -> Session:
    """The v2 fixture: r1 a closed tagging round, r2 a running voting round (5 dots
    each; revealed unless told, hidden in the file); a few more tags and dots on their
    concepts."""
    doc = Document(load_session(V2))
    doc.apply(AddTag("c1.2", "t-flux", "p6"))
    doc.apply(SetVote("c2", "p4", 3))
    if revealed:
        doc.apply(SetRecordField("rounds", "r2", "hidden", False))
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
        assert "Start and end: 6 May 2020, 10:40 AM – 10:55 AM" in text
        assert "Duration: 15 min" in text
        assert "6 May 2020, 11:00 AM – running" in text
        assert "Concepts involved (3):" in text and "Concepts involved (2):" in text
        assert "Dots per participant: 5" in text
        assert "Results: shown" in text
    else:
        assert "Les tours d'étiquetage et de vote" in text
        assert "Tour 1 : étiquetage" in text and "Tour 2 : vote par points" in text
        assert "Début et fin : 6 mai 2020, 10 h 40 – 10 h 55" in text
        assert "Durée : 15 min" in text
        assert "6 mai 2020, 11 h 00 – en cours" in text
        assert "Résultats : visibles" in text
    assert "Chloé, Fatou" in text and "Bertrand, Dmitri Œuvray" in text
    assert "L'école qui respire; Ventilation naturelle par la cour" in text
    # voting: the round's own dots, most first, each count drawn as dots too (c1's
    # anonymous dot and p2's dot given before the round are not the round's: p2 1, p4 1)
    ranking = re.findall(r"(L'école qui respire|Une école aux murs démontables) (●+) (\d)", text)
    assert ranking == [
        ("Une école aux murs démontables", "●●●", "3"),
        ("L'école qui respire", "●●", "2"),
    ]
    # tagging: the tags per theme on the round's concepts (c1: structure, flux;
    # c1.1: usages; c1.2: flux)
    assert re.search(r"Structure 1 1 Flux 2 2 Usages « partagés » 1 1", text), text


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


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_hidden_vote_leaves_its_dots_out_and_says_so(language):
    """r2's votes are not revealed yet: no ranking, no dots in the themes nor in the
    votes ranking, and the report says why (the map's badges: tests/layout)."""
    session = rounds_session(revealed=False)
    data, _ = report_pdf(session, language, sections=("themes", "votes", "rounds"))
    _, text = pdf_text(data)
    assert "●" not in text
    assert not re.search(r"L'école qui respire \d", text)
    assert "expansive –" in text  # the themes: no count for a hidden vote
    if language == "en":
        assert "Results: hidden, not revealed yet" in text
        assert "This round's votes are hidden until they are revealed" in text
        assert "The dots of a vote not revealed yet are hidden" in text
    else:
        assert "Résultats : masqués, pas encore dévoilés" in text
        assert "Les votes de ce tour sont masqués tant qu'ils ne sont pas dévoilés" in text
        assert "Les points d'un vote pas encore dévoilé sont masqués" in text
    # the votes section lists no concept at all: every voted concept is in r2
    votes = text.split("Votes ranking" if language == "en" else "Classement des votes")[-1]
    assert ("(none)" if language == "en" else "(aucun)") in votes.split(
        "Tagging and" if language == "en" else "Les tours"
    )[0]


def test_a_hidden_vote_stays_in_the_attached_session():
    """The attachment is the archive: it reopens with every vote, hidden or not."""
    session = rounds_session(revealed=False)
    reader, _ = pdf_text(report_pdf(session, "en", sections=("votes",))[0])
    attached = next(iter(reader.attachments.values()))[0]
    assert b'"count": 3' in attached and b'"hidden": true' in attached
