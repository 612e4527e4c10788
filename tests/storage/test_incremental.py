"""The autosave encoder: the same bytes as `encode`, re-encoding only what changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from ckstudio.model.document import Document
from ckstudio.model.edits import add_node
from ckstudio.storage import encode, load_session
from ckstudio.storage.incremental import CachedEncoder

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.ck.json")), ids=lambda p: p.name)
def test_the_bytes_are_those_of_encode(path):
    session = load_session(path)
    assert CachedEncoder().encode(session) == encode(session) == path.read_bytes()


def test_an_edit_reencodes_only_its_record(monkeypatch):
    doc = Document(load_session(EXAMPLES / "ecocirc-groupe-scolaire.ck.json"))
    encoder = CachedEncoder()
    encoder.encode(doc.to_session())
    doc.apply(add_node(doc, "c", doc.root, text="une « idée » neuve\nsur deux lignes"))
    session = doc.to_session()
    encoded = []
    original = type(session.concepts[0]).model_dump_json

    def counting(record, **options):
        encoded.append(record)
        return original(record, **options)

    monkeypatch.setattr(type(session.concepts[0]), "model_dump_json", counting)
    assert encoder.encode(session) == encode(session)
    assert [c.text for c in encoded] == ["une « idée » neuve\nsur deux lignes"]
