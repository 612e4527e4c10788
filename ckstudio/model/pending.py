"""Text being typed, put into a snapshot of the session without touching the Document.

A facilitator may type notes for minutes before the field is committed (the
undo step is made when the field is left). The autosave copy must hold that
text too, yet must not make undo steps or change what Save writes: the edits
are applied to the immutable snapshot only. A value the file would refuse (a
text still too long, say) is left out: the copy always loads.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError

from ckstudio.model.operations import SetLinkField, SetMeta, SetNodeField
from ckstudio.model.session import Session

TypedEdit = SetNodeField | SetLinkField | SetMeta


def with_typing(session: Session, edits: Iterable[TypedEdit]) -> Session:
    """The snapshot with each edit's value in place; the session itself when none applies."""
    lists: dict[str, list[Any]] = {}
    meta = session.meta
    for edit in edits:
        if isinstance(edit, SetMeta):
            meta = _changed(meta, edit.field, edit.value) or meta
            continue
        name = "links" if isinstance(edit, SetLinkField) else _section(edit.space)
        records = lists.setdefault(name, list(getattr(session, name)))
        index = next((i for i, r in enumerate(records) if r.id == edit.id), None)
        if index is not None:
            records[index] = _changed(records[index], edit.field, edit.value) or records[index]
    if not lists and meta is session.meta:
        return session
    return session.model_copy(update={**lists, "meta": meta})


def _section(space: str) -> str:
    return "concepts" if space == "c" else "knowledge"


def _changed(record: Any, field: str, value: Any) -> Any:
    """The record with `field` set, validated as a file would be; None if refused."""
    if field not in type(record).model_fields:
        return None
    try:
        if isinstance(value, str):
            value.encode("utf-8")  # a lone surrogate could not be written
        return type(record).model_validate({**record.model_dump(), field: value}, strict=True)
    except (ValidationError, ValueError):
        return None
