"""The report's tables and long runs of text, laid out with the map's own text measure.

reportlab's `Table` of `Paragraph` cells parsed every cell as markup and
wrapped it again each time the table split over a page: the themes and
links tables of a 1,000-concept session took more than a second each, and
ten times that at 10,000. A `Grid` wraps each cell once (`TextMeasure.wrap`,
the widths the map uses, in the fonts of its characters), splits between
rows with its header repeated, and draws a page of it as one run of PDF
operators (`PdfPainter`). User text is never markup here: it is drawn as
typed, and a character no font has is a box, as on the map.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable

from ckstudio.layout.drawing import Item, Path, Text
from ckstudio.layout.fonts import TextMeasure
from ckstudio.report.pdfdraw import Missing, PdfPainter

INK = "#1A1A1A"
RULE = "#BDBDBD"
PAD = 3.0  # points around a cell's text, as reportlab's table cells


@dataclass(frozen=True)
class Look:
    """How a row's text is set: size and leading in points, bold, space under it."""

    size: float = 8.5
    leading: float = 11.0
    bold: bool = False
    after: float = 0.0


SMALL = Look()


@dataclass
class Row:
    """One row: a text per column, wrapped once to its column (`lines`); `indent`
    points in from the last column's left (the appendix's depth)."""

    cells: Sequence[str]
    look: Look = SMALL
    lines: tuple[tuple[str, ...], ...] = ()
    height: float = 0.0
    indent: float = 0.0


def printable(text: str) -> str:
    """Control characters (a pasted tab, a stray escape) shown as spaces; lines kept."""
    text = text.replace("\r\n", "\n")
    if text.replace("\n", "").isprintable():  # the usual case, checked in C
        return text
    return "".join(" " if c != "\n" and unicodedata.category(c) == "Cc" else c for c in text)


class Grid(Flowable):
    """Rows of wrapped text in columns of `widths` points; with `header`, a ruled table
    whose header is repeated on every page it runs over; without, plain text blocks."""

    def __init__(self, widths: Sequence[float], rows: list[Row], measure: TextMeasure,
                 missing: Missing, frame: float, header: Row | None = None, pad: float = PAD,
                 height: float | None = None) -> None:  # fmt: skip
        """`frame`: the height of a page's frame, the most a row may take uncut;
        `height`: known for a part of a split grid, whose rows are wrapped already."""
        super().__init__()
        self.widths, self.rows, self.header = list(widths), rows, header
        self.measure, self.missing, self.pad, self.frame = measure, missing, pad, frame
        if height is None:
            for row in rows if header is None else [header, *rows]:
                self._wrap_row(row)
            height = sum(row.height for row in rows) + (header.height if header else 0.0)
        self.width, self.height = sum(self.widths), height

    def _wrap_row(self, row: Row) -> None:
        look, room = row.look, [w - 2 * self.pad for w in self.widths]
        room[-1] -= self._indent(row)
        row.lines = tuple(self.measure.wrap(printable(text), width, look.size, look.bold)
                          for text, width in zip(row.cells, room, strict=True))  # fmt: skip
        row.height = max(map(len, row.lines)) * look.leading + 2 * self.pad + look.after

    def _part(self, rows: list[Row], height: float) -> Grid:
        """Some of the rows (`height` tall without the header): one side of a split."""
        height += self.header.height if self.header else 0.0
        return Grid(self.widths, rows, self.measure, self.missing, self.frame, self.header,
                    self.pad, height)  # fmt: skip

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """The rows that fit, then the rest (header repeated). A row taller than the
        room left is moved whole to the next page, unless it fills more than a page:
        that one is cut between its lines."""
        room = available_height - (self.header.height if self.header else 0.0)
        used, count = 0.0, 0
        while count < len(self.rows) and used + self.rows[count].height <= room:
            used += self.rows[count].height
            count += 1
        if count == len(self.rows):
            return [self]
        if count == 0:
            first = self.rows[0]
            whole = self.frame - (self.header.height if self.header else 0.0)
            if first.height <= whole or room < first.look.leading + 2 * self.pad:
                return []
            head, tail = self._cut(first, room)
            rest = self._rows_height() - first.height + tail.height
            return [self._part([head], head.height), self._part([tail, *self.rows[1:]], rest)]
        rest = self._rows_height() - used
        return [self._part(self.rows[:count], used), self._part(self.rows[count:], rest)]

    def lead(self, count: int = 2) -> float:
        """The height of the header and first `count` rows: what must follow a heading
        on its page (`builder.Lead`)."""
        rows = sum(row.height for row in self.rows[:count])
        return rows + (self.header.height if self.header else 0.0)

    def _rows_height(self) -> float:
        return self.height - (self.header.height if self.header else 0.0)

    def _cut(self, row: Row, room: float) -> tuple[Row, Row]:
        """A row too tall for any page, cut after the lines that fit in `room`."""
        look = row.look
        keep = max(1, int((room - 2 * self.pad - look.after) // look.leading))
        head = Row(row.cells, look, tuple(lines[:keep] for lines in row.lines),
                   indent=row.indent)  # fmt: skip
        tail = Row(row.cells, look, tuple(lines[keep:] for lines in row.lines),
                   indent=row.indent)  # fmt: skip
        for part in (head, tail):
            part.height = max(1, *map(len, part.lines)) * look.leading + 2 * self.pad + look.after
        return head, tail

    def draw(self) -> None:
        items: list[Item] = []
        y = 0.0
        if self.header is not None:
            y = self._row(self.header, y, items)
            items.append(self._rule(y, 0.8, INK))
        for row in self.rows:
            y = self._row(row, y, items)
            if self.header is not None:
                items.append(self._rule(y, 0.3, RULE))
        PdfPainter(self.canv, self.measure, self.missing).paint(items, 1.0, 0.0, self.height)

    def _row(self, row: Row, top: float, items: list[Item]) -> float:
        """The row's texts from `top` (y down); returns its bottom."""
        look, x = row.look, 0.0
        first, last = 0.0, len(self.widths) - 1
        baseline = top + self.pad + look.size  # as a Paragraph sets its first line
        for column, (lines, width) in enumerate(zip(row.lines, self.widths, strict=True)):
            first = self._indent(row) if column == last else 0.0
            if lines:
                items.append(Text(x + self.pad + first, baseline, lines, look.size, INK,
                                  look.leading, look.bold))  # fmt: skip
            x += width
        return top + row.height

    def _indent(self, row: Row) -> float:
        """A row's indent, at most two thirds of its last column."""
        return min(row.indent, (self.widths[-1] - 2 * self.pad) * 2 / 3)

    def _rule(self, y: float, width: float, color: str) -> Path:
        return Path((0.0, y), (("L", self.width, y),), color, width)
