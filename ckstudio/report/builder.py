"""The PDF workshop report: what a project lead archives and reads a year later.

Built from the session (the model) and the shared map drawing, never from the
screen. User text is never markup: in a Paragraph (the cover, headings) it
goes through `text.markup` (escaped, in the fonts that draw it); the tables
and long lists (themes, links, decisions, the appendix...) are `grid.Grid`s,
which draw it as typed. The sections follow the primer's "What the archive
must answer"; each has a bookmark and a line in the table of contents; every
page carries the session's title, its number out of the total, and the date
made. The session is attached as the PDF is written (`pages.attach`).
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable, Sequence

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from ckstudio import __version__
from ckstudio.layout.ckmap import MapOptions, build_map
from ckstudio.layout.fonts import TextMeasure, display_text, shared_measure
from ckstudio.layout.labels import labels_for
from ckstudio.layout.style import DEFAULT_STYLE
from ckstudio.model.metrics import compute_metrics
from ckstudio.model.session import ROLES, Session
from ckstudio.report.bidi import needs_visual
from ckstudio.report.fonts import font_name
from ckstudio.report.grid import Grid, Look, Row
from ckstudio.report.labels import report_labels
from ckstudio.report.mapflow import (
    MIN_TEXT,
    Key,
    MapPage,
    Overview,
    WholeMap,
    plan_map,
    smallest_text,
)
from ckstudio.report.pages import Attachment, Contents, canvas_maker, draw_runs, fit
from ckstudio.report.pdfdraw import Missing
from ckstudio.report.text import markup
from ckstudio.storage import encode
from ckstudio.storage.pdfarchive import SESSION_ATTACHMENT, SESSION_DESCRIPTION, SESSION_MIME

SECTIONS = ("map", "themes", "reach", "knowledge", "links", "decisions", "votes", "people",
            "metrics", "appendix")  # fmt: skip
MARGIN = 18 * mm
INK = colors.HexColor("#1A1A1A")
FURNITURE = "#5F5F5F"  # the running header and footer
FRAME_W, FRAME_H = A4[0] - 2 * MARGIN - 12, A4[1] - 2 * MARGIN - 12  # less the frame's padding
BODY = Look(10.0, 13.5, after=4.0)  # the body style's text, as Grid rows
STRONG = Look(10.0, 13.5, True, 4.0)
NOTE = Look(8.5, 11.0, after=4.0)
BLOCK = 200  # paragraphs per Grid of text


class Report:
    """Builds one report: the story of flowables, then the PDF."""

    def __init__(self, session: Session, language: str | None = None,
                 sections: Sequence[str] = SECTIONS, measure: TextMeasure | None = None,
                 made: datetime.date | None = None) -> None:  # fmt: skip
        self.session = session
        self.language = language or session.meta.language
        self.words = report_labels(self.language)
        self.map_words = labels_for(self.language)
        self.sections = [s for s in SECTIONS if s in sections]
        self.measure = measure or shared_measure()
        self.missing = Missing()
        self.made = made or datetime.date.today()
        self.metrics = compute_metrics(session)
        regular, bold = font_name(self.measure, 0, False), font_name(self.measure, 0, True)
        self.body = ParagraphStyle("body", fontName=regular, fontSize=10, leading=13.5,
                                   textColor=INK, spaceAfter=4)  # fmt: skip
        self.small = ParagraphStyle("small", parent=self.body, fontSize=8.5, leading=11)
        self.title = ParagraphStyle("title", parent=self.body, fontName=bold, fontSize=22,
                                    leading=27, spaceAfter=12)  # fmt: skip
        self.heading = ParagraphStyle("heading1", parent=self.body, fontName=bold, fontSize=15,
                                      leading=19, spaceBefore=6, spaceAfter=8)  # fmt: skip
        self.subheading = ParagraphStyle("heading2", parent=self.body, fontName=bold,
                                         fontSize=11.5, leading=15, spaceBefore=6)  # fmt: skip
        self.bold = bold

    # -- text ------------------------------------------------------------------------

    def user(self, text: str, style: ParagraphStyle | None = None):
        """A paragraph of user text (escaped, fonts per character). Right-to-left text
        is a text block instead, wrapped in logical order and each line drawn shaped
        and in visual order (`bidi`): a Paragraph would wrap the visual string, its
        lines in the wrong order."""
        style = style or self.body
        bold = style.fontName == self.bold
        if needs_visual(text):
            look = Look(style.fontSize, style.leading, bold, style.spaceAfter)
            return Grid([FRAME_W], [Row((text,), look)], self.measure, self.missing, FRAME_H,
                        pad=0.0)  # fmt: skip
        return Paragraph(markup(text, self.measure, self.missing, bold), style)

    def ours(self, text: str, style: ParagraphStyle | None = None):
        """A paragraph of the report's own words, made as user text's: labels hold « »
        and ', and a translation may hold any character."""
        return self.user(text, style)

    def heading_for(self, key: str) -> Paragraph:
        return self.ours(self.words[key], self.heading)

    def table(self, header: Sequence[str], rows: list[Sequence[str]],
              widths: Sequence[float]) -> Grid:  # fmt: skip
        """A ruled table, its header repeated on each page (see `grid`: every cell is
        text as typed, wrapped once)."""
        return Grid(widths, [Row(row) for row in rows], self.measure, self.missing, FRAME_H,
                    header=Row(header))  # fmt: skip

    def texts(self, entries: list[tuple[str, Look]]) -> list[Grid]:
        """Paragraphs of user text, many at once (the appendix holds every node): in
        blocks of `BLOCK`, so that splitting one over a page never copies them all."""
        rows = [Row((text,), look) for text, look in entries]
        return [Grid([FRAME_W], rows[start : start + BLOCK], self.measure, self.missing,
                     FRAME_H, pad=0.0) for start in range(0, len(rows), BLOCK)]  # fmt: skip

    # -- building --------------------------------------------------------------------

    def decorate(self, canvas: Canvas, number: int, total: int) -> None:
        """Title, date made and "page n / N" on every page, drawn once the report is
        laid out (see `pages`); the title in the fonts of its characters, as the body."""
        width, height = canvas._pagesize
        measure, missing = self.measure, self.missing
        title = " ".join(display_text(self.session.meta.title).split())
        draw_runs(canvas, fit(title, width - 2 * MARGIN, 8, True, measure), MARGIN,
                  height - MARGIN + 4, 8, True, measure, missing, FURNITURE)  # fmt: skip
        made = self.words["made"].format(date=self.made.isoformat())
        draw_runs(canvas, made, MARGIN, MARGIN - 14, 8, False, measure, missing, FURNITURE)
        draw_runs(canvas, self.words["page"].format(n=number, total=total), width - MARGIN,
                  MARGIN - 14, 8, False, measure, missing, FURNITURE, "end")  # fmt: skip

    def pdf(self, on_section: Callable[[str], None] | None = None) -> bytes:
        """The report as PDF bytes, the session attached (so the archive reopens exactly);
        `on_section` is told each section as it is built (a progress bar; it may raise
        to cancel)."""
        buffer = io.BytesIO()
        document = _Document(buffer, self)
        story = self.cover()
        if self.sections and self.sections[0] != "map":
            story.append(PageBreak())  # the map section opens its own (landscape) page
        for section in self.sections:
            if on_section is not None:
                on_section(section)
            story += getattr(self, f"section_{section}")()
        session = Attachment(SESSION_ATTACHMENT, encode(self.session), SESSION_MIME,
                             SESSION_DESCRIPTION)  # fmt: skip
        document.build(story, canvasmaker=canvas_maker(self.decorate, self.body.fontName,
                                                       session))  # fmt: skip
        return buffer.getvalue()

    def cover(self) -> list:
        meta, words = self.session.meta, self.words
        people = {p.id: p for p in self.session.participants}
        facilitators = ", ".join(people[i].name for i in meta.facilitators if i in people)
        counts = self.metrics["counts"]
        c0 = next(c for c in self.session.concepts if c.parent is None)
        story = [self.ours(words["report"], self.small), self.user(meta.title, self.title)]
        rows = [
            (words["date"], meta.date), (words["place"], meta.place),
            (words["facilitators"], facilitators),
            (words["participants"],
             f"{counts['participants']} · {counts['organisations']} {words['organisations']}"),
        ]  # fmt: skip
        for label, value in rows:
            if value:
                story.append(Paragraph(
                    f"<b>{markup(label, self.measure, self.missing)}</b>{words['colon']} "
                    f"{markup(str(value), self.measure, self.missing)}", self.body))  # fmt: skip
        story += [Spacer(1, 8), self.ours(words["c0"], self.subheading), self.user(c0.text)]
        if meta.brief:
            story += [self.ours(words["brief"], self.subheading), self.user(meta.brief)]
        entries = [(self.words[key], f"section-{n}") for n, key in enumerate(self.sections, 1)]
        toc = Contents(entries, self.body.fontName, self.body.fontSize)
        contents = ParagraphStyle("contents", parent=self.heading)  # not an entry of itself
        return [*story, PageBreak(), self.ours(words["contents"], contents), toc]

    def section_map(self) -> list:
        """The map whole on one page if its text stays >= 7 pt there, else split by branch
        (see `mapflow`)."""
        meta = self.session.meta.model_copy(update={"language": self.language})
        session = self.session.model_copy(update={"meta": meta})
        drawing = build_map(session, MapOptions(orientation="right"))
        width, height = landscape(A4)
        frame_w, frame_h = width - 2 * MARGIN - 12, height - 2 * MARGIN - 12  # frame padding
        smallest = smallest_text(drawing)
        scale = min(1.0, frame_w / drawing.width, (frame_h - 40) / drawing.height)
        story: list = [NextPageTemplate("landscape"), PageBreak(), self.heading_for("map")]
        if scale * smallest >= MIN_TEXT:
            story.append(WholeMap(drawing, scale, self.measure, self.missing))
            return [*story, NextPageTemplate("portrait"), PageBreak()]
        plan = plan_map(session, frame_w, frame_h, MIN_TEXT / smallest, self.measure)
        texts = {node.id: node.text for node in (*session.concepts, *session.knowledge)}
        fonts = (self.body.fontName, self.bold)
        words = self.words
        story.append(self.ours(words["map_split"].format(n=plan.page_count()), self.small))
        rows = int((frame_h - 80) // Overview.LEADING)  # under the heading and the paragraph
        story.append(Overview(drawing, plan, words, texts, fonts, self.measure, self.missing,
                              rows))  # fmt: skip
        rest = plan.branches[rows:]
        if rest:  # more branches than the overview's key holds: the key goes on
            story += [PageBreak(), self.ours(words["map_more"], self.subheading)]
            story.append(Key(rest, words, texts, fonts, self.measure, self.missing, frame_w))
        for number in range(plan.page_count()):
            story += [PageBreak(), MapPage(plan, number, texts, words, self.measure,
                                           self.missing)]  # fmt: skip
        return [*story, NextPageTemplate("portrait"), PageBreak()]

    def section_themes(self) -> list:
        concepts = [c for c in self.session.concepts if c.parent is not None]
        people = {p.id: p.name for p in self.session.participants}
        story: list = [self.heading_for("themes")]
        groups = [(t.name, t.id) for t in self.session.themes] + [(self.words["untagged"], None)]
        for name, theme in groups:
            chosen = [c for c in concepts if _tagged(c, theme)]
            if not chosen:
                continue
            story.append(self.user(f"{name} ({len(chosen)})", self.subheading))
            header = (self.words["concept"], self.map_words["reach"],
                      self.map_words["partition"], self.words["dots"])  # fmt: skip
            rows = []
            for c in chosen:
                taggers = sorted({people.get(t.by, "") for t in c.tags if t.theme == theme} - {""})
                tagged = f" ({self.words['tagged_by']} {', '.join(taggers)})" if taggers else ""
                judged = (self.map_words[c.reach], self.map_words[c.partition or "unjudged"])
                rows.append((c.text + tagged, *judged, str(sum(v.count for v in c.votes))))
            story.append(self.table(header, rows, [95 * mm, 30 * mm, 28 * mm, 17 * mm]))
        return story

    def section_reach(self) -> list:
        metrics, words, map_words = self.metrics, self.words, self.map_words
        rows = [(map_words[k], str(v)) for k, v in metrics["reach"].items()]
        share = metrics["partitions"]["expansive_share"]
        share_text = "–" if share is None else f"{share * 100:.0f}"
        chart = BarChart([(map_words[k], v, DEFAULT_STYLE.reach[k].stroke)
                          for k, v in metrics["reach"].items()], self.body.fontName)  # fmt: skip
        table = self.table((map_words["reach"], words["count"]), rows, [60 * mm, 25 * mm])
        return [self.heading_for("reach"), table, Spacer(1, 6),
                chart, Spacer(1, 6),
                self.ours(words["expansive_share"].format(share=share_text))]  # fmt: skip

    def section_knowledge(self) -> list:
        session, words, map_words = self.session, self.words, self.map_words
        people = {p.id: p.name for p in session.participants}
        children: dict[str | None, list] = {}
        for k in session.knowledge:
            children.setdefault(k.parent, []).append(k)
        story: list = [self.heading_for("knowledge")]
        for pocket in children.get(None, []):
            story.append(self.user(pocket.text, self.subheading))
            rows = []
            stack = list(reversed(children.get(pocket.id, [])))
            while stack:
                item = stack.pop()
                rows.append((item.text, map_words[item.status], people.get(item.holder, "")))
                stack.extend(reversed(children.get(item.id, [])))
            if rows:
                header = (words["item"], words["status"], words["holder"])
                story.append(self.table(header, rows, [110 * mm, 35 * mm, 30 * mm]))
        story.append(self.ours(words["gaps"], self.subheading))
        concepts = {c.id: c.text for c in session.concepts}
        missing = [k for k in session.knowledge if k.status == "missing"]
        needers: dict[str, list[str]] = {}
        for link in session.links:
            needers.setdefault(link.knowledge, []).append(concepts[link.concept])
        entries = []
        for item in missing:
            holder = people.get(item.holder)
            held = f" ({words['holder']}{words['colon']} {holder})" if holder else ""
            entries.append((item.text + held, STRONG))
            needed = "; ".join(needers.get(item.id, ())) or words["none"]
            entries.append((f"{words['gap_needed_by']}{words['colon']} {needed}", NOTE))
        return story + (self.texts(entries) if missing else [self.ours(words["none_f"])])

    def section_links(self) -> list:
        session, words = self.session, self.words
        concepts = {c.id: c.text for c in session.concepts}
        items = {k.id: k.text for k in session.knowledge}
        header = (words["concept"], words["kind"], words["item"], words["note"])
        rows = [(concepts[link.concept], self.map_words[link.kind], items[link.knowledge],
                 link.note) for link in session.links]  # fmt: skip
        widths = [60 * mm, 22 * mm, 55 * mm, 38 * mm]
        return [self.heading_for("links"), self.table(header, rows, widths)]

    def section_decisions(self) -> list:
        session, words = self.session, self.words
        story: list = [self.heading_for("decisions"), self.ours(words["retained"], self.subheading)]
        retained = self.metrics["retained"]
        entries = []
        for concept in retained:
            entries.append((concept["text"], STRONG))
            if not concept["unmet"]:
                entries.append((f"– {words['all_acquired']}", NOTE))
            for item in concept["unmet"]:
                status = self.map_words[item["status"]]
                entries.append((f"– {item['text']} ({status}, {words['unmet']})", NOTE))
        story += self.texts(entries) or [self.ours(words["none"])]
        story.append(self.ours(words["suspended"], self.subheading))
        suspended = [(c.text, BODY) for c in session.concepts if c.outcome == "suspended"]
        story += self.texts(suspended) or [self.ours(words["none"])]
        retained_ids = {c["id"] for c in retained}
        used = {link.knowledge for link in session.links if link.concept in retained_ids}
        story.append(self.ours(words["used_knowledge"], self.subheading))
        used_items = [(k.text, BODY) for k in session.knowledge if k.id in used]
        story += self.texts(used_items) or [self.ours(words["none_f"])]
        story.append(self.ours(words["kept_knowledge"], self.subheading))
        linked = {link.knowledge for link in session.links}
        kept = [(k.text, BODY) for k in session.knowledge  # new knowledge: not the dominant
                if k.parent is not None and not k.dominant and k.id not in used
                and k.id in linked]  # fmt: skip
        story += self.texts(kept) or [self.ours(words["none_f"])]
        return story

    def section_votes(self) -> list:
        ranking = [r for r in self.metrics["votes_ranking"] if r["votes"]]
        if not ranking:
            return [self.heading_for("votes"), self.ours(self.words["none"])]
        rows = [(r["text"], str(r["votes"])) for r in ranking]
        header = (self.words["concept"], self.words["dots"])
        return [self.heading_for("votes"), self.table(header, rows, [140 * mm, 25 * mm])]

    def section_people(self) -> list:
        header = (self.words["name"], self.words["organisation"], self.words["role"])
        order = {role: index for index, role in enumerate(ROLES)}  # facilitators first
        people = sorted(self.session.participants, key=lambda p: (order[p.role], p.name))
        rows = [(p.name, p.organisation, self.words[p.role]) for p in people]
        return [self.heading_for("people"), self.table(header, rows, [60 * mm, 75 * mm, 40 * mm])]

    def section_metrics(self) -> list:
        """The measures of `ckstudio stats`, as a table in the report's language."""
        m, words, map_words = self.metrics, self.words, self.map_words
        counts, tree, parts = m["counts"], m["concept_tree"], m["partitions"]
        share = parts["expansive_share"]
        variety = m["themes"]["themes_per_tagged_concept"]
        rows = [
            (words["m_concepts"], counts["concepts"]), (words["m_knowledge"], counts["knowledge"]),
            (map_words["links"], counts["links"]), (words["m_themes"], counts["themes"]),
            (words["participants"], counts["participants"]),
            (words["organisations"].capitalize(), counts["organisations"]),
            (words["m_depth"], tree["depth"]), (words["m_breadth"], tree["breadth"]),
            (words["m_leaves"], tree["leaves"]),
            *((map_words[k], parts[k]) for k in ("expansive", "restrictive", "unjudged")),
            (words["m_expansive"], "–" if share is None else f"{share * 100:.0f} %"),
            *((map_words[k], v) for k, v in m["outcomes"].items()),
            *((map_words[k], v) for k, v in m["knowledge_status"].items()),
            (words["m_variety"], "–" if variety is None else variety),
            (words["untagged"], m["themes"]["untagged_concepts"]),
            (words["m_gaps"], len(m["knowledge_gaps"])),
            (words["m_orphans"], len(m["orphan_knowledge"])),
        ]  # fmt: skip
        cells = [(str(label), str(value)) for label, value in rows]
        table = self.table((words["metrics"], words["count"]), cells, [95 * mm, 30 * mm])
        return [self.heading_for("metrics"), table]

    def section_appendix(self) -> list:
        first = self.sections[0] == "appendix"  # then the cover's page break is enough
        story: list = [] if first else [PageBreak()]
        story.append(self.heading_for("appendix"))
        entries = []
        for node in (*self.session.concepts, *self.session.knowledge):
            entries.append((node.text, STRONG))
            if node.notes:
                entries.append((node.notes, NOTE))
        return story + self.texts(entries)


class BarChart(Flowable):
    """Horizontal bars, one per (label, count, colour): the reach breakdown at a glance."""

    BAR, GAP, LABEL, LONGEST = 12.0, 5.0, 90.0, 250.0

    def __init__(self, bars: list[tuple[str, int, str]], font: str) -> None:
        super().__init__()
        self.bars, self.font = bars, font
        self.width = self.LABEL + self.LONGEST + 30
        self.height = len(bars) * (self.BAR + self.GAP)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas, most = self.canv, max([count for _, count, _ in self.bars] + [1])
        for index, (label, count, color) in enumerate(self.bars):
            y = self.height - (index + 1) * (self.BAR + self.GAP)
            canvas.setFillColor(INK)
            canvas.setFont(self.font, 8.5)
            canvas.drawString(0, y + 3, label)  # the map's own labels: Vera draws them
            canvas.setFillColor(colors.HexColor(color))
            canvas.rect(self.LABEL, y, self.LONGEST * count / most, self.BAR, stroke=0, fill=1)
            canvas.setFillColor(INK)
            canvas.drawString(self.LABEL + self.LONGEST * count / most + 4, y + 3, str(count))


def _tagged(concept, theme: str | None) -> bool:
    """Tagged with the theme; with None: tagged with no theme at all."""
    if theme is None:
        return not concept.tags
    return any(tag.theme == theme for tag in concept.tags)


class _Document(BaseDocTemplate):
    """Portrait pages, landscape pages for the map; headings feed the contents and outline."""

    def __init__(self, buffer: io.BytesIO, report: Report) -> None:
        meta = report.session.meta
        people = {p.id: p.name for p in report.session.participants}
        super().__init__(
            buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN + 6,
            bottomMargin=MARGIN + 6, title=meta.title,
            author=", ".join(people[i] for i in meta.facilitators if i in people),
            subject=report.words["report"], creator=f"CK Studio {__version__}",
            keywords=[t.name for t in report.session.themes],
        )  # fmt: skip
        width, height = A4
        portrait = Frame(MARGIN, MARGIN, width - 2 * MARGIN, height - 2 * MARGIN, id="portrait")
        wide_w, wide_h = landscape(A4)
        wide = Frame(MARGIN, MARGIN, wide_w - 2 * MARGIN, wide_h - 2 * MARGIN, id="landscape")
        self.addPageTemplates([
            PageTemplate("portrait", [portrait], pagesize=A4, ),
            PageTemplate("landscape", [wide], pagesize=landscape(A4), ),
        ])  # fmt: skip
        self._count = 0
        self.report = report

    def afterFlowable(self, flowable) -> None:
        """Headings become bookmarks of the outline, keyed as the contents expect them."""
        if not isinstance(flowable, Paragraph) or flowable.style.name not in ("heading1",):
            return
        self._count += 1
        key = f"section-{self._count}"
        text = flowable.getPlainText()
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(text, key, level=0)


def report_pdf(
    session: Session,
    language: str | None = None,
    sections: Sequence[str] = SECTIONS,
    on_section: Callable[[str], None] | None = None,
) -> tuple[bytes, Missing]:
    """The report of a session, the session attached (so the archive reopens exactly),
    and the characters no font could draw."""
    report = Report(session, language, sections)
    return report.pdf(on_section), report.missing
