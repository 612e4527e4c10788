"""The JSON Schema of session files, generated from the models (never by hand).

A copy is kept in resources/ckstudio.session.schema.json for people and tools
that do not run CK Studio; a test fails when the copy and the models drift.
"""

from __future__ import annotations

import json
from typing import Any

from ckstudio.model.session import FORMAT_VERSION, Session

SCHEMA_ID = f"urn:ckstudio:schema:session:{FORMAT_VERSION}"


def session_schema() -> dict[str, Any]:
    schema = Session.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"CK Studio session file, format version {FORMAT_VERSION}",
        "description": (
            "A C-K design workshop: concept tree, knowledge pockets, links, themes, "
            "participants. Whole-file rules (unique ids, one C0, no cycles, references "
            "that exist) are in docs/file-format.md."
        ),
        **{key: value for key, value in schema.items() if key != "title"},
    }


def schema_text() -> str:
    return json.dumps(session_schema(), indent=2, ensure_ascii=False) + "\n"
