"""Whole-session rules that a single record cannot check by itself.

`session_problems` runs once on load. The `*_reference_problems` helpers are
shared with the Document, which runs them on each edit, so a session edited in
the tool obeys exactly the rules a loaded file obeys.
"""

from __future__ import annotations

import datetime
from collections.abc import Container, Mapping

from ckstudio.model import limits
from ckstudio.model.problems import Problem, pointer
from ckstudio.model.session import Concept, KnowledgeItem, Round, Session

MAX_PROBLEMS = 100


def concept_reference_problems(
    concept: Concept, themes: Container[str], participants: Container[str]
) -> list[str]:
    """What a concept names that does not exist, and duplicated tags or voters."""
    if concept.author is None and not concept.tags and not concept.votes:
        return []
    found = _missing_participant(concept.author, "author", participants)
    seen_tags: set[tuple[str, str | None]] = set()
    for tag in concept.tags:
        if tag.theme not in themes:
            found.append(f"tag names the theme '{tag.theme}', which does not exist")
        found += _missing_participant(tag.by, "tag", participants)
        if (tag.theme, tag.by) in seen_tags:
            found.append(f"theme '{tag.theme}' is tagged twice by the same participant")
        seen_tags.add((tag.theme, tag.by))
    voters: set[str | None] = set()
    for vote in concept.votes:
        found += _missing_participant(vote.by, "vote", participants)
        if vote.by in voters:
            found.append("one participant has two vote entries on this concept")
        voters.add(vote.by)
    return found


def knowledge_reference_problems(item: KnowledgeItem, participants: Container[str]) -> list[str]:
    return _missing_participant(item.holder, "holder", participants)


def round_reference_problems(
    round_: Round, concepts: Container[str], participants: Container[str]
) -> list[str]:
    """The concepts and participants a round names that do not exist, or names twice,
    and an end before the start."""
    found = [
        f"the round names the participant '{pid}', who does not exist"
        for pid in round_.participants
        if pid not in participants
    ]
    found += [
        f"the round names the concept '{cid}', which does not exist"
        for cid in round_.concepts
        if cid not in concepts
    ]
    found += [
        f"the round counts earlier dots on '{cid}', which is not one of its concepts"
        for cid in round_.earlier
        if cid not in round_.concepts
    ]
    found += [
        f"the round counts earlier dots of '{pid}', who does not exist"
        for dots in round_.earlier.values()
        for pid in dots
        if pid not in participants
    ]
    found += [
        f"the round counts {count} earlier dots of '{pid}' on '{cid}': not a count"
        for cid, dots in round_.earlier.items()
        for pid, count in dots.items()
        if count < 1
    ]
    if len(set(round_.participants)) < len(round_.participants):
        found.append("the round names one participant twice")
    if len(set(round_.concepts)) < len(round_.concepts):
        found.append("the round names one concept twice")
    if _ends_before_it_starts(round_):
        found.append(f"the round ends ({round_.ended}) before it starts ({round_.started})")
    return found


def _ends_before_it_starts(round_: Round) -> bool:
    """Whether the round's end comes before its start; False while it runs, or when its
    two times cannot be compared (one written with a time zone, the other without)."""
    if not round_.ended:
        return False
    try:
        ended = datetime.datetime.fromisoformat(round_.ended)
        return ended < datetime.datetime.fromisoformat(round_.started)
    except TypeError:
        return False


def _missing_participant(pid: str | None, role: str, participants: Container[str]) -> list[str]:
    if pid is None or pid in participants:
        return []
    return [f"{role} names the participant '{pid}', who does not exist"]


def session_problems(session: Session) -> list[Problem]:
    """Every breach of the whole-file rules of docs/file-format.md (at most MAX_PROBLEMS)."""
    problems = _id_problems(session)
    problems += _tree_problems(session.concepts, "concepts", single_root=True)
    problems += _tree_problems(session.knowledge, "knowledge", single_root=False)
    problems += _reference_problems(session)
    problems += _link_problems(session)
    problems += _round_problems(session)
    return problems[:MAX_PROBLEMS]


SECTIONS = ("themes", "participants", "concepts", "knowledge", "links", "rounds")


def _id_problems(session: Session) -> list[Problem]:
    problems: list[Problem] = []
    nodes = len(session.concepts) + len(session.knowledge)
    if nodes > limits.MAX_NODES:
        message = f"{nodes} concepts and knowledge items, more than the {limits.MAX_NODES} allowed"
        problems.append(Problem("", message))
    ids = [record.id for section in SECTIONS for record in getattr(session, section)]
    if len(set(ids)) == len(ids):  # the usual case, checked at C speed
        return problems
    seen: dict[str, tuple[str, int]] = {}
    for section in SECTIONS:
        for index, record in enumerate(getattr(session, section)):
            if record.id in seen:
                message = (
                    f"the id '{record.id}' is already used at {pointer(*seen[record.id], 'id')}"
                )
                problems.append(Problem(pointer(section, index, "id"), message))
            else:
                seen[record.id] = (section, index)
    return problems


