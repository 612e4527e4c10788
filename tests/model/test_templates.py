"""New sessions: blank, and the "C-K workshop" template a facilitator starts from."""

from __future__ import annotations

import datetime

import pytest

from ckstudio.model import Document
from ckstudio.model.templates import (
    DEFAULT_THEMES,
    WORKSHOP_POCKETS,
    new_session,
    workshop_session,
)
from ckstudio.storage import decode, encode

NOW = datetime.datetime(2024, 3, 5, 9, 30, tzinfo=datetime.UTC)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_workshop_template_has_c0_themes_and_empty_pockets(language):
    session = workshop_session(language, now=NOW)
    doc = Document(session)  # the whole-file checks pass (ids, one C0, parents)
    assert [c.parent for c in session.concepts] == [None]
    assert "C0" in session.concepts[0].text
    assert [(t.id, t.name, t.color) for t in session.themes] == list(DEFAULT_THEMES[language])
    pockets = doc.children("k", None)
    assert [doc.node("k", p).text for p in pockets] == list(WORKSHOP_POCKETS[language])
    assert all(doc.children("k", p) == () for p in pockets)
    assert session.meta.language == language and session.meta.date == "2024-03-05"
    assert session.meta.brief  # headings to fill, in the language of the session


def test_the_two_languages_differ_and_round_trip_through_a_file():
    french, english = workshop_session("fr", now=NOW), workshop_session("en", now=NOW)
    assert french.meta.title != english.meta.title
    assert "Conception dominante" in [k.text for k in french.knowledge]
    assert "Dominant design" in [k.text for k in english.knowledge]
    assert decode(encode(english)) == english


def test_a_blank_session_holds_only_c0_and_the_themes():
    session = new_session("Atelier", language="fr", now=NOW)
    assert [c.text for c in session.concepts] == ["Concept initial (C0)"]
    assert session.knowledge == [] and len(session.themes) == 3
