"""Sticky notes as CSV, the table a spreadsheet or a whiteboard tool exports.

Reading happens in two steps so the window can show a preview between them:
`sniff` turns the bytes into a `Table` (headers, rows, the delimiter found),
`outline_from` turns a table and a choice of columns into an `Outline`.
`read` does both with the columns `guess_columns` recognises.

The tree comes from a parent column (another row's id, or its text when there
is no id column), else from a path column ("C0 > L'école > ..." naming the
ancestors, made when no row has them), else every row is a root. When both a
parent and a path column are chosen, the parent column decides: the path our
own export writes is there for a reader's eyes.

A file is refused whole, before anything is added, with one sentence naming
the rows at fault: text that is not UTF-8 (a spreadsheet's "CSV UTF-8" is),
a quotation mark left open (which would take the rows below into its cell),
no text column, a parent naming no row, parents naming each other, an id
used twice, a row longer than its header, more rows than a session holds.
A header row with no delimiter is a list of texts: each line is one cell,
commas and all.

`write` puts one row per concept and knowledge item, with a "space" column (C
or K): reading it back takes the rows of one space (the first row's unless
asked) and says how many of the other were left out.

A cell beginning with = + - @ (or a tab or carriage return) is a formula to a
spreadsheet, which would run it on opening ("CSV injection"): `write` puts an
apostrophe before it, which Excel shows as a mark of text and does not keep,
and `sniff` takes one off again. A cell already written as apostrophes then
such a character gets one more, so every text reads back exactly as it was.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from ckstudio.interchange.outline import (
    FIELDS,
    Outline,
    OutlineNode,
    check_depth,
    check_size,
    refuse,
)
from ckstudio.model.document import Document, Space
from ckstudio.model.limits import MAX_NODES
from ckstudio.model.problems import QT_TRANSLATE_NOOP, Message
from ckstudio.model.search import fold
from ckstudio.model.session import Session

# The columns a mapping may name: the row's place in the tree, then the C-K fields.
STRUCTURE = ("text", "id", "parent", "path", "space")
COLUMNS = (*STRUCTURE, *FIELDS)
DELIMITERS = ";,\t"
SAMPLE_CHARS = 64 * 1024  # what the delimiter is sniffed on
WHOLE_LINE = "\x00"  # the delimiter of a one-column file: no text holds it (else it is refused)
# Header names, folded (see `_key`), by the column they stand for; French and English.
NAMES: dict[str, tuple[str, ...]] = {
    "text": (
        "text", "texte", "concept", "concepts", "idee", "idees", "idea", "ideas", "note text",
        "texte de la note", "sticky note", "post it", "postit", "content", "contenu",
        "label", "libelle", "intitule", "title", "titre", "knowledge", "connaissance",
    ),
    "id": ("id", "identifiant", "identifier", "ident", "numero", "num", "no", "n°", "#", "key"),
    "parent": (
        "parent", "parent id", "id parent", "id du parent", "parent text", "texte du parent",
        "pere", "mere", "under", "sous",
    ),
    "path": ("path", "chemin", "branch", "branche", "hierarchy", "hierarchie", "arborescence"),
    "space": ("space", "espace"),
    "notes": (
        "notes", "note", "comment", "comments", "commentaire", "commentaires", "description",
        "details", "remarque", "remarques",
    ),
    "theme": (
        "theme", "themes", "tag", "tags", "etiquette", "etiquettes", "category", "categories",
        "categorie",
    ),
    "partition": ("partition",),
    "reach": ("reach", "reachability", "atteignabilite", "atteignable"),
    "outcome": ("outcome", "issue", "decision", "suite"),
    "status": ("status", "statut", "state", "etat"),
    "author": (
        "author", "auteur", "auteure", "autrice", "by", "par", "who", "qui", "participant",
        "contributor", "contributeur", "contributrice",
    ),
    "holder": ("holder", "detenteur", "detentrice", "owner", "expert", "porteur"),
    "source": ("source", "sources", "reference", "references", "lien", "link", "url"),
}  # fmt: skip
# What a "space" cell may say, folded, by space.
SPACE_NAMES: dict[Space, tuple[str, ...]] = {
    "c": ("c", "concept", "concepts", "c space", "espace c"),
    "k": ("k", "knowledge", "connaissance", "connaissances", "k space", "espace k"),
}
HEADER = (
    "space", "id", "parent", "path", "text", "notes", "theme", "partition", "reach",
    "outcome", "author", "status", "holder", "source",
)  # fmt: skip
PATH_SEPARATOR = " > "
_FORMULA = re.compile(r"'*[=+\-@\t\r]")  # a cell a spreadsheet would take for a formula
_ESCAPED = re.compile(r"'+[=+\-@\t\r]")  # such a cell as `write` escaped it

_NOT_UTF8 = QT_TRANSLATE_NOOP(
    "Errors",
    "the file is not UTF-8 text (byte {offset}): in the spreadsheet, save it as “CSV UTF-8” "
    "and try again",
)
_BAD_CSV = QT_TRANSLATE_NOOP("Errors", "the file cannot be read as CSV near row {row}")
_STRAY_QUOTE = QT_TRANSLATE_NOOP(
    "Errors",
    'row {row} has a stray quotation mark ("): a cell that starts with " must end with ", '
    'and a " inside it is written ""',
)
_EMPTY = QT_TRANSLATE_NOOP("Errors", "the file holds no rows under its header")
_TOO_MANY = QT_TRANSLATE_NOOP(
    "Errors", "the file has more than {most} rows, more than a session holds"
)
_TOO_MANY_NODES = QT_TRANSLATE_NOOP(
    "Errors", "the file would make more than {most} nodes, more than a session holds"
)
_RAGGED = QT_TRANSLATE_NOOP(
    "Errors", "row {row} has {count} cells but the header names only {columns} columns"
)
_NO_TEXT = QT_TRANSLATE_NOOP(
    "Errors", "no column holds the text: name one “text” (or “texte”) in the header row"
)
_NO_COLUMN = QT_TRANSLATE_NOOP("Errors", "the file has no column “{name}”")
_SAME_ID = QT_TRANSLATE_NOOP("Errors", "rows {first} and {second} have the same id “{id}”")
_NO_PARENT = QT_TRANSLATE_NOOP("Errors", "row {row} names the parent “{parent}”, which no row has")
_AMBIGUOUS = QT_TRANSLATE_NOOP(
    "Errors",
    "row {row} names the parent “{parent}”, the text of several rows ({rows}): "
    "add an id column to tell them apart",
)
_OWN_PARENT = QT_TRANSLATE_NOOP("Errors", "row {row} names itself as its parent")
_CYCLE = QT_TRANSLATE_NOOP("Errors", "rows {rows} name each other as parents")
# The refusals the parent column causes: the preview points at that column.
PARENT_REFUSALS = frozenset({_NO_PARENT, _AMBIGUOUS, _OWN_PARENT, _CYCLE})
_LEFT_OUT = QT_TRANSLATE_NOOP("Errors", "columns left out: {names}")
_NO_TEXT_ROWS = QT_TRANSLATE_NOOP("Errors", "rows with no text were left out: {rows}")
_OTHER_SPACE = QT_TRANSLATE_NOOP(
    "Errors", "rows of the other space (C or K) were left out: {count}"
)
_UNKNOWN_SPACE = QT_TRANSLATE_NOOP(
    "Errors", "rows whose space is neither C nor K were left out: {rows}"
)
_MADE = QT_TRANSLATE_NOOP(
    "Errors", "nodes named only in the paths were added with their text: {count}"
)
ROWS_NAMED = 5  # rows a sentence lists before "..."


@dataclass(slots=True)
class Table:
    """A CSV file read: its header cells (made unique), its rows (each as long as the
    header) and, for the sentences, the number each row has in a spreadsheet."""

    headers: list[str]
    rows: list[list[str]]
    numbers: list[int]
    delimiter: str = ","  # also for one column, whose lines are read whole


@dataclass(slots=True)
class _Row:
    number: int
    node: OutlineNode
    key: str = ""
    parent: str = ""
    path: str = ""


def sniff(data: bytes) -> Table:
    """The header and rows of a CSV file, its delimiter found (; from a French
    spreadsheet, comma, tab); ImportRefused for anything that is not a table."""
    check_size(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise refuse(_NOT_UTF8, offset=error.start) from None
    if "\x00" in text.lstrip().partition("\n")[0]:  # UTF-16 without its mark: zeros between letters
        raise refuse(_NOT_UTF8, offset=data.index(b"\x00"))
    delimiter = _delimiter(text[:SAMPLE_CHARS])
    # strict: an unclosed quote is an error, not a cell running to the end of the file
    records = csv.reader(
        io.StringIO(text, newline=""), delimiter=delimiter or WHOLE_LINE, strict=True
    )
    rows: list[list[str]] = []
    numbers: list[int] = []
    headers: list[str] | None = None
    number = 0
    try:
        for number, record in enumerate(records, start=1):
            cells = [_unescaped(cell) for cell in record]
            if not any(cell.strip() for cell in cells):
                continue
            if headers is None:
                headers = _unique([cell.strip() for cell in cells])
                continue
            if len(rows) >= MAX_NODES:
                raise refuse(_TOO_MANY, most=MAX_NODES)
            if any(cell.strip() for cell in cells[len(headers) :]):
                raise refuse(_RAGGED, row=number, count=len(cells), columns=len(headers))
            rows.append((cells + [""] * len(headers))[: len(headers)])
            numbers.append(number)
    except csv.Error as error:
        # the only errors of a strict reader on text are quotes and cells over its size limit
        template = _BAD_CSV if "field limit" in str(error) else _STRAY_QUOTE
        raise refuse(template, row=number + 1) from None
    if headers is None or not rows:
        raise refuse(_EMPTY)
    return Table(headers, rows, numbers, delimiter or ",")


def _delimiter(sample: str) -> str:
    """The only candidate the header line holds; "" when it holds none (one column:
    the texts below may hold any); else the sniffer's answer; else the candidate the
    header line has most of."""
    first = sample.lstrip().partition("\n")[0]
    present = [candidate for candidate in DELIMITERS if candidate in first]
    if len(present) <= 1:
        return "".join(present)
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        return max(DELIMITERS, key=lambda candidate: (first.count(candidate), candidate == ","))


def _unique(headers: list[str]) -> list[str]:
    """Header names that name one column each: a blank one by its number ("#3"),
    a repeated one with its rank ("Notes (2)")."""
    seen: set[str] = set()
    unique = []
    for index, name in enumerate(headers, start=1):
        name = name or f"#{index}"
        candidate, rank = name, 1
        while candidate in seen:
            rank += 1
            candidate = f"{name} ({rank})"
        seen.add(candidate)
        unique.append(candidate)
    return unique


def _key(header: str) -> str:
    """A header as NAMES spell it: folded, "_" and "-" as spaces, no trailing colon."""
    return " ".join(fold(header).replace("_", " ").replace("-", " ").rstrip(" :").split())


def guess_columns(headers: list[str]) -> dict[str, str]:
    """The columns recognised by their header names (French or English, any case or
    accents): each field gets the first header naming it, each header one field."""
    columns: dict[str, str] = {}
    taken: set[str] = set()
    for name in COLUMNS:
        for header in headers:
            if header not in taken and _key(header) in NAMES[name]:
                columns[name] = header
                taken.add(header)
                break
    if "text" not in columns and len(headers) == 1:
        columns["text"] = headers[0]  # a single column is a list of texts, whatever its name
    return columns


def read(data: bytes, columns: dict[str, str] | None = None, space: Space | None = None) -> Outline:
    """The notes of a CSV file as a forest; `columns` maps column names (text, id,
    parent, path, space and FIELDS) to header names, None recognises them; `space`
    picks the rows of a file with a space column (None: the first row's space)."""
    table = sniff(data)
    return outline_from(table, guess_columns(table.headers) if columns is None else columns, space)


def outline_from(table: Table, columns: dict[str, str], space: Space | None = None) -> Outline:
    """The forest `table`'s rows make with `columns` (see `read`); ImportRefused,
    with nothing built, if the rows do not make one."""
    for header in columns.values():
        if header not in table.headers:
            raise refuse(_NO_COLUMN, name=header)
    if "text" not in columns:
        raise refuse(_NO_TEXT)
    at = {name: table.headers.index(header) for name, header in columns.items()}
    used = set(columns.values())
    warnings = []
    left = [header for header in table.headers if header not in used]
    if left:
        warnings.append(Message(_LEFT_OUT, names=", ".join(left)))
    rows = _rows(table, at, space, warnings)
    if "parent" in at:
        roots = _by_parent(rows, by_id="id" in at)
    elif "path" in at:
        roots = _by_path(rows, _separator(table, at["path"]), warnings)
    else:
        roots = [row.node for row in rows]
    outline = Outline(roots, warnings=warnings)
    if outline.count() > MAX_NODES:  # the ancestors paths name add to the rows
        raise refuse(_TOO_MANY_NODES, most=MAX_NODES)
    check_depth(outline)
    return outline


def _rows(
    table: Table, at: dict[str, int], space: Space | None, warnings: list[Message]
) -> list[_Row]:
    """The rows to import, as nodes with their fields; the others said in `warnings`."""
    rows = []
    blank, unknown, other = [], [], 0
    for number, cells in zip(table.numbers, table.rows, strict=True):
        if "space" in at:
            row_space = _space_of(cells[at["space"]])
            if row_space is None:
                unknown.append(number)
                continue
            space = space or row_space
            if row_space != space:
                other += 1
                continue
        text = cells[at["text"]]
        if not text.strip() and not ("id" in at and cells[at["id"]].strip()):
            blank.append(number)  # a row with an id may be a parent, or a concept not yet named
            continue
        fields = {
            name: cells[index] for name, index in at.items() if name in FIELDS and cells[index]
        }
        node = OutlineNode(text, notes=fields.pop("notes", ""), fields=fields)
        row = _Row(number, node)
        if "parent" in at:
            row.key = " ".join(cells[at.get("id", at["text"])].split())
            row.parent = " ".join(cells[at["parent"]].split())
        elif "path" in at:
            row.path = cells[at["path"]]
        rows.append(row)
    if unknown:
        warnings.append(Message(_UNKNOWN_SPACE, rows=_listed(unknown)))
    if other:
        warnings.append(Message(_OTHER_SPACE, count=other))
    if blank:
        warnings.append(Message(_NO_TEXT_ROWS, rows=_listed(blank)))
    return rows


def _space_of(cell: str) -> Space | None:
    value = _key(cell)
    return next((space for space, names in SPACE_NAMES.items() if value in names), None)


def _by_parent(rows: list[_Row], by_id: bool) -> list[OutlineNode]:
    """The forest of rows naming their parent by id (or by text); refused when a
    parent is unknown, ambiguous or part of a cycle."""
    keyed: dict[str, list[_Row]] = {}
    for row in rows:
        if row.key:
            keyed.setdefault(row.key, []).append(row)
    if by_id:
        for key, same in keyed.items():
            if len(same) > 1:
                raise refuse(_SAME_ID, first=same[0].number, second=same[1].number, id=key)
    parent_of: dict[int, _Row] = {}
    for row in rows:
        if not row.parent:
            continue
        candidates = keyed.get(row.parent)
        if not candidates:
            raise refuse(_NO_PARENT, row=row.number, parent=row.parent[:80])
        if len(candidates) > 1:
            numbers = [candidate.number for candidate in candidates]
            raise refuse(_AMBIGUOUS, row=row.number, parent=row.parent[:80], rows=_listed(numbers))
        parent_of[row.number] = candidates[0]
    _check_cycles(rows, parent_of)
    roots = []
    for row in rows:
        parent = parent_of.get(row.number)
        (parent.node.children if parent else roots).append(row.node)
    return roots


def _check_cycles(rows: list[_Row], parent_of: dict[int, _Row]) -> None:
    """Refuse rows that are their own ancestors, naming the rows of the first cycle."""
    settled: set[int] = set()
    for row in rows:
        trail: list[int] = []
        on_trail: set[int] = set()
        current: _Row | None = row
        while current is not None and current.number not in settled:
            if current.number in on_trail:
                cycle = sorted(trail[trail.index(current.number) :])
                if len(cycle) == 1:
                    raise refuse(_OWN_PARENT, row=cycle[0])
                raise refuse(_CYCLE, rows=_listed(cycle))
            trail.append(current.number)
            on_trail.add(current.number)
            current = parent_of.get(current.number)
        settled.update(trail)


def _separator(table: Table, column: int) -> str:
    """ ">" when any path has one (so "eau/énergie" stays one text), else "/"."""
    return ">" if any(">" in cells[column] for cells in table.rows) else "/"


def _by_path(rows: list[_Row], separator: str, warnings: list[Message]) -> list[OutlineNode]:
    """The forest of rows naming their ancestors' texts; an ancestor no row holds
    is made once, where it is first named, and shared by the rows below it."""
    roots: list[OutlineNode] = []
    nodes: dict[tuple[str, ...], OutlineNode] = {}
    made: set[tuple[str, ...]] = set()
    for row in rows:
        ancestors = tuple(part.strip() for part in row.path.split(separator) if part.strip())
        siblings = roots
        for depth in range(len(ancestors)):
            prefix = ancestors[: depth + 1]
            if prefix not in nodes:
                nodes[prefix] = OutlineNode(prefix[-1])
                made.add(prefix)
                siblings.append(nodes[prefix])
            siblings = nodes[prefix].children
        own = (*ancestors, row.node.text.strip())
        if own in made:  # the row of a node an earlier path made: it takes its place
            made.discard(own)
            nodes[own].notes, nodes[own].fields = row.node.notes, row.node.fields
            nodes[own].text = row.node.text
            continue
        nodes.setdefault(own, row.node)
        siblings.append(row.node)
    if made:
        warnings.append(Message(_MADE, count=len(made)))
    return roots


def _listed(numbers: list[int]) -> str:
    """Row numbers for a sentence in any language: "4, 7, 9", the first ROWS_NAMED only."""
    shown = ", ".join(str(number) for number in numbers[:ROWS_NAMED])
    return shown + (", ..." if len(numbers) > ROWS_NAMED else "")


def _unescaped(cell: str) -> str:
    return cell[1:] if _ESCAPED.match(cell) else cell


def _escaped(cell: str) -> str:
    return "'" + cell if _FORMULA.match(cell) else cell


def write(session: Session) -> bytes:
    """Every concept (C0's tree, in map order) then every knowledge item as a row of
    CSV: UTF-8 with a byte-order mark (so Excel reads the accents), commas, cells
    quoted as RFC 4180 says (line breaks inside quotes), formulas defused."""
    doc = Document(session, checked=True)
    themes = {theme.id: theme.name for theme in session.themes}
    people = {person.id: person.name for person in session.participants}
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for space in ("c", "k"):
        paths: dict[str, str] = {}
        for node_id in doc.walk(space):
            node = doc.node(space, node_id)
            parent = node.parent or ""
            above = paths.get(parent, "")
            paths[node_id] = f"{above}{PATH_SEPARATOR}{node.text}" if above else node.text
            cells = {"space": space.upper(), "id": node_id, "parent": parent, "path": above}
            cells |= {"text": node.text, "notes": node.notes}
            if space == "c":
                names = dict.fromkeys(themes[tag.theme] for tag in node.tags)
                cells |= {"theme": "; ".join(names), "partition": node.partition or ""}
                cells |= {"reach": node.reach, "outcome": node.outcome}
                cells["author"] = people.get(node.author or "", "")
            else:
                cells |= {"status": node.status, "holder": people.get(node.holder or "", "")}
                cells["source"] = node.source
            writer.writerow([_escaped(cells.get(name, "")) for name in HEADER])
    return out.getvalue().encode("utf-8-sig")
