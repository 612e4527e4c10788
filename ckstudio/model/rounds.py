"""What a tagging or voting round counts (pure Python, no Qt).

Tags and votes live on the concepts (Concept.tags, Concept.votes); a round
names the concepts and participants it is about, and these helpers read its
results from them. Each takes either an open Document or a Session (the
report and the command line work on sessions).
"""

from __future__ import annotations

import datetime

from ckstudio.model.document import Document
from ckstudio.model.session import Concept, Round, Session


def _round(source: Document | Session, round_id: str) -> Round:
    for round_ in source.rounds:
        if round_.id == round_id:
            return round_
    raise KeyError(round_id)


def _concepts(source: Document | Session, round_: Round) -> list[Concept]:
    """The round's concepts, in the round's order."""
    if isinstance(source, Document):
        return [source.concept(cid) for cid in round_.concepts]
    by_id = {concept.id: concept for concept in source.concepts}
    return [by_id[cid] for cid in round_.concepts]


def _round_dots(round_: Round, concept: Concept) -> dict[str, int]:
    """The dots each of the round's participants gave this concept during the round:
    their dots on it now beyond those it had when the round started (`Round.earlier`).
    Dots of anyone else are not the round's."""
    before = round_.earlier.get(concept.id, {})
    return {
        vote.by: vote.count - before.get(vote.by, 0)
        for vote in concept.votes
        if vote.by in round_.participants and vote.count > before.get(vote.by, 0)
    }


def dots_used(source: Document | Session, round_id: str, participant: str | None) -> int:
    """The dots this participant has given the round's concepts since it started."""
    round_ = _round(source, round_id)
    return sum(
        _round_dots(round_, concept).get(participant or "", 0)
        for concept in _concepts(source, round_)
    )


def dots_left(source: Document | Session, round_id: str, participant: str | None) -> int:
    """The dots this participant may still give in the round (never below 0)."""
    budget = _round(source, round_id).budget
    return max(0, budget - dots_used(source, round_id, participant))


def round_ranking(source: Document | Session, round_id: str) -> list[tuple[str, int]]:
    """The round's concepts with the dots given during it, most first (ties in the
    round's order): a second vote on the same concepts starts from zero."""
    round_ = _round(source, round_id)
    dots = [
        (concept.id, sum(_round_dots(round_, concept).values()))
        for concept in _concepts(source, round_)
    ]
    return sorted(dots, key=lambda item: -item[1])


def theme_counts_in_round(source: Document | Session, round_id: str) -> dict[str, int]:
    """For every theme of the session (in its order), the tags of it on the round's
    concepts: a concept tagged by two participants counts twice."""
    round_ = _round(source, round_id)
    counts = {theme.id: 0 for theme in source.themes}
    for concept in _concepts(source, round_):
        for tag in concept.tags:
            counts[tag.theme] += 1
    return counts


def theme_concepts_in_round(source: Document | Session, round_id: str) -> dict[str, int]:
    """For every theme of the session (in its order), how many of the round's concepts
    carry it: a concept tagged by two participants counts once, as in the cluster view."""
    round_ = _round(source, round_id)
    counts = {theme.id: 0 for theme in source.themes}
    for concept in _concepts(source, round_):
        for theme in {tag.theme for tag in concept.tags}:
            counts[theme] += 1
    return counts


def ranks(ranking: list[tuple[str, int]]) -> list[int]:
    """The place of each entry of a ranking, ties sharing theirs (1, 2, 2, 4): two
    concepts with as many dots are ex aequo, whatever order the list gives them."""
    places: list[int] = []
    for index, (_, dots) in enumerate(ranking):
        tied = index and dots == ranking[index - 1][1]
        places.append(places[-1] if tied else index + 1)
    return places


def running_round(source: Document | Session, kind: str | None = None) -> Round | None:
    """The newest round still running (of this kind, if given), or None."""
    for round_ in reversed(source.rounds):
        if not round_.ended and kind in (None, round_.kind):
            return round_
    return None


def round_duration(round_: Round) -> datetime.timedelta | None:
    """How long the round ran; None while it runs, or when its two times cannot be
    compared (one written with a time zone, the other without)."""
    if not round_.ended:
        return None
    try:
        return datetime.datetime.fromisoformat(round_.ended) - datetime.datetime.fromisoformat(
            round_.started
        )
    except TypeError:
        return None
