"""Text measurement and wrapping, as every renderer will draw it."""

from __future__ import annotations

import hypothesis.strategies as st
from hypothesis import given

from ckstudio.layout.fonts import (
    REGULAR_FILE,
    UNKNOWN_WIDTH,
    TextMeasure,
    _widths,
    display_text,
    fallback_files,
)

MEASURE = TextMeasure()


@given(
    text=st.text(st.characters(blacklist_categories=("Cs",)), max_size=200),
    width=st.floats(20, 400),
    bold=st.booleans(),
)
def test_wrapped_lines_fit_and_keep_every_word(text, width, bold):
    lines = MEASURE.wrap(text, width, 11, bold)
    for line in lines:
        one_character = len(line) == 1
        assert one_character or MEASURE.width(line, 11, bold) <= width + 1e-6
    assert "".join("".join(lines).split()) == "".join(display_text(text).split())


def test_french_wraps_at_spaces_and_keeps_no_break_spaces():
    lines = MEASURE.wrap("Une question\u00a0? Oui\u00a0: 12\u202f000\u00a0€ « en cours »", 60, 11)
    assert "question ?" in lines and any("12 000 €" in line for line in lines)


def test_blank_lines_are_kept():
    assert MEASURE.wrap("un\n\ndeux", 100, 11) == ("un", "", "deux")


def test_characters_vera_lacks_are_measured_where_they_are_drawn():
    vera = _widths(str(REGULAR_FILE))
    assert ord("é") in vera and ord("œ") in vera and ord("«") in vera
    assert ord("Ď") not in vera  # Vera maps it to .notdef: a fallback font draws it
    for char, bold in (("Ď", False), ("Д", False), ("Д", True), ("中", False)):
        files = fallback_files(bold)
        found = [_widths(path)[ord(char)] for path in files if ord(char) in _widths(path)]
        assert MEASURE.char_width(char, bold) == (found[0] if found else UNKNOWN_WIDTH)


def test_zero_width_and_combining_characters_take_no_room():
    assert MEASURE.width("e\u0301\u200b", 10) == MEASURE.width("e", 10)
    assert display_text("e\u0301") == "é"
