"""The measures a facilitator reads (ck-primer.md, "Measures a facilitator reads").

C0 is the brief, not an idea: it is left out of everything that judges
concepts (partitions, reach, themes, votes). A knowledge *pocket* is a root
item that holds other items; pockets group knowledge and are left out of the
status counts and of orphan knowledge.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx

from ckstudio.model.graphs import ck_graph, concept_tree, knowledge_forest
from ckstudio.model.rounds import (
    round_duration,
    round_ranking,
    theme_concepts_in_round,
    theme_counts_in_round,
)
from ckstudio.model.session import (
    OUTCOMES,
    PARTITIONS,
    REACHES,
    STATUSES,
    Concept,
    Round,
    Session,
)


def compute_metrics(session: Session) -> dict[str, Any]:
    """Every measure as plain JSON-ready data (`ckstudio stats --json` prints it)."""
    tree, forest, links = concept_tree(session), knowledge_forest(session), ck_graph(session)
    ideas = [c for c in session.concepts if c.parent is not None]
    items = [k for k in session.knowledge if not (k.parent is None and forest.out_degree(k.id))]
    return {
        "title": session.meta.title,
        "counts": _counts(session),
        "concept_tree": _tree_shape(tree, next(c.id for c in session.concepts if c.parent is None)),
        "partitions": _partitions(ideas),
        "reach": _tally((c.reach for c in ideas), REACHES),
        "outcomes": _tally((c.outcome for c in ideas), OUTCOMES),
        "themes": _themes(session, ideas),
        "knowledge_status": _tally((k.status for k in items), STATUSES),
        "knowledge_gaps": _gaps(session, links),
        "orphan_knowledge": [_ref(k) for k in items if links.degree(k.id) == 0],
        "votes_ranking": _ranking(ideas),
        "retained": _retained(session, ideas, links),
        "rounds": [_round(session, round_) for round_ in session.rounds],
    }


def _ref(record: Any) -> dict[str, str]:
    return {"id": record.id, "text": record.text}


def _tally(values: Any, keys: tuple[str, ...]) -> dict[str, int]:
    counted = Counter(values)
    return {key: counted[key] for key in keys}


def _counts(session: Session) -> dict[str, int]:
    organisations = {p.organisation.strip() for p in session.participants if p.organisation.strip()}
    return {
        "concepts": len(session.concepts),
        "knowledge": len(session.knowledge),
        "links": len(session.links),
        "themes": len(session.themes),
        "participants": len(session.participants),
        "organisations": len(organisations),
        "rounds": len(session.rounds),
    }


def _tree_shape(tree: nx.DiGraph, root: str) -> dict[str, int]:
    levels = Counter(nx.single_source_shortest_path_length(tree, root).values())
    return {
        "depth": max(levels),
        "breadth": max(levels.values()),
        "leaves": sum(1 for node in tree if tree.out_degree(node) == 0),
    }


def _partitions(ideas: list[Concept]) -> dict[str, Any]:
    counted = _tally((c.partition or "unjudged" for c in ideas), (*PARTITIONS, "unjudged"))
    judged = counted["expansive"] + counted["restrictive"]
    counted["expansive_share"] = round(counted["expansive"] / judged, 3) if judged else None
    return counted


def _themes(session: Session, ideas: list[Concept]) -> dict[str, Any]:
    per_concept = {c.id: {tag.theme for tag in c.tags} for c in ideas}
    per_theme = [
        {
            "id": theme.id,
            "name": theme.name,
            "concepts": sum(1 for themes in per_concept.values() if theme.id in themes),
        }
        for theme in session.themes
    ]
    tagged = [len(themes) for themes in per_concept.values() if themes]
    return {
        "per_theme": per_theme,
        "untagged_concepts": len(per_concept) - len(tagged),
        "themes_per_tagged_concept": round(sum(tagged) / len(tagged), 2) if tagged else None,
    }


def _gaps(session: Session, links: nx.MultiGraph) -> list[dict[str, Any]]:
    """Concepts linked to missing knowledge, with that knowledge."""
    missing = {k.id: k for k in session.knowledge if k.status == "missing"}
    gaps = []
    for concept in session.concepts:
        needed = [missing[n] for n in dict.fromkeys(links.neighbors(concept.id)) if n in missing]
        if needed:
            gaps.append({**_ref(concept), "missing": [_ref(k) for k in needed]})
    return gaps


def _ranking(ideas: list[Concept]) -> list[dict[str, Any]]:
    totals = [(sum(v.count for v in c.votes), order, c) for order, c in enumerate(ideas)]
    ranked = sorted((t for t in totals if t[0]), key=lambda t: (-t[0], t[1]))
    return [{**_ref(c), "votes": total} for total, _, c in ranked]


def _retained(session: Session, ideas: list[Concept], links: nx.MultiGraph) -> list[dict[str, Any]]:
    """Retained concepts with the linked knowledge that is not acquired yet."""
    knowledge = {k.id: k for k in session.knowledge}
    retained = []
    for concept in (c for c in ideas if c.outcome == "retained"):
        linked = [knowledge[n] for n in dict.fromkeys(links.neighbors(concept.id))]
        unmet = [{**_ref(k), "status": k.status} for k in linked if k.status != "acquired"]
        retained.append({**_ref(concept), "unmet": unmet})
    return retained


def _round(session: Session, round_: Round) -> dict[str, Any]:
    """A round: when, how long (minutes; None while running), who, on what, and its
    result: the dots of its concepts (voting; those with none left out) or the
    tags per theme on them (tagging; every theme listed)."""
    duration = round_duration(round_)
    people = {p.id: p for p in session.participants}
    concepts = {c.id: c for c in session.concepts}
    measured: dict[str, Any] = {
        "id": round_.id,
        "kind": round_.kind,
        "started": round_.started,
        "ended": round_.ended,
        "duration_minutes": None if duration is None else round(duration.total_seconds() / 60),
        "participants": [{"id": pid, "name": people[pid].name} for pid in round_.participants],
        "concepts": [_ref(concepts[cid]) for cid in round_.concepts],
    }
    if round_.kind == "voting":
        measured["budget"] = round_.budget
        measured["hidden"] = round_.hidden
        measured["ranking"] = [
            {**_ref(concepts[cid]), "dots": dots}
            for cid, dots in round_ranking(session, round_.id)
            if dots
        ]
    else:
        names = {theme.id: theme.name for theme in session.themes}
        carrying = theme_concepts_in_round(session, round_.id)
        measured["themes"] = [
            {"id": tid, "name": names[tid], "concepts": carrying[tid], "tags": count}
            for tid, count in theme_counts_in_round(session, round_.id).items()
        ]
    return measured
