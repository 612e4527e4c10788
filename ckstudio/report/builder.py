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
    CondPageBreak,
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
from ckstudio.layout.hidden import hidden_vote_concepts, without_hidden_votes
from ckstudio.layout.labels import labels_for
from ckstudio.layout.style import DEFAULT_STYLE
from ckstudio.model.metrics import compute_metrics
from ckstudio.model.session import ROLES, Session
from ckstudio.report.bidi import needs_visual
from ckstudio.report.dates import format_date, format_day, format_duration, format_span
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

SECTIONS = ("map", "themes", "reach", "knowledge", "links", "decisions", "votes", "rounds",
            "people", "metrics", "appendix")  # fmt: skip
MARGIN = 18 * mm
INK = colors.HexColor("#1A1A1A")
FURNITURE = "#5F5F5F"  # the running header and footer
FRAME_W, FRAME_H = A4[0] - 2 * MARGIN - 12, A4[1] - 2 * MARGIN - 12  # less the frame's padding
BODY = Look(10.0, 13.5, after=4.0)  # the body style's text, as Grid rows
STRONG = Look(10.0, 13.5, True, 4.0)
NOTE = Look(8.5, 11.0, after=4.0)
ENTRY = Look(9.5, 12.0, True, 0.5)  # an appendix entry's text
DETAIL = Look(8.0, 10.0, after=3.5)  # its author, status, source, notes
GROUP = Look(8.5, 11.0, True, 1.0)  # a group's title in the measures
CODE_W = 22 * mm  # the appendix's column of branch codes
DEPTH = 10.0  # points of indent per level in the appendix
HEADINGS = ("heading1", "heading2")
BLOCK = 200  # paragraphs per Grid of text


