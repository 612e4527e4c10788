"""Write the corpus of bad session files and the format-version fixtures.

Run from the project root:  .venv/bin/python tests/data/make_bad_files.py

Each bad file is a small valid session with exactly one thing broken, named
for what is wrong. `bad/EXPECTED.json` maps each file name to what the loader
must say about it: `where` is the JSON pointer of the first problem, or
"line L, column C" for text that is not JSON, or "" for the file as a whole;
`contains` is a lowercase piece of the message. The expectations are written
here by hand from docs/file-format.md, never copied from the loader's output.

The huge cases (a 50 MB string, 100,000 levels of nesting, a 100,000-digit
number, a file over the 50 MiB limit) are not stored in the repository: the
tests generate them in a temporary folder.

Each version fixture `versions/vN.ck.json` is written with `encode()` only while
the program's format version is N: once version N+1 exists, vN is an archive
and must stay as it is (v1 is one already).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
BAD = HERE / "bad"
VERSIONS = HERE / "versions"

Data = dict[str, Any]


def base() -> Data:
    """A small valid session using references of every kind."""
    return {
        "format": "ckstudio.session",
        "version": 2,
        "meta": {
            "title": "Un groupe scolaire circulaire",
            "date": "2020-05-06",
            "facilitators": ["p1"],
            "created": "2020-05-06T10:00:00+02:00",
        },
        "themes": [{"id": "t-structure", "name": "Structure", "color": "#0072B2"}],
        "participants": [
            {"id": "p1", "name": "Ana", "role": "facilitator"},
            {"id": "p2", "name": "Bo"},
        ],
        "concepts": [
            {"id": "c0", "parent": None, "text": "Une école circulaire"},
            {
                "id": "c1",
                "parent": "c0",
                "text": "L'école qui respire",
                "partition": "expansive",
                "reach": "breakthrough",
                "author": "p2",
                "tags": [{"theme": "t-structure", "by": "p2"}],
                "votes": [{"by": "p1", "count": 2}],
            },
        ],
        "knowledge": [
            {"id": "k1", "parent": None, "text": "Matériaux"},
            {
                "id": "k2",
                "parent": "k1",
                "text": "Biosourcés",
                "status": "acquiring",
                "holder": "p2",
            },
        ],
        "links": [{"id": "l1", "concept": "c1", "knowledge": "k2", "kind": "c_to_k"}],
        "rounds": [
            {
                "id": "r1",
                "kind": "voting",
                "started": "2020-05-06T10:30:00+02:00",
                "participants": ["p1", "p2"],
                "concepts": ["c1"],
            }
        ],
    }


def dumps(data: Any) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def line_column(text: str | bytes, offset: int) -> str:
    """ "line L, column C" (both from 1) of an offset in a text (or of a byte in bytes)."""
    newline = "\n" if isinstance(text, str) else b"\n"
    line = text.count(newline, 0, offset) + 1
    column = offset - (text.rfind(newline, 0, offset) + 1) + 1
    return f"line {line}, column {column}"


# name -> (how to make the bytes, where, contains)
CASES: dict[str, tuple[Callable[[], bytes], str, str]] = {}


def case(name: str, where: str, contains: str) -> Callable[[Callable[[], bytes]], None]:
    def register(make: Callable[[], bytes]) -> None:
        assert contains == contains.lower(), name
        CASES[name] = (make, where, contains)

    return register


def edited(change: Callable[[Data], object]) -> Callable[[], bytes]:
    """Bytes of the base session after `change` edited it in place."""

    def make() -> bytes:
        data = base()
        change(data)
        return dumps(data)

    return make


def single(name: str, where: str, contains: str, change: Callable[[Data], object]) -> None:
    case(name, where, contains)(edited(change))


def c1(data: Data) -> Data:
    return data["concepts"][1]


def k2(data: Data) -> Data:
    return data["knowledge"][1]


def r1(data: Data) -> Data:
    return data["rounds"][0]


# --- Not a JSON document at all ------------------------------------------------


@case("empty.ck.json", "", "empty")
def _empty() -> bytes:
    return b""


@case("whitespace-only.ck.json", "", "empty")
def _whitespace() -> bytes:
    return b"  \n\t\n"


@case("not-json.ck.json", "line 1, column 1", "not valid json")
def _not_json() -> bytes:
    return b"Titre: une ecole circulaire\nC0: ...\n"


# Cut after '"version": 1,' on line 3: the parser wants the next key at the end.
TRUNCATED = '{\n  "format": "ckstudio.session",\n  "version": 1,'
# Cut inside a string: the error is at the quote that opens it.
TRUNCATED_IN_STRING = dumps(base()).decode("utf-8")[:200]
assert TRUNCATED_IN_STRING.count('"') % 2 == 1
TRAILING = dumps(base()).decode("utf-8") + "}\n"
TRAILING_COMMA = '{"format": "ckstudio.session", "a": 1, }\n'
CONTROL = '{"meta": {"title": "a\tb"}}\n'  # a raw tab instead of the escape \\t
LATIN1 = dumps(base()).decode("utf-8").encode("latin-1")

case("truncated.ck.json", line_column(TRUNCATED, len(TRUNCATED)), "not valid json")(
    lambda: TRUNCATED.encode("utf-8")
)
case(
    "truncated-in-string.ck.json",
    line_column(TRUNCATED_IN_STRING, TRUNCATED_IN_STRING.rindex('"')),
    "unterminated string",
)(lambda: TRUNCATED_IN_STRING.encode("utf-8"))
case("trailing-garbage.ck.json", line_column(TRAILING, len(TRAILING) - 2), "extra data")(
    lambda: TRAILING.encode("utf-8")
)
case(
    "trailing-comma.ck.json",
    line_column(TRAILING_COMMA, TRAILING_COMMA.index("}")),
    "enclosed in double quotes",
)(lambda: TRAILING_COMMA.encode("utf-8"))
case("control-character.ck.json", line_column(CONTROL, CONTROL.index("\t")), "control character")(
    lambda: CONTROL.encode("utf-8")
)
case("not-utf8.ck.json", line_column(LATIN1, LATIN1.index(b"\xe9")), "not utf-8")(lambda: LATIN1)


@case("single-quotes.ck.json", "line 1, column 2", "enclosed in double quotes")
def _single_quotes() -> bytes:
    return b"{'format': 'ckstudio.session', 'version': 1}\n"


@case("comment.ck.json", "line 2, column 3", "not valid json")
def _comment() -> bytes:
    return b'{\n  // made by hand\n  "format": "ckstudio.session"\n}\n'


@case("utf16.ck.json", "line 1, column 1", "not utf-8")
def _utf16() -> bytes:
    return dumps(base()).decode("utf-8").encode("utf-16")  # starts with the BOM FF FE


@case("bom-only.ck.json", "line 1, column 1", "not valid json")
def _bom_only() -> bytes:
    return b"\xef\xbb\xbf"


@case("lone-surrogate.ck.json", "", "surrogate")
def _lone_surrogate() -> bytes:
    data = base()
    data["meta"]["title"] = "\ud800"  # legal JSON escape, but no character: not UTF-8 text
    return json.dumps(data, indent=2).encode("ascii")


@case("duplicate-key.ck.json", "", "the key 'title' appears twice")
def _duplicate_key() -> bytes:
    text = dumps(base()).decode("utf-8")
    return text.replace('"title":', '"title": "Premier titre",\n    "title":', 1).encode("utf-8")


@case("nan.ck.json", "", "not a number json allows")
def _nan() -> bytes:
    return dumps(base()).replace(b'"count": 2', b'"count": NaN')


@case("infinity.ck.json", "", "not a number json allows")
def _infinity() -> bytes:
    return dumps(base()).replace(b'"count": 2', b'"count": -Infinity')


# --- JSON, but not a session ---------------------------------------------------


@case("json-array.ck.json", "", "an array")
def _array() -> bytes:
    return dumps([base()])


@case("json-string.ck.json", "", "a string")
def _string() -> bytes:
    return b'"ckstudio.session"\n'


@case("json-number.ck.json", "", "a single value")
def _number() -> bytes:
    return b"1\n"


@case("json-null.ck.json", "", "a single value")
def _null() -> bytes:
    return b"null\n"


single("wrong-format.ck.json", "/format", "not a ck studio session",
       lambda d: d.update(format="ckstudio.sesion"))  # fmt: skip
single("missing-format.ck.json", "/format", "not a ck studio session",
       lambda d: d.pop("format"))  # fmt: skip
single("newer-version.ck.json", "/version", "newer", lambda d: d.update(version=3))
single("version-zero.ck.json", "/version", "not a format version", lambda d: d.update(version=0))
single("version-negative.ck.json", "/version", "not a format version",
       lambda d: d.update(version=-1))  # fmt: skip
single("version-as-string.ck.json", "/version", "whole number", lambda d: d.update(version="1"))
single("version-float.ck.json", "/version", "whole number", lambda d: d.update(version=1.0))
single("version-true.ck.json", "/version", "whole number", lambda d: d.update(version=True))
single("missing-version.ck.json", "/version", "whole number", lambda d: d.pop("version"))

# --- Fields of one record -------------------------------------------------------

single("unknown-field.ck.json", "/concepts/1/priority", "unknown field 'priority'",
       lambda d: c1(d).update(priority=1))  # fmt: skip
single("unknown-top-level-field.ck.json", "/comments", "unknown field 'comments'",
       lambda d: d.update(comments=[]))  # fmt: skip
single("misspelt-field.ck.json", "/themes/0", "the required field 'color' is missing",
       lambda d: d["themes"][0].update(colour=d["themes"][0].pop("color")))  # fmt: skip
single("wrong-type-title.ck.json", "/meta/title", "valid string",
       lambda d: d["meta"].update(title=42))  # fmt: skip
single("empty-title.ck.json", "/meta/title", "at least 1 character",
       lambda d: d["meta"].update(title=""))  # fmt: skip
single("missing-title.ck.json", "/meta", "required field 'title' is missing",
       lambda d: d["meta"].pop("title"))  # fmt: skip
single("meta-not-object.ck.json", "/meta", "valid dictionary",
       lambda d: d.update(meta="Un groupe scolaire"))  # fmt: skip
single("missing-text.ck.json", "/concepts/1", "required field 'text' is missing",
       lambda d: c1(d).pop("text"))  # fmt: skip
single("missing-parent.ck.json", "/knowledge/1", "required field 'parent' is missing",
       lambda d: k2(d).pop("parent"))  # fmt: skip
single("participant-without-name.ck.json", "/participants/1", "required field 'name'",
       lambda d: d["participants"][1].pop("name"))  # fmt: skip
single("link-without-kind.ck.json", "/links/0", "required field 'kind' is missing",
       lambda d: d["links"][0].pop("kind"))  # fmt: skip
single("id-with-space.ck.json", "/concepts/1/id", "should match pattern",
       lambda d: c1(d).update(id="c 1"))  # fmt: skip
single("empty-id.ck.json", "/knowledge/0/id", "at least 1 character",
       lambda d: d["knowledge"][0].update(id=""))  # fmt: skip
single("id-too-long.ck.json", "/participants/0/id", "at most 100 characters",
       lambda d: d["participants"][0].update(id="p" * 101))  # fmt: skip
single("id-as-number.ck.json", "/concepts/1/id", "valid string",
       lambda d: c1(d).update(id=1))  # fmt: skip
single("text-too-long.ck.json", "/concepts/1/text", "at most 10000 characters",
       lambda d: c1(d).update(text="é" * 10_001))  # fmt: skip
single("empty-concepts.ck.json", "/concepts", "at least 1 item",
       lambda d: (d.update(concepts=[]), d.update(links=[])))  # fmt: skip
single("missing-concepts.ck.json", "", "required field 'concepts' is missing",
       lambda d: (d.pop("concepts"), d.update(links=[])))  # fmt: skip
single("concepts-not-list.ck.json", "/concepts", "valid list",
       lambda d: d.update(concepts={"c0": d["concepts"][0]}))  # fmt: skip
single("bad-reach.ck.json", "/concepts/1/reach", "input should be 'unassessed'",
       lambda d: c1(d).update(reach="huge"))  # fmt: skip
single("bad-partition.ck.json", "/concepts/1/partition", "input should be 'restrictive'",
       lambda d: c1(d).update(partition="Expansive"))  # fmt: skip
single("bad-outcome.ck.json", "/concepts/1/outcome", "input should be 'open'",
       lambda d: c1(d).update(outcome="kept"))  # fmt: skip
single("bad-status.ck.json", "/knowledge/1/status", "input should be 'acquired'",
       lambda d: k2(d).update(status="unknown"))  # fmt: skip
single("bad-kind.ck.json", "/links/0/kind", "input should be 'c_to_k'",
       lambda d: d["links"][0].update(kind="c-to-k"))  # fmt: skip
single("bad-role.ck.json", "/participants/0/role", "input should be 'facilitator'",
       lambda d: d["participants"][0].update(role="boss"))  # fmt: skip
single("bad-colour.ck.json", "/themes/0/color", "should match pattern",
       lambda d: d["themes"][0].update(color="#0072B"))  # fmt: skip
single("colour-name.ck.json", "/themes/0/color", "should match pattern",
       lambda d: d["themes"][0].update(color="blue"))  # fmt: skip
single("bad-date.ck.json", "/meta/date", "not a date written yyyy-mm-dd",
       lambda d: d["meta"].update(date="2020-02-30"))  # fmt: skip
single("bad-datetime.ck.json", "/meta/created", "not an iso 8601 date and time",
       lambda d: d["meta"].update(created="yesterday"))  # fmt: skip
single("bad-language.ck.json", "/meta/language", "should match pattern",
       lambda d: d["meta"].update(language="French"))  # fmt: skip
single("dominant-as-string.ck.json", "/knowledge/1/dominant", "valid boolean",
       lambda d: k2(d).update(dominant="yes"))  # fmt: skip
single("vote-count-zero.ck.json", "/concepts/1/votes/0/count", "greater than or equal to 1",
       lambda d: c1(d)["votes"][0].update(count=0))  # fmt: skip
single("vote-count-too-big.ck.json", "/concepts/1/votes/0/count", "less than or equal to 1000",
       lambda d: c1(d)["votes"][0].update(count=1001))  # fmt: skip
single("vote-count-as-string.ck.json", "/concepts/1/votes/0/count", "valid integer",
       lambda d: c1(d)["votes"][0].update(count="2"))  # fmt: skip
single("bad-round-kind.ck.json", "/rounds/0/kind", "input should be 'tagging'",
       lambda d: r1(d).update(kind="ranking"))  # fmt: skip
single("round-without-start.ck.json", "/rounds/0", "required field 'started' is missing",
       lambda d: r1(d).pop("started"))  # fmt: skip
single("round-budget-zero.ck.json", "/rounds/0/budget", "greater than or equal to 1",
       lambda d: r1(d).update(budget=0))  # fmt: skip
single("round-budget-too-big.ck.json", "/rounds/0/budget", "less than or equal to 99",
       lambda d: r1(d).update(budget=100))  # fmt: skip
single("round-hidden-as-string.ck.json", "/rounds/0/hidden", "valid boolean",
       lambda d: r1(d).update(hidden="no"))  # fmt: skip
single("round-bad-end.ck.json", "/rounds/0/ended", "not an iso 8601 date and time",
       lambda d: r1(d).update(ended="11h"))  # fmt: skip

# --- Whole-file rules -----------------------------------------------------------

single("duplicate-ids.ck.json", "/knowledge/2/id", "the id 'c1' is already used at /concepts/1/id",
       lambda d: d["knowledge"].append({"id": "c1", "parent": None, "text": "Bis"}))  # fmt: skip
single("theme-and-participant-share-id.ck.json", "/participants/2/id",
       "the id 't-structure' is already used at /themes/0/id",
       lambda d: d["participants"].append({"id": "t-structure", "name": "Cy"}))  # fmt: skip
single("two-c0.ck.json", "/concepts", "2 concepts have 'parent: null'",
       lambda d: c1(d).update(parent=None, partition=None))  # fmt: skip
single("no-c0.ck.json", "/concepts", "no concept has 'parent: null'",
       lambda d: d["concepts"][0].update(parent="c1"))  # fmt: skip
single("concept-cycle.ck.json", "/concepts/2/parent", "'c2' is its own ancestor",
       lambda d: d["concepts"].extend([{"id": "c2", "parent": "c3", "text": "a"},
                                       {"id": "c3", "parent": "c2", "text": "b"}]))  # fmt: skip
single("concept-own-parent.ck.json", "/concepts/1/parent", "'c1' is its own ancestor",
       lambda d: c1(d).update(parent="c1"))  # fmt: skip
single("knowledge-cycle.ck.json", "/knowledge/0/parent", "'k1' is its own ancestor",
       lambda d: d["knowledge"][0].update(parent="k2"))  # fmt: skip
single("c0-with-partition.ck.json", "/concepts/0/partition", "c0 has no partition",
       lambda d: d["concepts"][0].update(partition="expansive"))  # fmt: skip
single("dangling-parent.ck.json", "/concepts/1/parent", "'c9' is not a concept",
       lambda d: c1(d).update(parent="c9"))  # fmt: skip
single("concept-parent-is-knowledge.ck.json", "/concepts/1/parent", "'k1' is not a concept",
       lambda d: c1(d).update(parent="k1"))  # fmt: skip
single("knowledge-parent-is-concept.ck.json", "/knowledge/1/parent",
       "'c0' is not a knowledge item", lambda d: k2(d).update(parent="c0"))  # fmt: skip
single("dangling-link.ck.json", "/links/0/knowledge", "'k9' is not a knowledge item",
       lambda d: d["links"][0].update(knowledge="k9"))  # fmt: skip
single("dangling-link-concept.ck.json", "/links/0/concept", "'k1' is not a concept",
       lambda d: d["links"][0].update(concept="k1"))  # fmt: skip
single("duplicate-link.ck.json", "/links/1", "a c_to_k link from 'c1' to 'k2' exists already",
       lambda d: d["links"].append(dict(d["links"][0], id="l2", note="encore")))  # fmt: skip
single("dangling-tag-theme.ck.json", "/concepts/1", "theme 't-flux', which does not exist",
       lambda d: c1(d)["tags"][0].update(theme="t-flux"))  # fmt: skip
single("dangling-tag-by.ck.json", "/concepts/1", "tag names the participant 'p9'",
       lambda d: c1(d)["tags"][0].update(by="p9"))  # fmt: skip
single("tag-twice.ck.json", "/concepts/1", "tagged twice",
       lambda d: c1(d)["tags"].append({"theme": "t-structure", "by": "p2"}))  # fmt: skip
single("dangling-vote-participant.ck.json", "/concepts/1", "vote names the participant 'p9'",
       lambda d: c1(d)["votes"][0].update(by="p9"))  # fmt: skip
single("two-votes-one-participant.ck.json", "/concepts/1", "two vote entries",
       lambda d: c1(d)["votes"].append({"by": "p1"}))  # fmt: skip
single("dangling-author.ck.json", "/concepts/1", "author names the participant 'p3'",
       lambda d: c1(d).update(author="p3"))  # fmt: skip
single("dangling-holder.ck.json", "/knowledge/1", "holder names the participant 'p3'",
       lambda d: k2(d).update(holder="p3"))  # fmt: skip
single("dangling-facilitator.ck.json", "/meta/facilitators/0", "'p7' is not a participant",
       lambda d: d["meta"].update(facilitators=["p7"]))  # fmt: skip
single("dangling-round-participant.ck.json", "/rounds/0",
       "the round names the participant 'p9', who does not exist",
       lambda d: r1(d)["participants"].append("p9"))  # fmt: skip
single("dangling-round-concept.ck.json", "/rounds/0",
       "the round names the concept 'k1', which does not exist",
       lambda d: r1(d)["concepts"].append("k1"))  # fmt: skip
single("round-participant-twice.ck.json", "/rounds/0", "names one participant twice",
       lambda d: r1(d)["participants"].append("p2"))  # fmt: skip
single("round-and-concept-share-id.ck.json", "/rounds/0/id",
       "the id 'c1' is already used at /concepts/1/id",
       lambda d: r1(d).update(id="c1"))  # fmt: skip


# --- The version fixtures -------------------------------------------------------


def v1_data() -> Data:
    """A version-1 session using every field and every enum value at least once."""
    return {
        "format": "ckstudio.session",
        "version": 1,
        "meta": {
            "title": "Vers un groupe scolaire circulaire",
            "brief": "Le champ : l'école de demain.\nLa question : comment boucler les flux ?",
            "date": "2020-05-06",
            "place": "Choisy-le-Roi",
            "language": "fr-FR",
            "facilitators": ["p1", "p5"],
            "created": "2020-05-06T10:00:00+02:00",
            "modified": "2020-05-06T11:30:00+02:00",
        },
        "themes": [
            {"id": "t-structure", "name": "Structure", "color": "#0072B2"},
            {"id": "t-flux", "name": "Flux", "color": "#009E73"},
            {"id": "t-usages", "name": "Usages « partagés »", "color": "#cc79a7"},
        ],
        "participants": [
            {"id": "p1", "name": "Anaïs", "organisation": "Mines", "role": "facilitator"},
            {"id": "p2", "name": "Bertrand", "organisation": "Bouygues", "role": "company"},
            {"id": "p3", "name": "Chloé", "organisation": "Ville", "role": "public_body"},
            {"id": "p4", "name": "Dmitri Œuvray", "organisation": "CNRS", "role": "research"},
            {"id": "p5", "name": "Émile", "role": "other"},
            {"id": "p6", "name": "Fatou"},
        ],
        "concepts": [
            {"id": "c0", "parent": None, "text": "Un groupe scolaire circulaire"},
            {
                "id": "c1",
                "parent": "c0",
                "text": "L'école qui respire",
                "partition": "expansive",
                "reach": "breakthrough",
                "outcome": "retained",
                "notes": "Idée du matin ; à creuser.",
                "author": "p3",
                "tags": [{"theme": "t-structure", "by": "p3"}, {"theme": "t-flux"}],
                "votes": [{"by": "p2", "count": 2}, {"count": 1}, {"by": "p4"}],
            },
            {
                "id": "c2",
                "parent": "c0",
                "text": "Une école aux murs démontables",
                "partition": "restrictive",
                "reach": "known",
                "outcome": "dropped",
            },
            {
                "id": "c1.1",
                "parent": "c1",
                "text": "Ventilation naturelle par la cour",
                "reach": "reachable",
                "outcome": "suspended",
                "tags": [{"theme": "t-usages", "by": "p6"}],
            },
            {"id": "c1.2", "parent": "c1", "text": "", "reach": "unassessed", "outcome": "open"},
        ],
        "knowledge": [
            {"id": "k1", "parent": None, "text": "Matériaux", "dominant": True},
            {
                "id": "k2",
                "parent": "k1",
                "text": "Matériaux biosourcés",
                "status": "acquiring",
                "holder": "p4",
                "source": "Rapport ADEME 2019, p. 12",
                "notes": "Paille, chanvre",
                "dominant": False,
            },
            {"id": "k3", "parent": None, "text": "Normes d'aération", "status": "missing"},
            {"id": "k4", "parent": "k3", "text": "RE 2020", "status": "acquired"},
        ],
        "links": [
            {"id": "l1", "concept": "c1", "knowledge": "k2", "kind": "c_to_k", "note": "source"},
            {"id": "l2", "concept": "c1.1", "knowledge": "k3", "kind": "k_to_c"},
            {"id": "l3", "concept": "c1", "knowledge": "k2", "kind": "k_to_c"},
        ],
    }


def v2_data() -> Data:
    """Version 2 adds the rounds: a closed tagging round and a running voting
    round, between them every field of a round set away from its default."""
    return {
        **v1_data(),
        "version": 2,
        "rounds": [
            {
                "id": "r1",
                "kind": "tagging",
                "started": "2020-05-06T10:40:00+02:00",
                "ended": "2020-05-06T10:55:00+02:00",
                "participants": ["p3", "p6"],
                "concepts": ["c1", "c1.1", "c1.2"],
            },
            {
                "id": "r2",
                "kind": "voting",
                "started": "2020-05-06T11:00:00+02:00",
                "participants": ["p2", "p4"],
                "concepts": ["c1", "c2"],
                "budget": 5,
                "hidden": True,
            },
        ],
    }


VERSION_DATA: dict[int, Callable[[], Data]] = {1: v1_data, 2: v2_data}


def write_current_version() -> None:
    """Write the fixture of the program's format version (older ones are archives)."""
    sys.path.insert(0, str(HERE.parents[1]))
    from ckstudio.model.integrity import session_problems
    from ckstudio.model.session import FORMAT_VERSION, Session
    from ckstudio.storage import encode

    target = VERSIONS / f"v{FORMAT_VERSION}.ck.json"
    session = Session.model_validate(VERSION_DATA[FORMAT_VERSION](), strict=True)
    assert not session_problems(session), session_problems(session)
    VERSIONS.mkdir(exist_ok=True)
    target.write_bytes(encode(session))


def main() -> None:
    BAD.mkdir(exist_ok=True)
    for old in BAD.glob("*.ck.json"):
        old.unlink()
    expected = {}
    for name, (make, where, contains) in sorted(CASES.items()):
        (BAD / name).write_bytes(make())
        expected[name] = {"where": where, "contains": contains}
    (BAD / "EXPECTED.json").write_text(json.dumps(expected, indent=2) + "\n", encoding="utf-8")
    write_current_version()
    print(f"{len(CASES)} bad files in {BAD}")


if __name__ == "__main__":
    main()
