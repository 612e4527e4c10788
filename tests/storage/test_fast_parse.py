"""The quick parse of sound files must agree with the careful one, and never
let a key given twice slip through (pydantic alone keeps the last silently)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import hypothesis.strategies as st
import pytest
from hypothesis import given

from ckstudio.model import Document, edits
from ckstudio.model.templates import new_session
from ckstudio.storage import codec, decode, encode

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ecocirc-groupe-scolaire.ck.json"
TEXT = EXAMPLE.read_text(encoding="utf-8")
KEY_LINES = [m.start() for m in re.finditer(r'^ +"(text|reach|id|notes|count|by)": ', TEXT, re.M)]


def careful(text: str):
    return codec._validate(codec._migrated(codec._parse_json(text)))


def test_the_examples_take_the_quick_path_and_agree_with_the_careful_one():
    assert codec._parse_directly(TEXT) == (careful(TEXT), 0)


@given(line=st.sampled_from(KEY_LINES), space=st.sampled_from(["", " ", "\t", "\n  "]))
def test_a_key_given_twice_is_always_refused(line, space):
    end = TEXT.index("\n", line)
    key_line = TEXT[line:end].rstrip(",")
    key, value = key_line.split(":", 1)
    doubled = TEXT[:line] + f"{key}{space}:{value},\n" + TEXT[line:]
    with pytest.raises(codec.ParseError, match="appears twice"):
        decode(doubled.encode("utf-8"))


@given(text=st.text(alphabet=st.sampled_from(list('":\\ {}[],ab\n')), max_size=30))
def test_texts_full_of_json_punctuation_load_back_identically(text):
    doc = Document(new_session("Atelier"))
    doc.apply(edits.add_concept(doc, doc.root, text, notes=f'"{text}":'))
    data = encode(doc.to_session())
    assert encode(decode(data)) == data


def test_a_key_written_with_spaces_before_the_colon_still_loads():
    data = json.loads(TEXT)
    spaced = json.dumps(data, ensure_ascii=False, indent=2, separators=(",", " : "))
    assert codec._parse_directly(spaced) == (None, 0)
    assert decode(spaced.encode("utf-8")) == careful(TEXT)