class Report:
    """Builds one report: the story of flowables, then the PDF."""

    def __init__(self, session: Session, language: str | None = None,
                 sections: Sequence[str] = SECTIONS, measure: TextMeasure | None = None,
                 made: datetime.date | None = None) -> None:  # fmt: skip
        # what the report shows: a vote not revealed yet stays hidden (`layout.hidden`);
        # the attachment is the session itself, so that the archive reopens exactly
        self.session = without_hidden_votes(session)
        self.archived = session
        self.hidden_votes = hidden_vote_concepts(session)
        self.language = language or session.meta.language
        self.words = report_labels(self.language)
        self.map_words = labels_for(self.language)
        # the rounds' section only for a session that has rounds
        self.sections = [s for s in SECTIONS if s in sections
                         and (s != "rounds" or session.rounds)]  # fmt: skip
        self.measure = measure or shared_measure()
        self.missing = Missing()
        self.made = made or datetime.date.today()
        self.metrics = compute_metrics(self.session)
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
            block = Grid([FRAME_W], [Row((text,), look)], self.measure, self.missing, FRAME_H,
                         pad=0.0)  # fmt: skip
            block.heading = style.name in HEADINGS  # kept with what follows (`Lead`)
            return block
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

    def texts(self, entries: list[tuple[str, Look]] | list[Row]) -> list[Grid]:
        """Paragraphs of user text, many at once (the appendix holds every node): in
        blocks of `BLOCK`, so that splitting one over a page never copies them all."""
        rows = [e if isinstance(e, Row) else Row((e[0],), e[1]) for e in entries]
        widths = [FRAME_W] if not rows or len(rows[0].cells) == 1 else [CODE_W, FRAME_W - CODE_W]
        return [Grid(widths, rows[start : start + BLOCK], self.measure, self.missing,
                     FRAME_H, pad=0.0) for start in range(0, len(rows), BLOCK)]  # fmt: skip

    # -- building --------------------------------------------------------------------

    def decorate(self, canvas: Canvas, number: int, total: int) -> None:
        """Title, date made and "page n / N" on every page, drawn once the report is
        laid out (see `pages`); the title in the fonts of its characters, as the body."""
        width, height = canvas._pagesize
        measure, missing = self.measure, self.missing
        if number > 1:  # the cover has the title already
            title = " ".join(display_text(self.session.meta.title).split())
            draw_runs(canvas, fit(title, width - 2 * MARGIN, 8, True, measure), MARGIN,
                      height - MARGIN + 4, 8, True, measure, missing, FURNITURE)  # fmt: skip
        made = self.words["made"].format(date=format_date(self.made, self.language))
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
            part = getattr(self, f"section_{section}")()
            # the map's pages are its own (a page each): the other sections' headings
            # are kept with what follows them
            story += part if section == "map" else keep_headings(part)
        session = Attachment(SESSION_ATTACHMENT, encode(self.archived), SESSION_MIME,
                             SESSION_DESCRIPTION)  # fmt: skip
        document.build(story, canvasmaker=canvas_maker(self.decorate, self.body.fontName,
                                                       session))  # fmt: skip
        self.placed = document.placed
        return buffer.getvalue()

    def cover(self) -> list:
        meta, words = self.session.meta, self.words
        people = {p.id: p for p in self.session.participants}
        facilitators = ", ".join(people[i].name for i in meta.facilitators if i in people)
        counts = self.metrics["counts"]
        c0 = next(c for c in self.session.concepts if c.parent is None)
        story = [self.ours(words["report"], self.small), self.user(meta.title, self.title)]
        rows = [
            (words["date"], format_day(meta.date, self.language)), (words["place"], meta.place),
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
        words = self.words
        story: list = [self.heading_for("themes")]
        groups = [(t.name, t.id) for t in self.session.themes] + [(words["untagged"], None)]
        for name, theme in groups:
            chosen = [c for c in concepts if _tagged(c, theme)]
            if not chosen:
                continue
            story.append(self.user(f"{name} ({len(chosen)})", self.subheading))
            header = (words["concept"], self.map_words["reach"],
                      self.map_words["partition"], words["dots"])  # fmt: skip
            rows = []
            for c in chosen:
                taggers = sorted({people.get(t.by, "") for t in c.tags if t.theme == theme} - {""})
                said = [f"{words['by']} {people[c.author]}"] if c.author in people else []
                if taggers:
                    said.append(f"{words['tagged_by']} {', '.join(taggers)}")
                about = f" ({'; '.join(said)})" if said else ""
                judged = (self.map_words[c.reach], self.map_words[c.partition or "unjudged"])
                dots = "–" if c.id in self.hidden_votes else str(sum(v.count for v in c.votes))
                rows.append((c.text + about, *judged, dots))
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
        together = Block(
            [
                table,
                Spacer(1, 6),
                chart,
                Spacer(1, 6),
                self.ours(words["expansive_share"].format(share=share_text)),
            ]
        )
        return [self.heading_for("reach"), together]  # fmt: skip

    def holder_text(self, item, people: dict[str, str]) -> str:
        """ "held by X" for acquired knowledge, "to be acquired by X" for the rest."""
        name = people.get(item.holder or "")
        if not name:
            return ""
        key = "held_by" if item.status == "acquired" else "to_acquire_by"
        return f"{self.words[key]} {name}"

    def section_knowledge(self) -> list:
        """Knowledge by pocket (a root holding other items, as in the measures: not an
        item of the status counts), the items outside any pocket, the status counts,
        then the missing knowledge and the concepts that need it."""
        session, words, map_words = self.session, self.words, self.map_words
        people = {p.id: p.name for p in session.participants}
        children: dict[str | None, list] = {}
        for k in session.knowledge:
            children.setdefault(k.parent, []).append(k)
        header = (words["item"], words["status"], words["holder_col"], words["source"])
        widths = [70 * mm, 25 * mm, 35 * mm, 40 * mm]

        def row(item, depth: int) -> Row:
            cells = (item.text, map_words[item.status], self.holder_text(item, people),
                     item.source)  # fmt: skip
            return Row(cells, indent=depth * DEPTH)

        story: list = [self.heading_for("knowledge")]
        roots = children.get(None, [])
        for pocket in (k for k in roots if k.id in children):
            story.append(self.user(pocket.text, self.subheading))
            note = f"{words['pocket_note']}{words['colon']} {map_words[pocket.status]}"
            if self.holder_text(pocket, people):
                note += f", {self.holder_text(pocket, people)}"
            if pocket.source:
                note += f" · {words['source']}{words['colon']} {pocket.source}"
            story.append(self.ours(note, self.small))
            rows, stack = [], [(k, 0) for k in reversed(children[pocket.id])]
            while stack:
                item, depth = stack.pop()
                rows.append(row(item, depth))
                stack.extend((k, depth + 1) for k in reversed(children.get(item.id, [])))
            story.append(Grid(widths, rows, self.measure, self.missing, FRAME_H,
                              header=Row(header)))  # fmt: skip
        loose = [k for k in roots if k.id not in children]
        if loose:
            story.append(self.ours(words["loose"], self.subheading))
            story.append(Grid(widths, [row(k, 0) for k in loose], self.measure, self.missing,
                              FRAME_H, header=Row(header)))  # fmt: skip
        counts = self.metrics["knowledge_status"]
        story.append(self.ours(words["status_counts"], self.subheading))
        story.append(self.table((words["status"], words["count"]),
                                [(map_words[k], str(v)) for k, v in counts.items()],
                                [60 * mm, 25 * mm]))  # fmt: skip
        pockets = {k.id for k in roots if k.id in children}
        missing = [k for k in session.knowledge if k.status == "missing" and k.id not in pockets]
        story.append(self.ours(words["gaps"].format(n=len(missing)), self.subheading))
        concepts = {c.id: c.text for c in session.concepts}
        needers: dict[str, list[str]] = {}
        for link in session.links:
            needers.setdefault(link.knowledge, []).append(concepts[link.concept])
        entries = []
        for item in missing:
            holder = self.holder_text(item, people)
            entries.append((item.text + (f" ({holder})" if holder else ""), STRONG))
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
        session, words, map_words = self.session, self.words, self.map_words
        story: list = [self.heading_for("decisions"), self.ours(words["retained"], self.subheading)]
        retained = self.metrics["retained"]
        entries = []
        for concept in retained:
            entries.append((concept["text"], STRONG))
            if not concept["unmet"]:
                entries.append((f"– {words['all_acquired']}", NOTE))
            for item in concept["unmet"]:
                status = map_words[item["status"]]
                entries.append((f"– {item['text']} ({status}, {words['unmet']})", NOTE))
        story += self.texts(entries) or [self.ours(words["none"])]
        story.append(self.ours(words["suspended"], self.subheading))
        suspended = [(c.text, BODY) for c in session.concepts if c.outcome == "suspended"]
        story += self.texts(suspended) or [self.ours(words["none"])]
        retained_ids = {c["id"] for c in retained}
        used = {link.knowledge for link in session.links if link.concept in retained_ids}
        story.append(self.ours(words["used_knowledge"], self.subheading))
        used_items = [(f"{k.text} ({map_words[k.status]})", BODY)
                      for k in session.knowledge if k.id in used]  # fmt: skip
        story += self.texts(used_items) or [self.ours(words["none_f"])]
        story.append(self.ours(words["kept_knowledge"], self.subheading))
        linked = {link.knowledge for link in session.links}
        kept = [(f"{k.text} ({map_words[k.status]})", BODY) for k in session.knowledge
                if k.parent is not None and not k.dominant and k.id not in used
                and k.id in linked]  # fmt: skip
        story += self.texts(kept) or [self.ours(words["none_f"])]
        return story

    def section_votes(self) -> list:
        """Every concept's dots, most first; a vote not revealed yet is left out, and said."""
        story: list = [self.heading_for("votes")]
        if self.hidden_votes:
            story.append(self.ours(self.words["votes_hidden"], self.small))
        ranking = [r for r in self.metrics["votes_ranking"] if r["votes"]]
        if not ranking:
            return [*story, self.ours(self.words["none"])]
        rows = [(r["text"], str(r["votes"])) for r in ranking]
        header = (self.words["concept"], self.words["dots"])
        return [*story, self.table(header, rows, [140 * mm, 25 * mm])]

    def section_rounds(self) -> list:
        """Each round in order: its kind, start and end, duration, participants and
        concepts, then its result: the ranking with its dots (voting, and whether the
        results were hidden while it ran) or the tags per theme (tagging)."""
        words = self.words
        story: list = [self.heading_for("rounds")]
        for number, measured in enumerate(self.metrics["rounds"], 1):
            kind = words[f"round_{measured['kind']}"]
            story.append(self.ours(words["round_title"].format(n=number, kind=kind),
                                   self.subheading))  # fmt: skip
            minutes = measured["duration_minutes"]
            people = ", ".join(p["name"] for p in measured["participants"]) or words["none"]
            concepts = "; ".join(c["text"] for c in measured["concepts"]) or words["none"]
            details = [
                (words["round_when"], format_span(measured["started"], measured["ended"],
                                                  words["round_running"], self.language)),
                (words["round_duration"], "–" if minutes is None else format_duration(minutes)),
                (words["round_people"], people),
                (words["round_concepts"].format(n=len(measured["concepts"])), concepts),
            ]  # fmt: skip
            if measured["kind"] == "voting":
                hidden = words["round_hidden_yes" if measured["hidden"] else "round_hidden_no"]
                details += [(words["round_budget"], str(measured["budget"])),
                            (words["round_hidden"], hidden)]  # fmt: skip
            rows = [Row((f"{label}{words['colon']}", value)) for label, value in details]
            story.append(Grid([45 * mm, FRAME_W - 45 * mm], rows, self.measure, self.missing,
                              FRAME_H, pad=0.0))  # fmt: skip
            story.append(Spacer(1, 4))
            if measured["kind"] == "voting" and measured["hidden"]:
                story.append(self.ours(words["round_votes_hidden"]))
            elif measured["kind"] == "voting":
                ranking = [(r["text"], _dots(r["dots"])) for r in measured["ranking"]]
                header = (words["concept"], words["dots"])
                story.append(self.table(header, ranking, [120 * mm, 50 * mm]) if ranking
                             else self.ours(words["round_no_dots"]))  # fmt: skip
            else:
                counts = [(t["name"], str(t["concepts"]), str(t["tags"]))
                          for t in measured["themes"]]  # fmt: skip
                header = (words["theme"], words["round_concepts_col"], words["tags"])
                story.append(self.table(header, counts, [80 * mm, 30 * mm, 30 * mm]))
        return story

    def role_of(self, person) -> str:
        """A participant's role; one named among the session's facilitators facilitates."""
        return "facilitator" if person.id in self.session.meta.facilitators else person.role

    def section_people(self) -> list:
        """Participants grouped by role (facilitators first), each group's organisations
        named under its title, its people sorted by organisation."""
        words = self.words
        story: list = [self.heading_for("people")]
        header = (words["name"], words["organisation"])
        for role in ROLES:
            people = [p for p in self.session.participants if self.role_of(p) == role]
            if not people:
                continue
            people.sort(key=lambda p: (p.organisation.strip().casefold(), p.name.casefold()))
            title = words[role]
            story.append(self.ours(f"{title[:1].upper()}{title[1:]} ({len(people)})",
                                   self.subheading))  # fmt: skip
            organisations = list(dict.fromkeys(p.organisation.strip() for p in people
                                               if p.organisation.strip()))  # fmt: skip
            if organisations:
                story += self.texts([(f"{words['role_organisations']}{words['colon']} "
                                      f"{', '.join(organisations)}", NOTE)])  # fmt: skip
            rows = [(p.name, p.organisation) for p in people]
            story.append(self.table(header, rows, [70 * mm, 100 * mm]))
        if len(story) == 1:
            story.append(self.ours(words["none"]))
        return story

    def section_metrics(self) -> list:
        """The measures of `ckstudio stats`, as a table in the report's language, in the
        groups of `stats` (what each count leaves out said in its group's title)."""
        m, words, map_words = self.metrics, self.words, self.map_words
        counts, tree, parts = m["counts"], m["concept_tree"], m["partitions"]
        share = parts["expansive_share"]
        variety = m["themes"]["themes_per_tagged_concept"]
        groups = [
            ("g_counts", [
                (words["m_concepts"], counts["concepts"]),
                (words["m_knowledge"], counts["knowledge"]),
                (map_words["links"], counts["links"]), (words["m_themes"], counts["themes"]),
                (words["participants"], counts["participants"]),
                (words["organisations"].capitalize(), counts["organisations"]),
                (words["m_rounds"], counts["rounds"])]),
            ("g_tree", [(words["m_depth"], tree["depth"]), (words["m_breadth"], tree["breadth"]),
                        (words["m_leaves"], tree["leaves"])]),
            ("g_partitions", [
                *((map_words[k], parts[k]) for k in ("expansive", "restrictive", "unjudged")),
                (words["m_expansive"], "–" if share is None else f"{share * 100:.0f} %")]),
            ("g_reach", [(map_words[k], v) for k, v in m["reach"].items()]),
            ("g_outcomes", [(map_words[k], v) for k, v in m["outcomes"].items()]),
            ("g_status", [(map_words[k], v) for k, v in m["knowledge_status"].items()]),
            ("g_themes", [(words["m_variety"], "–" if variety is None else variety),
                          (words["untagged"], m["themes"]["untagged_concepts"])]),
            ("g_links", [(words["m_gaps"], len(m["knowledge_gaps"])),
                         (words["m_orphans"], len(m["orphan_knowledge"]))]),
        ]  # fmt: skip
        rows = []
        for key, members in groups:
            rows.append(Row((words[key], ""), GROUP))
            rows += [Row((f"   {label}", str(value))) for label, value in members]
        header = Row((words["metrics"], words["count"]))
        table = Grid([95 * mm, 30 * mm], rows, self.measure, self.missing, FRAME_H, header=header)
        return [self.heading_for("metrics"), table]

    def section_appendix(self) -> list:
        """Every concept (indented by depth, its branch code as on the map's badges, its
        author, judgement and notes), then every knowledge item (its pocket's code,
        status, holder, source and notes)."""
        first = self.sections[0] == "appendix"  # then the cover's page break is enough
        story: list = [] if first else [CondPageBreak(FRAME_H / 3)]
        words, map_words = self.words, self.map_words
        people = {p.id: p.name for p in self.session.participants}
        story.append(self.heading_for("appendix"))
        rows: list[Row] = []
        for node, code, depth in _tree(self.session.concepts, "C", root_code="C0"):
            details = [f"{words['author']}{words['colon']} {people[node.author]}"
                       if node.author in people else ""]  # fmt: skip
            if node.parent is not None:
                details += [map_words[node.reach], map_words[node.partition or "unjudged"],
                            map_words[node.outcome]]  # fmt: skip
            rows += self._entry(code, node.text, [d for d in details if d], node.notes, depth)
        story += [self.ours(words["appendix_concepts"], self.subheading), *self.texts(rows)]
        rows = []
        for node, code, depth in _tree(self.session.knowledge, "K"):
            details = [map_words[node.status], self.holder_text(node, people)]
            if node.source:
                details.append(f"{words['source']}{words['colon']} {node.source}")
            rows += self._entry(code, node.text, [d for d in details if d], node.notes, depth)
        if rows:
            story += [self.ours(words["appendix_knowledge"], self.subheading), *self.texts(rows)]
        return story

    def _entry(self, code: str, text: str, details: list[str], notes: str,
               depth: int) -> list[Row]:  # fmt: skip
        """An appendix entry: its code in a column of its own (the text keeps its own
        direction), the text indented by depth, then its details and notes."""
        indent = min(depth, 8) * DEPTH
        rows = [Row((code, text), ENTRY, indent=indent)]
        if details:
            rows.append(Row(("", " · ".join(details)), DETAIL, indent=indent + DEPTH))
        if notes:
            rows.append(Row(("", notes), DETAIL, indent=indent + DEPTH))
        return rows


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


class Block(Flowable):
    """Flowables kept on one page (less than a page tall): moved whole to the next page
    when they do not fit (reach's table, chart and share)."""

    def __init__(self, parts: list[Flowable]) -> None:
        super().__init__()
        self.parts = parts

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self._heights = [part.wrapOn(self.canv, available_width, FRAME_H)[1]
                         if getattr(self, "canv", None) is not None
                         else part.wrap(available_width, FRAME_H)[1]
                         for part in self.parts]  # fmt: skip
        self.width, self.height = available_width, sum(self._heights)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return []

    def drawOn(self, canvas, x: float, y: float, _sW: float = 0) -> None:
        top = y + self.height
        for part, height in zip(self.parts, self._heights, strict=True):
            top -= height
            part.drawOn(canvas, x, top, _sW)


class Lead(Flowable):
    """A heading kept with the start of what follows it: on one page with the first
    rows of a table or list (`Grid.lead`), the first lines of a paragraph, or all of
    anything else (a chart, a `KeepTogether`). Moved whole to the next page when that
    start does not fit below it; otherwise the heading, then what follows, which
    splits as it always does."""

    def __init__(self, heading: Flowable, following: Flowable) -> None:
        super().__init__()
        self.heading, self.following = heading, following

    def _gap(self) -> float:
        return max(self.heading.getSpaceAfter(), self.following.getSpaceBefore())

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        # their whole heights (a KeepTogether says "too big" for less than a page's room)
        self._heights = (self._wrap(self.heading, available_width, FRAME_H),
                         self._wrap(self.following, available_width, FRAME_H))  # fmt: skip
        self.width = available_width
        self.height = self._heights[0] + self._gap() + self._heights[1]
        return self.width, self.height

    def start(self, available_width: float) -> float:
        """The height of the heading and of the start that must stay with it."""
        following = self.following
        if isinstance(following, Lead):
            rest = following.start(available_width)
        elif isinstance(following, Grid):
            rest = following.lead()
        elif isinstance(following, Paragraph):
            style = following.style
            rest = min(self._wrap(following, available_width, FRAME_H), 2 * style.leading)
        else:
            rest = self._wrap(following, available_width, FRAME_H)
        return self._wrap(self.heading, available_width, FRAME_H) + self._gap() + rest

    def _wrap(self, flowable: Flowable, width: float, height: float) -> float:
        """A part's height, laid out on this one's canvas (a KeepTogether needs one)."""
        canvas = getattr(self, "canv", None)
        if canvas is None:
            return flowable.wrap(width, height)[1]
        return flowable.wrapOn(canvas, width, height)[1]

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        if self.start(available_width) > available_height:
            return []  # to the next page, whole
        return [self.heading, self.following]

    def getSpaceBefore(self) -> float:
        return self.heading.getSpaceBefore()

    def getSpaceAfter(self) -> float:
        return self.following.getSpaceAfter()

    def drawOn(self, canvas, x: float, y: float, _sW: float = 0) -> None:
        _heading_h, following_h = self._heights
        self.heading.drawOn(canvas, x, y + following_h + self._gap(), _sW)
        self.following.drawOn(canvas, x, y, _sW)


def is_heading(flowable: Flowable) -> bool:
    if isinstance(flowable, Paragraph):
        return flowable.style.name in HEADINGS
    return bool(getattr(flowable, "heading", False)) and not isinstance(flowable, Lead)


def keep_headings(story: list) -> list:
    """The story with each heading (and a heading followed by a subheading) joined to
    what follows it (`Lead`), so that no page ends with a heading."""
    kept: list = []
    for flowable in reversed(story):
        if is_heading(flowable) and kept and not _furniture(kept[-1]):
            kept[-1] = Lead(flowable, kept[-1])
        else:
            kept.append(flowable)
    return kept[::-1]


def _furniture(flowable: Flowable) -> bool:
    """Flowables that lay nothing out: a heading is not joined to them."""
    return type(flowable).__name__ in ("PageBreak", "NextPageTemplate", "CondPageBreak",
                                       "ActionFlowable")  # fmt: skip


def _tree(nodes, letter: str, root_code: str | None = None):
    """(node, branch code, depth) in depth-first order: the roots' children are C1, C2...
    (the map's badges), theirs C1.1...; knowledge roots K1, K2..., their items K1.1...
    With `root_code`, the roots (C0) are named so and their children numbered from 1."""
    children: dict[str | None, list] = {}
    for node in nodes:
        children.setdefault(node.parent, []).append(node)
    out = []
    stack = []
    roots = children.get(None, [])
    if root_code is not None:
        for root in reversed(roots):
            stack.append((root, root_code, 0, f"{letter}"))
    else:
        for number in range(len(roots), 0, -1):
            stack.append((roots[number - 1], f"{letter}{number}", 0, f"{letter}{number}."))
    while stack:
        node, code, depth, prefix = stack.pop()
        out.append((node, code, depth))
        kids = children.get(node.id, [])
        for number in range(len(kids), 0, -1):
            kid_code = f"{prefix}{number}"
            stack.append((kids[number - 1], kid_code, depth + 1, f"{kid_code}."))
    return out


def _dots(count: int) -> str:
    """A count of dots drawn as dots (up to 20, then the figure alone says it)."""
    return f"{'●' * min(count, 20)} {count}"


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
        self.placed: list[tuple[int, str]] = []  # (page, what): a test reads page ends

    def afterFlowable(self, flowable) -> None:
        """Headings become bookmarks of the outline, keyed as the contents expect them;
        the cover and the contents are bookmarks too (not lines of the contents)."""
        if isinstance(flowable, Lead):
            self.placed.append((self.page, "lead"))
            self.afterFlowable(flowable.heading)
            self.afterFlowable(flowable.following)
            return
        kind = "heading" if is_heading(flowable) else type(flowable).__name__
        self.placed.append((self.page, kind))
        if isinstance(flowable, Paragraph) and flowable.style.name in ("title", "contents"):
            key = f"ck-{flowable.style.name}"
            text = (self.report.words["cover"] if flowable.style.name == "title"
                    else flowable.getPlainText())  # fmt: skip
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(text, key, level=0)
            return
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
