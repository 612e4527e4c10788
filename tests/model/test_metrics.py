"""The measures on a small session whose every figure is counted by hand."""

from __future__ import annotations

from ckstudio.model import Document, edits
from ckstudio.model.metrics import compute_metrics
from ckstudio.model.operations import AddTag, SetNodeField, SetRecordField, SetVote
from ckstudio.model.templates import new_session


def workshop() -> Document:
    doc = Document(new_session("Atelier", "Un groupe scolaire circulaire"))
    doc.apply(edits.add_participant(doc, "Claire M.", "ecoCIRC", "facilitator"))
    doc.apply(edits.add_participant(doc, "Jean B.", "Val-de-Marne", "public_body"))
    doc.apply(edits.add_participant(doc, "Ana K.", "ecoCIRC", "research"))
    for text, parent, partition, reach in [
        ("L'école qui respire", "c0", "expansive", "breakthrough"),  # c1
        ("L'école ronde", "c0", "expansive", "reachable"),  # c2
        ("L'école auto-suffisante", "c0", "restrictive", "known"),  # c3
        ("Des murs qui filtrent l'air", "c1", None, "unassessed"),  # c4
    ]:
        doc.apply(edits.add_concept(doc, parent, text, partition=partition, reach=reach))
    doc.apply(edits.add_knowledge(doc, None, "Construction"))  # k1: a pocket
    doc.apply(edits.add_knowledge(doc, "k1", "Isolation thermique"))  # k2
    doc.apply(edits.add_knowledge(doc, "k1", "Filtration", status="missing"))  # k3
    doc.apply(edits.add_knowledge(doc, "k1", "Coût global", status="acquiring"))  # k4
    doc.apply(edits.add_knowledge(doc, None, "Fait isolé", status="missing"))  # k5: alone
    doc.apply(edits.link(doc, "c4", "k3"))
    doc.apply(edits.link(doc, "c1", "k3", "k_to_c"))
    doc.apply(edits.link(doc, "c3", "k2"))
    doc.apply(edits.link(doc, "c3", "k4"))
    doc.apply(AddTag("c1", "t-structure", "p1"))
    doc.apply(AddTag("c1", "t-flux", "p2"))
    doc.apply(AddTag("c2", "t-structure", "p2"))
    doc.apply(SetVote("c2", "p1", 2))
    doc.apply(SetVote("c3", "p2", 3))
    doc.apply(SetVote("c2", "p3", 1))
    doc.apply(SetNodeField("c", "c3", "outcome", "retained"))
    return doc


def test_every_measure():
    metrics = compute_metrics(workshop().to_session())
    assert metrics["counts"] == {
        "concepts": 5,
        "knowledge": 5,
        "links": 4,
        "themes": 3,
        "participants": 3,
        "organisations": 2,
        "rounds": 0,
    }
    assert metrics["concept_tree"] == {"depth": 2, "breadth": 3, "leaves": 3}
    assert metrics["partitions"] == {
        "restrictive": 1,
        "expansive": 2,
        "unjudged": 1,
        "expansive_share": 0.667,
    }
    assert metrics["reach"] == {"unassessed": 1, "known": 1, "reachable": 1, "breakthrough": 1}
    assert metrics["outcomes"]["retained"] == 1
    assert [t["concepts"] for t in metrics["themes"]["per_theme"]] == [2, 1, 0]
    assert metrics["themes"]["untagged_concepts"] == 2
    assert metrics["themes"]["themes_per_tagged_concept"] == 1.5
    assert metrics["knowledge_status"] == {"acquired": 1, "acquiring": 1, "missing": 2}
    assert [(g["id"], [k["id"] for k in g["missing"]]) for g in metrics["knowledge_gaps"]] == [
        ("c1", ["k3"]),
        ("c4", ["k3"]),
    ]
    assert [k["id"] for k in metrics["orphan_knowledge"]] == ["k5"]
    assert [(r["id"], r["votes"]) for r in metrics["votes_ranking"]] == [("c2", 3), ("c3", 3)]
    assert metrics["retained"] == [
        {
            "id": "c3",
            "text": "L'école auto-suffisante",
            "unmet": [{"id": "k4", "text": "Coût global", "status": "acquiring"}],
        }
    ]


