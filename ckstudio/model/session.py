"""The session as data: these pydantic models *are* the session file format.

They are strict (no type coercion), refuse unknown fields (a typo must not
silently lose data) and frozen: an edit replaces a node by a new object, so a
snapshot of a session is a cheap list of references that later edits cannot
change (autosave can serialise it on another thread). Lists inside a model are
never mutated in place for the same reason.

Checks that need the whole file (ids unique, parents exist, no cycles...) live
in `integrity`, not here.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from ckstudio.model import limits

FORMAT_NAME = "ckstudio.session"
FORMAT_VERSION = 2

Partition = Literal["restrictive", "expansive"]
Reach = Literal["unassessed", "known", "reachable", "breakthrough"]
Outcome = Literal["open", "retained", "suspended", "dropped"]
Status = Literal["acquired", "acquiring", "missing"]
LinkKind = Literal["c_to_k", "k_to_c"]
Role = Literal["facilitator", "company", "public_body", "research", "other"]
RoundKind = Literal["tagging", "voting"]

PARTITIONS: tuple[str, ...] = Partition.__args__
REACHES: tuple[str, ...] = Reach.__args__
OUTCOMES: tuple[str, ...] = Outcome.__args__
STATUSES: tuple[str, ...] = Status.__args__
LINK_KINDS: tuple[str, ...] = LinkKind.__args__
ROLES: tuple[str, ...] = Role.__args__
ROUND_KINDS: tuple[str, ...] = RoundKind.__args__

Id = Annotated[str, StringConstraints(min_length=1, max_length=limits.MAX_ID, pattern=r"^\S+$")]
Name = Annotated[str, StringConstraints(min_length=1, max_length=limits.MAX_NAME)]
ShortText = Annotated[str, StringConstraints(max_length=limits.MAX_NAME)]
Text = Annotated[str, StringConstraints(max_length=limits.MAX_TEXT)]
Notes = Annotated[str, StringConstraints(max_length=limits.MAX_NOTES)]
Color = Annotated[str, StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$")]
Language = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]


# The patterns keep to the documented forms (Python alone also takes 20200506
# or 2020-W19-3); fromisoformat then refuses impossible dates such as 2020-02-30.
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}.*")


def _iso_date(value: str) -> str:
    if value:
        try:
            if not _DATE.fullmatch(value):
                raise ValueError
            datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError("not a date written YYYY-MM-DD") from None
    return value


def _iso_datetime(value: str) -> str:
    if value:
        try:
            if not _DATETIME.fullmatch(value):
                raise ValueError
            datetime.datetime.fromisoformat(value)
        except ValueError:
            raise ValueError("not an ISO 8601 date and time (YYYY-MM-DDThh:mm...)") from None
    return value


IsoDate = Annotated[str, StringConstraints(max_length=10), AfterValidator(_iso_date)]
IsoDateTime = Annotated[str, StringConstraints(max_length=40), AfterValidator(_iso_datetime)]


class Record(BaseModel):
    """Base of every record of the file: strict, closed, immutable."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Meta(Record):
    title: Name
    brief: Notes = ""
    date: IsoDate = ""
    place: ShortText = ""
    language: Language = "fr"
    facilitators: list[Id] = Field(default_factory=list, max_length=limits.MAX_PARTICIPANTS)
    created: IsoDateTime = ""
    modified: IsoDateTime = ""


class Theme(Record):
    id: Id
    name: Name
    color: Color


class Participant(Record):
    id: Id
    name: Name
    organisation: ShortText = ""
    role: Role = "other"


class Tag(Record):
    theme: Id
    by: Id | None = None


class Vote(Record):
    by: Id | None = None
    count: int = Field(default=1, ge=1, le=limits.MAX_VOTE_COUNT)


class Concept(Record):
    id: Id
    parent: Id | None
    text: Text
    partition: Partition | None = None
    reach: Reach = "unassessed"
    outcome: Outcome = "open"
    notes: Notes = ""
    author: Id | None = None
    tags: list[Tag] = Field(default_factory=list, max_length=limits.MAX_TAGS_PER_CONCEPT)
    votes: list[Vote] = Field(default_factory=list, max_length=limits.MAX_VOTES_PER_CONCEPT)


class KnowledgeItem(Record):
    id: Id
    parent: Id | None
    text: Text
    status: Status = "acquired"
    holder: Id | None = None
    source: Notes = ""
    notes: Notes = ""
    dominant: bool = False


class Link(Record):
    id: Id
    concept: Id
    knowledge: Id
    kind: LinkKind
    note: Notes = ""


class Round(Record):
    """A tagging or dot-voting round: who took part, on which concepts, when.

    The tags and votes themselves stay on the concepts (Concept.tags and
    Concept.votes); a round says which of them its results count.
    """

    id: Id
    kind: RoundKind
    started: IsoDateTime = Field(min_length=1)
    ended: IsoDateTime = ""  # "" while the round is running
    participants: list[Id] = Field(default_factory=list, max_length=limits.MAX_PARTICIPANTS)
    concepts: list[Id] = Field(default_factory=list, max_length=limits.MAX_NODES)
    budget: int = Field(default=3, ge=1, le=limits.MAX_ROUND_BUDGET)  # dots per participant
    hidden: bool = False  # voting: results hidden until the facilitator reveals them
    # Voting: concept id -> participant id -> the dots already on that concept when the
    # round started. The round's results and budget count only the dots given since.
    earlier: dict[Id, dict[Id, int]] = Field(default_factory=dict, max_length=limits.MAX_NODES)


class Session(Record):
    format: Literal["ckstudio.session"]
    version: int
    meta: Meta
    themes: list[Theme] = Field(default_factory=list, max_length=limits.MAX_THEMES)
    participants: list[Participant] = Field(
        default_factory=list, max_length=limits.MAX_PARTICIPANTS
    )
    concepts: list[Concept] = Field(min_length=1, max_length=limits.MAX_NODES)
    knowledge: list[KnowledgeItem] = Field(default_factory=list, max_length=limits.MAX_NODES)
    links: list[Link] = Field(default_factory=list, max_length=limits.MAX_LINKS)
    rounds: list[Round] = Field(default_factory=list, max_length=limits.MAX_ROUNDS)


Node = Concept | KnowledgeItem