def _tree_problems(
    nodes: list[Concept] | list[KnowledgeItem], section: str, *, single_root: bool
) -> list[Problem]:
    problems: list[Problem] = []
    parents = {node.id: node.parent for node in nodes}
    roots = [i for i, node in enumerate(nodes) if node.parent is None]
    if single_root and len(roots) != 1:
        what = "no concept has" if not roots else f"{len(roots)} concepts have"
        problems.append(Problem(pointer(section), f"{what} 'parent: null'; exactly one (C0) must"))
    if single_root and roots and nodes[roots[0]].partition is not None:
        problems.append(Problem(pointer(section, roots[0], "partition"), "C0 has no partition"))
    kind = "concept" if section == "concepts" else "knowledge item"
    for index, node in enumerate(nodes):
        if node.parent is not None and node.parent not in parents:
            message = f"the parent '{node.parent}' is not a {kind} of this file"
            problems.append(Problem(pointer(section, index, "parent"), message))
    if _parents_come_first(nodes):  # how CK Studio writes files: no cycle is possible
        return problems
    index_of = {node.id: i for i, node in enumerate(nodes)}
    for node_id in _nodes_on_cycles(parents):
        message = f"'{node_id}' is its own ancestor (the parents form a cycle)"
        problems.append(Problem(pointer(section, index_of[node_id], "parent"), message))
    return problems


def _parents_come_first(nodes: list[Concept] | list[KnowledgeItem]) -> bool:
    seen: set[str] = set()
    for node in nodes:
        if node.parent is not None and node.parent not in seen:
            return False
        seen.add(node.id)
    return True


def _nodes_on_cycles(parents: Mapping[str, str | None]) -> list[str]:
    """Ids whose parent chain loops back on itself, one per cycle, in linear time."""
    state: dict[str, int] = {}  # 1: on the current walk, 2: known to reach a root
    on_cycles: list[str] = []
    for start in parents:
        walk: list[str] = []
        node: str | None = start
        while node is not None and node in parents and node not in state:
            state[node] = 1
            walk.append(node)
            node = parents[node]
        if node is not None and state.get(node) == 1:
            on_cycles.append(node)
        for visited in walk:
            state[visited] = 2
    return on_cycles


def _references_sound(session: Session, themes: set[str], participants: set[str]) -> bool:
    """A quick screen of every reference at once; the detailed pass runs only if it fails."""
    concepts = session.concepts
    people = {c.author for c in concepts}
    people.update(tag.by for c in concepts for tag in c.tags)
    people.update(vote.by for c in concepts for vote in c.votes)
    people.update(item.holder for item in session.knowledge)
    people.update(session.meta.facilitators)
    people.discard(None)
    tagged = {tag.theme for c in concepts for tag in c.tags}
    repeated = any(
        (len(c.tags) > 1 and len({(t.theme, t.by) for t in c.tags}) < len(c.tags))
        or (len(c.votes) > 1 and len({v.by for v in c.votes}) < len(c.votes))
        for c in concepts
    )
    return people <= participants and tagged <= themes and not repeated


def _reference_problems(session: Session) -> list[Problem]:
    themes = {theme.id for theme in session.themes}
    participants = {participant.id for participant in session.participants}
    if _references_sound(session, themes, participants):
        return []
    problems = [
        Problem(pointer("meta", "facilitators", i), f"'{pid}' is not a participant")
        for i, pid in enumerate(session.meta.facilitators)
        if pid not in participants
    ]
    for index, concept in enumerate(session.concepts):
        for message in concept_reference_problems(concept, themes, participants):
            problems.append(Problem(pointer("concepts", index), message))
    for index, item in enumerate(session.knowledge):
        for message in knowledge_reference_problems(item, participants):
            problems.append(Problem(pointer("knowledge", index), message))
    return problems


def _link_problems(session: Session) -> list[Problem]:
    concepts = {concept.id for concept in session.concepts}
    knowledge = {item.id for item in session.knowledge}
    links = session.links
    if (
        {link.concept for link in links} <= concepts
        and {link.knowledge for link in links} <= knowledge
        and len({(link.concept, link.knowledge, link.kind) for link in links}) == len(links)
    ):
        return []
    problems: list[Problem] = []
    seen: set[tuple[str, str, str]] = set()
    for index, link in enumerate(session.links):
        if link.concept not in concepts:
            message = f"'{link.concept}' is not a concept of this file"
            problems.append(Problem(pointer("links", index, "concept"), message))
        if link.knowledge not in knowledge:
            message = f"'{link.knowledge}' is not a knowledge item of this file"
            problems.append(Problem(pointer("links", index, "knowledge"), message))
        key = (link.concept, link.knowledge, link.kind)
        if key in seen:
            message = (
                f"a {link.kind} link from '{link.concept}' to '{link.knowledge}' exists already"
            )
            problems.append(Problem(pointer("links", index), message))
        seen.add(key)
    return problems


def _round_problems(session: Session) -> list[Problem]:
    if not session.rounds:
        return []
    concepts = {concept.id for concept in session.concepts}
    participants = {participant.id for participant in session.participants}
    return [
        Problem(pointer("rounds", index), message)
        for index, round_ in enumerate(session.rounds)
        for message in round_reference_problems(round_, concepts, participants)
    ]