def test_a_new_session_measures_empty():
    metrics = compute_metrics(new_session("Vide"))
    assert metrics["partitions"]["expansive_share"] is None
    assert metrics["concept_tree"] == {"depth": 0, "breadth": 1, "leaves": 1}
    assert metrics["votes_ranking"] == [] and metrics["knowledge_gaps"] == []


def test_c0_need_not_come_first_in_a_hand_written_file():
    session = workshop().to_session()
    shuffled = session.model_copy(update={"concepts": list(reversed(session.concepts))})
    assert compute_metrics(shuffled)["concept_tree"] == {"depth": 2, "breadth": 3, "leaves": 3}


def test_each_round_is_measured_with_its_result():
    doc = workshop()
    doc.apply(edits.start_round(doc, "tagging", ["c1", "c2"], ["p1", "p2"], "2020-05-06T10:00"))
    doc.apply(AddTag("c1", "t-structure", "p2"))  # a second tag of it: one more tag, no concept
    doc.apply(edits.end_round(doc, "r1", "2020-05-06T10:12:30"))
    doc.apply(edits.start_round(doc, "voting", ["c1", "c2", "c3"], ["p2"], "2020-05-06T11:00"))
    doc.apply(SetVote("c2", "p2", 2))
    doc.apply(SetVote("c3", "p2", 4))  # p2 had put 3 on it before the round
    doc.apply(SetVote("c2", "p1", 5))  # p1 is not in the round
    metrics = compute_metrics(doc.to_session())
    assert metrics["counts"]["rounds"] == 2
    tagging, voting = metrics["rounds"]
    assert (tagging["kind"], tagging["duration_minutes"]) == ("tagging", 12)
    assert [p["name"] for p in tagging["participants"]] == ["Claire M.", "Jean B."]
    assert [c["id"] for c in tagging["concepts"]] == ["c1", "c2"]
    assert [(t["id"], t["concepts"], t["tags"]) for t in tagging["themes"]] == [
        ("t-structure", 2, 3),
        ("t-flux", 1, 1),
        ("t-usages", 0, 0),
    ]
    assert "ranking" not in tagging
    assert (voting["ended"], voting["duration_minutes"], voting["budget"]) == ("", None, 3)
    assert voting["hidden"] is False
    assert [(r["id"], r["dots"]) for r in voting["ranking"]] == [("c2", 2), ("c3", 1)]
    assert "themes" not in voting


def test_a_round_whose_times_cannot_be_compared_has_no_duration():
    doc = workshop()
    doc.apply(edits.start_round(doc, "tagging", [], [], "2020-05-06T10:00"))
    doc.apply(edits.end_round(doc, "r1", "2020-05-06T10:10+02:00"))  # a zone on one only
    assert compute_metrics(doc.to_session())["rounds"][0]["duration_minutes"] is None


def test_stats_lists_the_rounds_and_their_results():
    from ckstudio.stats_table import format_stats

    doc = workshop()
    doc.apply(edits.start_round(doc, "voting", ["c2", "c3"], ["p1", "p2"], "2020-05-06T11:00"))
    doc.apply(SetVote("c3", "p2", 6))  # three more than before the round
    doc.apply(SetRecordField("rounds", "r1", "hidden", True))
    text = format_stats(compute_metrics(doc.to_session()))
    assert (
        "Rounds: 1\n  - r1 voting: 2020-05-06T11:00 to running, 2 participants, 2 concepts\n"
        in text
    )
    assert "      3 dots each, results hidden\n        3  L'école auto-suffisante\n" in text
