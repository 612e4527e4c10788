"""The report's own tables and text blocks, its drawing of text, and what it keeps in memory."""

from __future__ import annotations

import gc
import io
from pathlib import Path

from pypdf import PdfReader

from ckstudio.layout.ckmap import MapOptions, build_map
from ckstudio.layout.drawing import Group
from ckstudio.layout.drawing import Path as Line
from ckstudio.layout.fonts import shared_measure
from ckstudio.model import Document, edits
from ckstudio.model.templates import new_session
from ckstudio.report import pdfdraw
from ckstudio.report.builder import report_pdf
from ckstudio.report.grid import Grid, Row
from ckstudio.report.mapflow import outline
from ckstudio.report.pdfdraw import Missing
from ckstudio.storage import encode, load_session
from ckstudio.storage.pdfarchive import SESSION_ATTACHMENT, SESSION_DESCRIPTION

ROOT = Path(__file__).resolve().parents[2]
SCHOOL = ROOT / "examples" / "ecocirc-groupe-scolaire.ck.json"


def grid(rows: list[Row], frame: float = 700.0) -> Grid:
    return Grid([200.0, 80.0], rows, shared_measure(), Missing(), frame,
                header=Row(("Concept", "Points")))  # fmt: skip


def texts(part: Grid) -> list[tuple[str, ...]]:
    return [row.lines[0] for row in part.rows]


def test_a_long_table_splits_between_rows_with_its_header_on_each_part():
    rows = [Row((f"idée numéro {n} " * (1 + n % 4), str(n))) for n in range(60)]
    table = grid(rows)
    first, rest = table.split(table.width, 300.0)
    assert first.height <= 300.0 and first.header is rest.header is table.header
    assert texts(first) + texts(rest) == texts(table)  # every row once, in order
    assert abs(first.height + rest.height - first.header.height - table.height) < 1e-6
    assert table.split(table.width, 2 * table.height) == [table]


def test_a_row_taller_than_the_room_left_moves_whole_unless_taller_than_a_page():
    tall = Row(("mot " * 400, "1"))  # some 60 lines in a 200-point column
    short = grid([tall], frame=2 * grid([tall]).height)
    assert short.split(short.width, tall.height / 2) == []  # the next page holds it whole
    cut = grid([Row(("mot " * 400, "1"))], frame=300.0)
    head, tail = cut.split(cut.width, 300.0)
    assert head.height <= 300.0
    lines = head.rows[0].lines[0] + tail.rows[0].lines[0]
    assert lines == cut.rows[0].lines[0] and head.rows[0].lines[1] == ("1",)


def test_cells_are_text_as_typed_wrapped_to_their_column():
    table = grid([Row(("une\tidée <b>&amp;</b> " + "très " * 60, "3"))])
    lines = table.rows[0].lines[0]
    assert len(lines) > 1 and lines[0].startswith("une idée <b>&amp;</b>")
    measure = shared_measure()
    assert all(measure.width(line, 8.5) <= 200.0 - 6 for line in lines)


def test_the_overview_draws_boxes_edges_and_links_but_not_the_legend():
    drawing = build_map(load_session(SCHOOL), MapOptions(orientation="right"))
    shapes = outline(drawing)
    roles = {shape.role for shape in shapes}
    assert roles == {"c0", "concept", "knowledge", "pocket", "edge", "link", "arrow"}
    nodes = [item for item in drawing.items if isinstance(item, Group)]
    lines = [item for item in drawing.items if isinstance(item, Line) and item.role == "edge"]
    assert sum(1 for s in shapes if s.role == "edge") == len(lines)
    assert sum(1 for s in shapes if s.role in ("c0", "concept", "knowledge", "pocket")) == len(
        nodes
    )


def test_the_session_is_attached_as_storage_attaches_it():
    session = load_session(SCHOOL)
    reader = PdfReader(io.BytesIO(report_pdf(session, sections=("votes",))[0]))
    (attached,) = reader.attachment_list
    assert attached.name == attached.alternative_name == SESSION_ATTACHMENT
    assert attached.content == encode(session) and attached.size == len(encode(session))
    assert attached.subtype == "/application/json"
    assert attached.description == SESSION_DESCRIPTION


def test_text_in_many_fonts_and_subsets_keeps_every_character():
    """More than 256 distinct characters: reportlab's second subset of a font."""
    doc = Document(new_session("Atelier"))
    for start in range(0x100, 0x100 + 300, 30):  # Latin Extended, in Vera and DejaVu
        doc.apply(edits.add_concept(doc, doc.root, "".join(map(chr, range(start, start + 30)))))
    data, missing = report_pdf(doc.to_session(), sections=("appendix",))
    found = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    for concept in doc.to_session().concepts[1:]:
        drawn = [c for c in concept.text if c not in missing.chars]
        assert "".join(drawn) in found.replace("\n", "")


def test_a_report_lets_its_document_go():
    report_pdf(load_session(SCHOOL), sections=("votes",))
    gc.collect()
    assert len(pdfdraw._CODES) == 0  # the character codes die with their document
