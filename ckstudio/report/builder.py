"""The PDF workshop report: what a project lead archives and reads a year later.

Built from the session (the model) and the shared map drawing, never from the
screen. Every user string goes through `text.markup` (escaped, in the fonts
that draw it). The sections follow the primer's "What the archive must
answer"; each has a bookmark and a line in the table of contents; every page
carries the session's title, its number out of the total, and the date made.
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
    Table,
    TableStyle,
)

from ckstudio import __version__
from ckstudio.layout.ckmap import MapOptions, build_map
from ckstudio.layout.fonts import TextMeasure, display_text, shared_measure
from ckstudio.layout.labels import labels_for
from ckstudio.layout.style import DEFAULT_STYLE
from ckstudio.model.metrics import compute_metrics
from ckstudio.model.session import ROLES, Session
from ckstudio.report.fonts import font_name
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
from ckstudio.report.pages import Contents, canvas_maker, draw_runs, fit
from ckstudio.report.pdfdraw import Missing
from ckstudio.report.text import markup
from ckstudio.storage import attach_session

SECTIONS = ("map", "themes", "reach", "knowledge", "links", "decisions", "votes", "people",
            "metrics", "appendix")  # fmt: skip
MARGIN = 18 * mm
INK = colors.HexColor("#1A1A1A")
RULE = colors.HexColor("#BDBDBD")


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

    def user(self, text: str, style: ParagraphStyle | None = None, bold: bool = False):
        """A paragraph of user text (escaped, fonts per character)."""
        style = style or self.body
        bold = bold or style.fontName == self.bold
        return Paragraph(markup(text, self.measure, self.missing, bold), style)

    def ours(self, text: str, style: ParagraphStyle | None = None):
        """A paragraph of the report's own words (escaped too: labels hold « » and ')."""
        style = style or self.body
        bold = style.fontName == self.bold
        return Paragraph(markup(text, self.measure, self.missing, bold), style)

    def header(self, *texts: str) -> list[Paragraph]:
        """A table's header row, in the report's words."""
        return [self.ours(text, self.small) for text in texts]

    def heading_for(self, key: str) -> Paragraph:
        return self.ours(self.words[key], self.heading)

    def table(self, rows: list[list], widths: Sequence[float]) -> Table:
        table = Table(rows, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), self.body.fontName),  # reportlab's default: Helvetica
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]))  # fmt: skip
        return table

    # -- building --------------------------------------------------------------------

    def decorate(self, canvas: Canvas, number: int, total: int) -> None:
        """Title, date made and "page n / N" on every page, drawn once the report is
        laid out (see `pages`); the title in the fonts of its characters, as the body."""
        width, height = canvas._pagesize
        canvas.saveState()
        canvas.setFillColor(colors.HexColor("#5F5F5F"))
        title = " ".join(display_text(self.session.meta.title).split())
        draw_runs(canvas, fit(title, width - 2 * MARGIN, 8, True, self.measure), MARGIN,
                  height - MARGIN + 4, 8, True, self.measure, self.missing)  # fmt: skip
        canvas.setFont(self.body.fontName, 8)
        made = self.words["made"].format(date=self.made.isoformat())
        canvas.drawString(MARGIN, MARGIN - 14, made)
        canvas.drawRightString(width - MARGIN, MARGIN - 14,
                               self.words["page"].format(n=number, total=total))  # fmt: skip
        canvas.restoreState()

    def pdf(self, on_section: Callable[[str], None] | None = None) -> bytes:
        """The report as PDF bytes; `on_section` is told each section as it is built
        (a progress bar; it may raise to cancel)."""
        buffer = io.BytesIO()
        document = _Document(buffer, self)
        story = self.cover()
        if self.sections and self.sections[0] != "map":
            story.append(PageBreak())  # the map section opens its own (landscape) page
        for section in self.sections:
            if on_section is not None:
                on_section(section)
            story += getattr(self, f"section_{section}")()
        document.build(story, canvasmaker=canvas_maker(self.decorate, self.body.fontName))
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
            rows = [self.header(self.words["concept"], self.map_words["reach"],
                                self.map_words["partition"], self.words["dots"])]  # fmt: skip
            for c in chosen:
                taggers = sorted({people.get(t.by, "") for t in c.tags if t.theme == theme} - {""})
                tagged = f" ({self.words['tagged_by']} {', '.join(taggers)})" if taggers else ""
                text = c.text + tagged
                judged = (self.map_words[c.reach], self.map_words[c.partition or "unjudged"])
                dots = str(sum(v.count for v in c.votes))
                rows.append([self.user(text, self.small), *self.header(*judged, dots)])
            story.append(self.table(rows, [95 * mm, 30 * mm, 28 * mm, 17 * mm]))
        return story

    def section_reach(self) -> list:
        metrics, words, map_words = self.metrics, self.words, self.map_words
        rows = [self.header(map_words["reach"], words["count"])]
        rows += [[self.ours(map_words[k], self.small), self.ours(str(v), self.small)]
                 for k, v in metrics["reach"].items()]  # fmt: skip
        share = metrics["partitions"]["expansive_share"]
        share_text = "–" if share is None else f"{share * 100:.0f}"
        chart = BarChart([(map_words[k], v, DEFAULT_STYLE.reach[k].stroke)
                          for k, v in metrics["reach"].items()], self.body.fontName)  # fmt: skip
        return [self.heading_for("reach"), self.table(rows, [60 * mm, 25 * mm]), Spacer(1, 6),
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
            rows = [self.header(words["item"], words["status"], words["holder"])]
            stack = list(reversed(children.get(pocket.id, [])))
            while stack:
                item = stack.pop()
                rows.append([self.user(item.text, self.small),
                             self.ours(map_words[item.status], self.small),
                             self.user(people.get(item.holder, ""), self.small)])  # fmt: skip
                stack.extend(reversed(children.get(item.id, [])))
            if len(rows) > 1:
                story.append(self.table(rows, [110 * mm, 35 * mm, 30 * mm]))
        story.append(self.ours(words["gaps"], self.subheading))
        concepts = {c.id: c.text for c in session.concepts}
        missing = [k for k in session.knowledge if k.status == "missing"]
        for item in missing:
            needers = [concepts[link.concept] for link in session.links
                       if link.knowledge == item.id]  # fmt: skip
            holder = people.get(item.holder)
            held = f" ({words['holder']}{words['colon']} {holder})" if holder else ""
            story.append(self.user(item.text + held, bold=True))
            needed = "; ".join(needers) if needers else words["none"]
            story.append(self.user(f"{words['gap_needed_by']}{words['colon']} {needed}",
                                   self.small))  # fmt: skip
        if not missing:
            story.append(self.ours(words["none_f"]))
        return story

    def section_links(self) -> list:
        session, words = self.session, self.words
        concepts = {c.id: c.text for c in session.concepts}
        items = {k.id: k.text for k in session.knowledge}
        rows = [self.header(words["concept"], words["kind"], words["item"], words["note"])]
        for link in session.links:
            rows.append([self.user(concepts[link.concept], self.small),
                         self.ours(self.map_words[link.kind], self.small),
                         self.user(items[link.knowledge], self.small),
                         self.user(link.note, self.small)])  # fmt: skip
        return [self.heading_for("links"), self.table(rows, [60 * mm, 22 * mm, 55 * mm, 38 * mm])]

    def section_decisions(self) -> list:
        session, words = self.session, self.words
        story: list = [self.heading_for("decisions"), self.ours(words["retained"], self.subheading)]
        retained = self.metrics["retained"]
        for concept in retained:
            story.append(self.user(concept["text"], bold=True))
            if not concept["unmet"]:
                story.append(self.ours(f"– {words['all_acquired']}", self.small))
            for item in concept["unmet"]:
                status = self.map_words[item["status"]]
                story.append(self.user(f"– {item['text']} ({status}, {words['unmet']})",
                                       self.small))  # fmt: skip
        if not retained:
            story.append(self.ours(words["none"]))
        story.append(self.ours(words["suspended"], self.subheading))
        suspended = [c for c in session.concepts if c.outcome == "suspended"]
        story += [self.user(c.text) for c in suspended] or [self.ours(words["none"])]
        retained_ids = {c["id"] for c in retained}
        used = {link.knowledge for link in session.links if link.concept in retained_ids}
        story.append(self.ours(words["used_knowledge"], self.subheading))
        used_items = [k for k in session.knowledge if k.id in used]
        story += [self.user(k.text) for k in used_items] or [self.ours(words["none_f"])]
        story.append(self.ours(words["kept_knowledge"], self.subheading))
        linked = {link.knowledge for link in session.links}
        kept = [k for k in session.knowledge  # new knowledge: not the dominant design
                if k.parent is not None and not k.dominant and k.id not in used
                and k.id in linked]  # fmt: skip
        story += [self.user(k.text) for k in kept] or [self.ours(words["none_f"])]
        return story

    def section_votes(self) -> list:
        ranking = [r for r in self.metrics["votes_ranking"] if r["votes"]]
        rows = [self.header(self.words["concept"], self.words["dots"])]
        rows += [[self.user(r["text"], self.small), self.ours(str(r["votes"]), self.small)]
                 for r in ranking]  # fmt: skip
        if not ranking:
            return [self.heading_for("votes"), self.ours(self.words["none"])]
        return [self.heading_for("votes"), self.table(rows, [140 * mm, 25 * mm])]

    def section_people(self) -> list:
        rows = [self.header(self.words["name"], self.words["organisation"], self.words["role"])]
        order = {role: index for index, role in enumerate(ROLES)}  # facilitators first
        for person in sorted(self.session.participants, key=lambda p: (order[p.role], p.name)):
            rows.append([self.user(person.name, self.small),
                         self.user(person.organisation, self.small),
                         self.ours(self.words[person.role], self.small)])  # fmt: skip
        return [self.heading_for("people"), self.table(rows, [60 * mm, 75 * mm, 40 * mm])]

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
        table = [self.header(words["metrics"], words["count"])]
        table += [self.header(str(label), str(value)) for label, value in rows]
        return [self.heading_for("metrics"), self.table(table, [95 * mm, 30 * mm])]

    def section_appendix(self) -> list:
        first = self.sections[0] == "appendix"  # then the cover's page break is enough
        story: list = [] if first else [PageBreak()]
        story.append(self.heading_for("appendix"))
        for node in (*self.session.concepts, *self.session.knowledge):
            story.append(self.user(node.text, bold=True))
            if node.notes:
                story.append(self.user(node.notes, self.small))
        return story


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
    return attach_session(report.pdf(on_section), session), report.missing
