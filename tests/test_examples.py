"""The example sessions shipped in examples/: valid, canonical and faithful to the seed.

The two French examples replay the ecoCIRC workshops of the seed (the circular
school group and the R+12 building of the NPRU des Navigateurs); the checks
below hold them to what the seed names.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ckstudio.model import Document, Session
from ckstudio.storage import encode, load_session

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FILES = sorted(EXAMPLES.glob("*.ck.json"))
SCHOOL = EXAMPLES / "ecocirc-groupe-scolaire.ck.json"
BUILDING = EXAMPLES / "ecocirc-immeuble-r12.ck.json"

SCHOOL_CONCEPTS = [
    "ouverte sur elle-même",
    "respire",
    "ronde",
    "hors-les-murs",
    "déchets",
    "répliquable",
    "ouverte sur l'extérieur",
    "auto-suffisante",
    "eaux usées",
    "matériel scolaire recyclé",
]
SCHOOL_KNOWLEDGE = {
    "architecture modulaire": "acquired",
    "gestion des eaux": "acquired",
    "isolation thermique": "acquired",
    "panneaux solaires": "acquired",
    "biosourcés": "acquiring",
    "issus du réemploi": "acquiring",
    "coût global": "acquiring",
}
BUILDING_CONCEPTS = [
    "se démonte",
    "mine de matériaux",
    "façade productive",
    "habité pendant le chantier",
    "changent de taille",
    "toit partagé",
]
BUILDING_KNOWLEDGE = [
    "désamiantage",
    "pemd",
    "isolation thermique par l'extérieur",
    "réemploi des menuiseries",
    "site occupé",
]


def _plain(text: str) -> str:
    """Lower case, typographic apostrophe as a straight one, non-breaking spaces as spaces."""
    return text.replace("\u2019", "'").replace("\u00a0", " ").casefold()


def _load(path: Path) -> Session:
    return load_session(path)


def _french(path: Path) -> bool:
    return _load(path).meta.language == "fr"


def test_the_examples_are_there() -> None:
    names = {path.name for path in FILES}
    assert {SCHOOL.name, BUILDING.name, "school-garden-workshop.ck.json"} <= names


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_example_loads(path: Path) -> None:
    session = _load(path)
    assert session.concepts[0].parent is None


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_example_is_canonical(path: Path) -> None:
    session = _load(path)
    assert encode(Document(session).to_session()) == path.read_bytes()


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_example_is_a_full_workshop(path: Path) -> None:
    session = _load(path)
    statuses = {item.status for item in session.knowledge}
    assert "missing" in statuses
    assert {link.kind for link in session.links} == {"c_to_k", "k_to_c"}
    assert any(concept.tags for concept in session.concepts)
    assert any(concept.votes for concept in session.concepts)
    partitions = {concept.partition for concept in session.concepts}
    assert {"expansive", "restrictive"} <= partitions


@pytest.mark.parametrize(
    "path", [path for path in FILES if _french(path)], ids=lambda path: path.name
)
def test_french_example_has_every_role(path: Path) -> None:
    roles = {participant.role for participant in _load(path).participants}
    assert {"company", "public_body", "research", "facilitator"} <= roles


def _concept_texts(session: Session) -> list[str]:
    return [_plain(concept.text) for concept in session.concepts]


def _statuses_of(session: Session, fragment: str) -> set[str]:
    return {item.status for item in session.knowledge if _plain(fragment) in _plain(item.text)}


@pytest.mark.parametrize("fragment", SCHOOL_CONCEPTS)
def test_school_holds_the_seed_concepts(fragment: str) -> None:
    texts = _concept_texts(_load(SCHOOL))
    assert any(_plain(fragment) in text for text in texts), fragment


@pytest.mark.parametrize(("fragment", "status"), SCHOOL_KNOWLEDGE.items())
def test_school_holds_the_seed_knowledge(fragment: str, status: str) -> None:
    assert status in _statuses_of(_load(SCHOOL), fragment), fragment


@pytest.mark.parametrize("fragment", BUILDING_CONCEPTS)
def test_building_holds_its_concepts(fragment: str) -> None:
    texts = _concept_texts(_load(BUILDING))
    assert any(_plain(fragment) in text for text in texts), fragment


@pytest.mark.parametrize("fragment", BUILDING_KNOWLEDGE)
def test_building_holds_its_knowledge(fragment: str) -> None:
    assert _statuses_of(_load(BUILDING), fragment), fragment


@pytest.mark.parametrize("path", [SCHOOL, BUILDING], ids=lambda path: path.name)
def test_french_example_marks_the_dominant_design(path: Path) -> None:
    session = _load(path)
    assert session.meta.language == "fr"
    assert any(item.dominant for item in session.knowledge)
