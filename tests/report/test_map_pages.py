"""The split map's pages: every node reachable from the overview, parts named by their
root, the legend on the overview, French quotes kept on one line."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from ckstudio.layout.fonts import shared_measure
from ckstudio.model import Document, edits
from ckstudio.model.templates import new_session
from ckstudio.report.builder import report_pdf
from ckstudio.report.labels import REPORT_LABELS
from ckstudio.report.mapflow import MapPlan, page_list, plan_map


def crowded_session():
    """C0 › a branch › a node with 40 children (more than a page holds) and a sibling."""
    doc = Document(new_session("Atelier", "C0"))
    doc.apply(edits.add_concept(doc, doc.root, "Une branche"))
    branch = doc.to_session().concepts[-1].id
    for text in ("Une famille très fournie", "Une petite sœur"):
        doc.apply(edits.add_concept(doc, branch, text))
    family = doc.to_session().concepts[-2].id
    for index in range(40):
        doc.apply(edits.add_concept(doc, family, f"idée numéro {index}"))
    return doc.to_session(), family


def reachable(plan: MapPlan) -> set[str]:
    """The nodes a reader reaches from the overview's key by following "→ p." refs."""
    pieces = {p.key: p for b in plan.branches for p in b.pieces}
    todo = [k for b in plan.branches for k in plan.refs(b.root)]  # the key's "p. N"
    seen, found = set(), set()
    while todo:
        key = todo.pop()
        if key in seen:
            continue
        seen.add(key)
        piece = pieces[key]
        found |= set(piece.boxes)
        for node in piece.frontier:  # "→ p. N–M"
            todo += plan.refs(node)
    return found


def test_every_node_is_reachable_from_the_overview_when_a_family_is_cut():
    session, family = crowded_session()
    plan = plan_map(session, 700, 460, 7 / 8.5, shared_measure())
    runs = [p for b in plan.branches for p in b.pieces if p.root == family and p.part]
    assert len(runs) > 1
    assert plan.refs(family) == [p.key for p in runs]  # the parent names every run's page
    c0 = next(c.id for c in session.concepts if c.parent is None)
    assert reachable(plan) == {c.id for c in session.concepts} - {c0}


def test_page_lists_read_as_ranges():
    assert page_list([22]) == "22"
    assert page_list([23, 22, 22]) == "22\u201323"
    assert page_list([4, 5, 6, 9]) == "4\u20136, 9"


def test_the_pdf_names_every_page_of_a_cut_family_and_each_part_by_its_root():
    session, _ = crowded_session()
    data = report_pdf(session, sections=["map"], language="fr")[0]
    reader = PdfReader(io.BytesIO(data))
    pages = [page.extract_text() for page in reader.pages]
    text = "\n".join(pages)
    assert re.search(r"→ p\. \d+\u2013\d+", text)  # "→ p. 5–6": every run's page
    assert re.search(r"C1 · suite 1/\d", text)  # before the path, never cut off
    titles = _titles(reader.outline)
    assert any(t.startswith("C1.1 · Une famille") for t in titles)
    assert not any(t.endswith("(suite)") for t in titles)
    overview = next(p for p in pages if "Légende" in p)  # the legend, with its words
    for word in ("Atteignabilité", "Partition", "Liens", "conception dominante"):
        assert word in overview


def _titles(outline) -> list[str]:
    found = []
    for entry in outline:
        found += _titles(entry) if isinstance(entry, list) else [entry.title]
    return found


def test_french_quotes_hold_their_words_with_no_break_spaces():
    for text in REPORT_LABELS["fr"].values():
        assert not re.search(r"« | »", text), text
