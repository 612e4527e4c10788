"""A round cannot end before it starts: on load and on every edit alike (the tool obeys
the rules a loaded file obeys), whenever its two times can be compared."""

from __future__ import annotations

import pytest

from ckstudio.model import Document, OperationError, edits
from ckstudio.model.integrity import round_reference_problems, session_problems
from ckstudio.model.session import Round, Session
from ckstudio.model.templates import new_session

START = "2020-05-06T10:00:00+02:00"


def session_with_round(started: str, ended: str) -> Session:
    data = new_session("Atelier", "C0").model_dump()
    data["rounds"] = [{"id": "r1", "kind": "voting", "started": started, "ended": ended}]
    return Session.model_validate(data)


@pytest.mark.parametrize(
    "ended",
    ["2020-05-06T09:59:00+02:00", "2020-05-06T08:30:00+01:00", "2020-05-05T23:00:00+02:00"],
)
def test_an_end_before_the_start_is_a_problem_on_load(ended):
    problems = session_problems(session_with_round(START, ended))
    assert [(p.pointer, p.message) for p in problems] == [
        ("/rounds/0", f"the round ends ({ended}) before it starts ({START})")
    ]


@pytest.mark.parametrize(
    "ended",
    [
        "",  # running
        START,  # ended at once
        "2020-05-06T10:15:00+02:00",
        "2020-05-06T10:00:00+01:00",  # 11:00 at +02:00: later, in another zone
        "2020-05-06T09:00:00",  # no time zone: cannot be compared with the start
    ],
)
def test_a_round_ending_after_its_start_or_not_comparable_is_fine(ended):
    assert session_problems(session_with_round(START, ended)) == []


def test_ending_a_round_before_its_start_is_refused_and_changes_nothing():
    doc = Document(new_session("Atelier", "C0"))
    doc.apply(edits.start_round(doc, "voting", [], [], START))
    round_id = doc.rounds[0].id
    with pytest.raises(OperationError, match="before it starts"):
        doc.apply(edits.end_round(doc, round_id, "2020-05-06T09:30:00+02:00"))
    assert doc.rounds[0].ended == ""
    doc.apply(edits.end_round(doc, round_id, "2020-05-06T10:30:00+02:00"))
    assert doc.rounds[0].ended == "2020-05-06T10:30:00+02:00"


def test_the_shared_check_names_the_times():
    round_ = Round(id="r1", kind="tagging", started=START, ended="2020-05-06T08:00:00+02:00")
    assert round_reference_problems(round_, set(), set()) == [
        f"the round ends (2020-05-06T08:00:00+02:00) before it starts ({START})"
    ]
