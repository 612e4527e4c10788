"""The session as data and the Document that edits it (pure Python, no Qt)."""

from ckstudio.model.document import Document, InvalidSessionError
from ckstudio.model.events import Change, Event
from ckstudio.model.problems import OperationError, Problem
from ckstudio.model.session import (
    Concept,
    KnowledgeItem,
    Link,
    Meta,
    Participant,
    Round,
    Session,
    Theme,
)

__all__ = [
    "Change",
    "Concept",
    "Document",
    "Event",
    "InvalidSessionError",
    "KnowledgeItem",
    "Link",
    "Meta",
    "OperationError",
    "Participant",
    "Problem",
    "Round",
    "Session",
    "Theme",
]
