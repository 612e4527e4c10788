"""The canonical bytes of a session, re-encoding only the records that changed.

Autosave writes the whole session every few seconds on a worker thread. One
`encode(session)` is a single call into pydantic's serializer, which holds
Python's global lock throughout (about 55 ms for 10,000 concepts): the UI
thread would freeze that long. Here each record is encoded by its own short
call, so the lock changes hands between records, and the bytes are kept per
record object: records are immutable, so an unchanged record (the same
object in the next snapshot) is never encoded again. The result is byte for
byte `encode(session)`.
"""

from __future__ import annotations

import json

from ckstudio.model.session import Record, Session

_RECORD_INDENT = "\n    "  # a record inside a top-level list
_FIELD_INDENT = "\n  "  # a record that is a top-level field (meta)


class CachedEncoder:
    """Encodes successive snapshots of one session; not to be shared between threads."""

    def __init__(self) -> None:
        # id(record) -> record and -> bytes; the record is kept so its id is not reused.
        # Two flat dicts, not a dict of tuples: ints and bytes are not tracked by the
        # cyclic garbage collector, so encoding never triggers a full collection, which
        # on a big session would hold the interpreter lock for tens of milliseconds.
        self._records: dict[int, Record] = {}
        self._bytes: dict[int, bytes] = {}

    def encode(self, session: Session) -> bytes:
        """The same bytes as `storage.encode(session)`."""
        kept: dict[int, Record] = {}
        parts = [b"{"]
        for index, name in enumerate(Session.model_fields):
            value = getattr(session, name)
            parts.append(b"\n  " if index == 0 else b",\n  ")
            parts.append(json.dumps(name).encode() + b": ")
            if isinstance(value, list):
                parts.append(self._list(value, kept))
            elif isinstance(value, Record):
                parts.append(self._piece(value, _FIELD_INDENT, kept))
            else:
                parts.append(json.dumps(value, ensure_ascii=False).encode("utf-8"))
        parts.append(b"\n}\n")
        self._bytes = {key: self._bytes[key] for key in kept}
        self._records = kept
        return b"".join(parts)

    def _list(self, records: list[Record], kept: dict[int, Record]) -> bytes:
        if not records:
            return b"[]"
        items = b",\n    ".join(self._piece(r, _RECORD_INDENT, kept) for r in records)
        return b"[\n    " + items + b"\n  ]"

    def _piece(self, record: Record, indent: str, kept: dict[int, Record]) -> bytes:
        key = id(record)
        if self._records.get(key) is not record:
            text = record.model_dump_json(indent=2).replace("\n", indent)
            self._records[key] = record
            self._bytes[key] = text.encode("utf-8")
        kept[key] = record
        return self._bytes[key]
