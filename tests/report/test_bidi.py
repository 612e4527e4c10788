"""Right-to-left text in the PDF: Arabic shaped, lines in visual order, letters extractable."""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from ckstudio.layout.fonts import shared_measure
from ckstudio.model import Document, edits
from ckstudio.model.templates import new_session
from ckstudio.report import bidi
from ckstudio.report.bidi import actual_text, needs_visual, visual
from ckstudio.report.builder import report_pdf
from ckstudio.report.pdfdraw import font_finder

SCHOOL = "مدرسة دائرية"  # "a circular school"
# The same letters as drawn left to right: each word's letters reversed, in their
# contextual forms, the words swapped (د ا ر do not join the letter after them).
SCHOOL_DRAWN = (
    "\ufe94\ufef3\ufeae\ufe8b\ufe8d\ufea9"  # ة final, ي initial, ر final, ئ initial, ا, د
    " "
    "\ufe94\ufeb3\ufead\ufeaa\ufee3"  # ة final, س initial, ر isolated, د final, م initial
)
FRENCH = "Une cour appelée « الحديقة » par les enfants"  # "the garden"
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def test_the_arabic_font_is_there():
    """scripts/dev.sh installs DejaVu Sans; without it every Arabic test below is moot."""
    assert DEJAVU in shared_measure().files()


def test_arabic_is_shaped_and_right_to_left():
    assert visual(SCHOOL) == SCHOOL_DRAWN
    assert unicodedata.normalize("NFKC", SCHOOL_DRAWN) == SCHOOL[::-1]  # its letters, reversed
    name = visual("ليلى")  # "Layla": initial, medial, medial, final
    assert name == "\ufef0\ufee0\ufef4\ufedf"
    forms = [unicodedata.name(c).split()[-2] for c in name]
    assert forms == ["FINAL", "MEDIAL", "MEDIAL", "INITIAL"]


def test_a_french_sentence_keeps_its_words_in_order():
    shown = visual(FRENCH)
    assert shown.startswith("Une cour appelée « ") and shown.endswith(" » par les enfants")
    assert unicodedata.normalize("NFKC", shown) == FRENCH.replace("الحديقة", "الحديقة"[::-1])
    # within a right-to-left paragraph, the French goes to the left as a block
    assert visual(FRENCH, base="R").startswith("par les enfants")


def test_brackets_are_mirrored_and_marks_go_where_the_font_draws_them():
    assert visual("عربي (2024)") == "(2024) \ufef2\ufe91\ufeae\ufecb"
    assert visual("نص [x] «y»").startswith("«y» [x] ")
    # a mark follows its letter, unless the font draws it over the glyph after it
    assert visual("بَت") == "\ufe96\ufe91\u064e"
    assert visual("بَت", mark_ahead=lambda mark: True) == "\ufe96\u064e\ufe91"
    assert visual("שָׁלוֹם") == "םוֹלשָׁ"
    assert visual("é بَت", mark_ahead=lambda mark: True).startswith("é ")  # Latin: after


def test_dejavu_draws_arabic_and_hebrew_marks_over_the_glyph_after_them():
    font_of, ahead = font_finder(shared_measure(), False)
    assert ahead("\u064e") and ahead("\u0651") and ahead("\u05b8")  # fatha, shadda, qamats
    assert not ahead("\u0301")  # Latin acute: over the glyph before, as é is typed
    assert visual("بَت", font_of, ahead) == "\ufe96\u064e\ufe91"


def test_lines_without_right_to_left_text_are_untouched():
    for line in ("", "Une école « ouverte »", "Αθηνά Петрова 王小明", "a (b) [c]", "e\u0301"):
        assert not needs_visual(line)
        assert visual(line) is line  # the very string: nothing done


def test_python_bidi_still_reports_its_levels():
    """The levels are read from python-bidi's debug report (see `bidi`): were it to
    change shape, the order would stay right but brackets would go unmirrored."""
    assert bidi._levels("ab (ت)", "R") == [2, 2, 1, 1, 1, 1]


def test_a_form_the_font_lacks_stays_its_plain_letter():
    def font_of(char):
        return "other" if char == "\ufeb3" else "dejavu"  # no initial seen here

    assert "\u0633" in visual(SCHOOL, font_of) and "\ufeb3" not in visual(SCHOOL, font_of)


def test_actual_text_gives_the_letters_of_the_forms_in_drawn_order():
    assert actual_text("abc") is None and actual_text("\u0645") is None
    assert actual_text("\ufefb") == "<FEFF06270644>"  # lam-alef: alef then lam, as drawn
    assert actual_text("\ufee3x") == "<FEFF06450078>"


def arabic_report() -> tuple[bytes, Document]:
    doc = Document(new_session("Atelier"))
    doc.apply(edits.add_concept(doc, doc.root, SCHOOL))
    doc.apply(edits.add_concept(doc, doc.root, FRENCH))
    doc.apply(edits.add_participant(doc, "ليلى حداد", "ecoCIRC"))
    data, missing = report_pdf(doc.to_session(), sections=("map", "people", "appendix"))
    assert missing.chars == {}
    return data, doc


def drawn_text(data: bytes) -> str:
    """What pypdf reads: the glyphs' characters (it ignores /ActualText)."""
    return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def test_the_report_draws_contextual_forms_in_visual_order():
    data, _ = arabic_report()
    drawn = drawn_text(data)
    assert re.search("[\ufe70-\ufefe]", drawn)  # presentation forms drawn...
    assert not re.search("[\u0621-\u064a]", drawn)  # ...never a plain Arabic letter
    # pypdf puts each right-to-left run back in reading order itself: the words'
    # letters come out as typed, in their contextual forms
    found = set(unicodedata.normalize("NFKC", drawn).split())
    for word in (*SCHOOL.split(), "الحديقة", "ليلى", "حداد", "Une", "enfants"):
        assert word in found, word


def test_the_first_arabic_word_is_drawn_rightmost_and_french_stays_in_order():
    data, _ = arabic_report()
    runs: dict[str, list[float]] = {}

    def visit(text, cm, tm, font, size):  # each run as pypdf reads it, where it starts
        runs.setdefault(unicodedata.normalize("NFKC", text.strip()), []).append(tm[4])

    PdfReader(io.BytesIO(data)).pages[-1].extract_text(visitor_text=visit)  # the appendix
    first, second = SCHOOL.split()
    assert runs[first][0] > runs[second][0]  # right to left
    assert runs["Une cour appelée «"][0] < runs["الحديقة"][0] < runs["» par les enfants"][0]


def test_pdftotext_gives_the_letters_back_in_reading_order(tmp_path):
    data, _ = arabic_report()
    out = tmp_path / "report.pdf"
    out.write_bytes(data)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    text = re.sub("[\u202a-\u202e]", "", text)  # its embedding marks around RTL text
    assert SCHOOL in text and "الحديقة" in text and "ليلى حداد" in text
    assert not re.search("[\ufe70-\ufefe]", text)  # letters, not forms (/ActualText)
    done = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cs",)), max_size=40))
def test_visual_keeps_every_letter(text):
    """Reordering loses nothing: the same characters, but for shaping (forms, and
    the zero-width joiners the shaper uses up) and mirroring."""
    shown = visual(text)
    if not needs_visual(text):
        assert shown == text
        return

    def letters(s: str) -> list[str]:
        plain = unicodedata.normalize("NFKD", s).replace("\u200d", "")
        return sorted(min(c, bidi.MIRRORED.get(c, c)) for c in plain)

    assert letters(shown) == letters(text)
