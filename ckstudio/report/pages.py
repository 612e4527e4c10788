"""Page furniture known only at the end: "page n / N", the contents' and maps' page numbers.

reportlab's usual way to learn the page count (and the contents' numbers) is
`multiBuild`, which lays the whole report out twice: twice the time on a big
session. Here the report is laid out once, on a canvas that keeps every
finished page aside (the "NumberedCanvas" recipe) and writes them all at the
end, when the total and every bookmark's page are known. Flowables ask it for
such late text with `later`; bookmarks are set as their page is written, so
they point to the right page whatever was kept aside before them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab import rl_config
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFDocument,
    PDFName,
    PDFStream,
    PDFString,
)
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from ckstudio.layout.drawing import Text
from ckstudio.layout.fonts import TextMeasure
from ckstudio.report.bidi import needs_visual, visual
from ckstudio.report.pdfdraw import Missing, PdfPainter, font_finder

Late = Callable[[Canvas, dict[str, int]], None]  # draws with the pages of every bookmark key


class ReportCanvas(Canvas):
    """Pages kept until `save`, then decorated, bookmarked and given their late text.

    `decorate(canvas, number, total)` draws each page's header and footer.
    """

    def __init__(self, *args, decorate: Callable[[Canvas, int, int], None], font: str,
                 attachment: Attachment | None = None, **kwargs) -> None:  # fmt: skip
        kwargs["initialFontName"] = font  # reportlab would list Helvetica, not embedded
        super().__init__(*args, **kwargs)
        self._decorate = decorate
        self._attachment = attachment
        self._kept: list[dict] = []
        self._marks: list[str] = []
        self._late: list[Late] = []

    def bookmarkPage(self, key: str, **_ignored) -> None:
        """Remembered with the page; made when the page is written (see the module)."""
        self._marks.append(key)

    def later(self, draw: Late) -> None:
        """Draw on this page at the end, in page coordinates, knowing every bookmark's page."""
        self._late.append(draw)

    def showPage(self) -> None:
        self._kept.append(dict(self.__dict__))
        self._marks, self._late = [], []
        self._startPage()

    def save(self) -> None:
        kept = self._kept
        pages = {key: number for number, page in enumerate(kept, 1) for key in page["_marks"]}
        for number, page in enumerate(kept, 1):
            links = self._annotationCount  # a document-wide count: not the kept page's
            self.__dict__.update(page)
            self._annotationCount = links
            for key in self._marks:
                Canvas.bookmarkPage(self, key, fit="XYZ")  # keep the reader's zoom
            self._decorate(self, number, len(kept))
            for draw in self._late:
                draw(self, pages)
            Canvas.showPage(self)
        self._kept = []
        if self._attachment is not None:
            attach(self._doc, self._attachment)
        # Streams compressed but not also ASCII85-encoded (reportlab's default): a fifth
        # smaller, and that encoding in pure Python was a tenth of a big report's time.
        ascii85, rl_config.useA85 = rl_config.useA85, 0
        try:
            Canvas.save(self)
        finally:
            rl_config.useA85 = ascii85


def canvas_maker(decorate: Callable[[Canvas, int, int], None], font: str,
                 attachment: Attachment | None = None):  # fmt: skip
    """The `canvasmaker` for `BaseDocTemplate.build`."""

    def make(*args, **kwargs) -> ReportCanvas:
        return ReportCanvas(*args, decorate=decorate, font=font, attachment=attachment, **kwargs)

    return make


@dataclass(frozen=True)
class Attachment:
    """A file carried inside the PDF: its name, bytes, MIME type and description."""

    name: str
    data: bytes
    mime: str
    description: str


def attach(doc: PDFDocument, file: Attachment) -> None:
    """`file` as the document's one attached file, written with the report.

    The very structure `ckstudio.storage.attach_session` gives (pypdf's: an
    embedded file stream with its size, a file specification named /F and /UF,
    in the catalog's EmbeddedFiles name tree), but written by reportlab as it
    saves: attaching afterwards with pypdf parsed and copied the whole report
    again, a fifth of a 10,000-concept report's time and its peak memory."""
    mime = "".join(c if c.isalnum() or c in ".-+" else f"#{ord(c):02X}" for c in file.mime)
    stream = PDFStream(PDFDictionary({"Type": PDFName("EmbeddedFile"), "Subtype": f"/{mime}",
                                      "Params": PDFDictionary({"Size": len(file.data)})}),
                       file.data)  # fmt: skip
    spec = PDFDictionary({
        "Type": PDFName("Filespec"), "F": PDFString(file.name), "UF": PDFString(file.name),
        "Desc": PDFString(file.description), "EF": PDFDictionary({"F": doc.Reference(stream)}),
    })  # fmt: skip
    files = PDFDictionary({"Names": PDFArray([PDFString(file.name), doc.Reference(spec)])})
    doc.Catalog.Names = PDFDictionary({"EmbeddedFiles": doc.Reference(files)})


def page_link(canvas: Canvas, key: str, box: tuple[float, float, float, float]) -> None:
    """A click on `box` (page coordinates) opens the page of bookmark `key`."""
    canvas.linkAbsolute("", key, Rect=box, thickness=0)


def draw_runs(canvas: Canvas, text: str, x: float, y: float, size: float, bold: bool,
              measure: TextMeasure, missing: Missing, color: str,
              anchor: str = "start") -> float:  # fmt: skip
    """`text` at (x, y) (its start, or its end with `anchor` "end") in the font of each
    character, as the body text: the running header and the map's labels print any
    script a font here has, a character no font has as a box. Returns the width.

    Drawn by `PdfPainter` (one text object, numbers formatted once), not with
    `drawString`: it runs on every page, for the header and the footer."""
    shown = visual(text, *font_finder(measure, bold)) if needs_visual(text) else text
    item = Text(x, -y, (text,), size, color, size, bold, anchor)
    PdfPainter(canvas, measure, missing).paint([item], 1.0, 0.0, 0.0)  # y up again
    return measure.width(shown, size, bold)  # as drawn (Arabic shaped)


def fit(text: str, width: float, size: float, bold: bool, measure: TextMeasure) -> str:
    """`text` cut with "…" so that it is at most `width` points wide at `size`."""
    if measure.width(text, size, bold) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with its ellipsis
        middle = (low + high + 1) // 2
        if measure.width(text[:middle] + "…", size, bold) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


class Contents(Flowable):
    """The table of contents: each section's title, its page number written at the end.

    The sections are known before the layout (one heading each), so the
    contents take their final height at once and one layout pass is enough.
    """

    LEADING = 17.0

    def __init__(self, entries: list[tuple[str, str]], font: str, size: float) -> None:
        super().__init__()
        self.entries, self.font, self.size = entries, font, size
        self.width, self.height = 0.0, len(entries) * self.LEADING

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFont(self.font, self.size)
        for row, (title, key) in enumerate(self.entries):
            y = self.height - (row + 1) * self.LEADING + 4
            canvas.drawString(0, y, title)
            right, base = canvas.absolutePosition(self.width, y)
            left, _ = canvas.absolutePosition(0, y)
            canvas.later(self._number(key, left, right, base))

    def _number(self, key: str, left: float, right: float, base: float) -> Late:
        font, size = self.font, self.size

        def draw(canvas: Canvas, pages: dict[str, int]) -> None:
            canvas.setFont(font, size)
            canvas.setFillColorRGB(0.1, 0.1, 0.1)
            canvas.drawRightString(right, base, str(pages[key]))
            page_link(canvas, key, (left, base - 3, right, base + size))

        return draw
