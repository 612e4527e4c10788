"""Edits the window can have refused say why in a Message (template and values), whose
English is the sentence str() always gave; pydantic's other wording is kept as it is."""

from __future__ import annotations

import pytest

from ckstudio.model import Document, OperationError, edits, limits, operations
from ckstudio.model.operations import SetMeta, SetNodeField, SetRecordField
from ckstudio.model.problems import Message
from ckstudio.model.templates import new_session


def refusal(doc: Document, operation) -> str:
    with pytest.raises(OperationError) as caught:
        doc.apply(operation)
    assert str(caught.value) == caught.value.message
    return caught.value.message


@pytest.fixture
def doc() -> Document:
    return Document(new_session("Atelier"))


@pytest.mark.parametrize(
    ("field", "value", "english", "reason"),
    [
        ("date", "2020-02-30", "date: not a date written YYYY-MM-DD",
         "not a date written YYYY-MM-DD"),
        ("title", "", "title: String should have at least 1 character",
         "String should have at least 1 character"),
        ("title", "x" * (limits.MAX_NAME + 1), "title: String should have at most 500 characters",
         "String should have at most {max_length} characters"),
        ("language", "fr_FR", "language: not a language tag such as fr, en or pt-BR",
         "not a language tag such as fr, en or pt-BR"),
    ],
)  # fmt: skip
def test_a_refused_field_names_the_field_and_the_reason(doc, field, value, english, reason):
    message = refusal(doc, SetMeta(field, value))
    assert message == english
    assert isinstance(message, Message) and message.template == "{field}: {reason}"
    named, why = message.values["field"], message.values["reason"]
    assert isinstance(named, Message) and named.template == field
    assert isinstance(why, Message) and why.template == reason


def test_a_theme_colour_says_what_it_expects(doc):
    theme = doc.themes[0].id
    message = refusal(doc, SetRecordField("themes", theme, "color", "red"))
    assert message == "color: not a colour written #RRGGBB"


def test_a_text_too_long_for_a_concept_is_a_message(doc):
    message = refusal(doc, SetNodeField("c", doc.root, "text", "x" * (limits.MAX_TEXT + 1)))
    assert message == f"text: String should have at most {limits.MAX_TEXT} characters"
    assert isinstance(message.values["reason"], Message)


def test_the_partition_of_c0_is_refused_in_a_message(doc):
    message = refusal(doc, SetNodeField("c", doc.root, "partition", "restrictive"))
    assert message == "C0 has no partition" and isinstance(message, Message)


def test_full_sections_are_refused_in_a_message(doc, monkeypatch):
    monkeypatch.setitem(operations.RECORD_LIMITS, "themes", len(doc.themes))
    message = refusal(doc, edits.add_theme(doc, "Encore", "#123456"))
    assert message == f"a session holds at most {len(doc.themes)} themes"
    assert isinstance(message, Message)


def test_other_pydantic_wording_is_kept_as_plain_text(doc):
    message = refusal(doc, SetMeta("facilitators", ["x y"]))
    assert message.startswith("facilitators.0: String should match pattern")
    assert not isinstance(message.values["reason"], Message)
