"""`ckstudio import` and `ckstudio export` as a user runs them: the samples, the round
trip through every format, the refusals (exit 1, one line, nothing written)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ckstudio.cli import main
from ckstudio.interchange.formats import FORMATS
from ckstudio.model.document import Document
from ckstudio.model.session import Session
from ckstudio.storage import load_session

HERE = Path(__file__).resolve().parent
SCHOOL = HERE.parent / "examples" / "ecocirc-groupe-scolaire.ck.json"
SAMPLES = HERE / "data" / "interchange"
OUTLINES = (".mm", ".opml", ".md", ".csv")
READABLE = tuple(suffix for fmt in FORMATS for suffix in fmt.suffixes)


def tree(session: Session, space: str) -> list:
    """A space's texts, nested: [(text, [(text, [...]), ...]), ...]."""
    doc = Document(session, checked=True)

    def branch(parent: str | None) -> list:
        return [(doc.node(space, c).text, branch(c)) for c in doc.children(space, parent)]

    return branch(None)


def good_samples() -> list[Path]:
    """The sample files of the formats' own tests that they read without refusal
    (a sample named *broken*, *cycle*, *latin1* or *bad* is there to be refused)."""
    refused = ("broken", "cycle", "latin1", "bad", "invalid", "deep", "huge")
    files = sorted(p for p in SAMPLES.glob("*") if p.suffix.lower() in READABLE)
    return [p for p in files if not any(word in p.name for word in refused)]


@pytest.mark.parametrize("sample", good_samples(), ids=lambda p: p.name)
def test_every_sample_imports_into_a_valid_session(sample, tmp_path, capsys):
    out = tmp_path / "atelier.ck.json"
    assert main(["import", str(sample), "-o", str(out)]) == 0, capsys.readouterr().err
    session = load_session(out)
    assert len(session.concepts) > 1
    assert "session of" in capsys.readouterr().out


@pytest.mark.parametrize("suffix", OUTLINES)
@pytest.mark.parametrize("space", ["c", "k"])
def test_export_then_import_gives_the_same_tree(suffix, space, tmp_path, capsys):
    exported, back = tmp_path / f"map{suffix}", tmp_path / "back.ck.json"
    assert main(["export", str(SCHOOL), "-o", str(exported), "--space", space]) == 0
    assert main(["import", str(exported), "-o", str(back), "--as", space]) == 0
    original, imported = load_session(SCHOOL), load_session(back)
    assert tree(imported, space) == tree(original, space)
    if space == "c":
        assert imported.concepts[0].text == original.concepts[0].text  # C0 stays C0
    else:
        assert len(imported.concepts) == 1  # only the C0 every session has


def test_csv_round_trip_keeps_themes_and_says_which_it_added(tmp_path, capsys):
    table, back = tmp_path / "notes.csv", tmp_path / "back.ck.json"
    assert main(["export", str(SCHOOL), "-o", str(table)]) == 0
    capsys.readouterr()
    assert main(["import", str(table), "-o", str(back), "--title", "Retour"]) == 0
    warnings = capsys.readouterr().err.splitlines()
    assert warnings and all(line.startswith("ckstudio: warning: ") for line in warnings)
    imported, original = load_session(back), load_session(SCHOOL)
    assert imported.meta.title == "Retour"
    tagged = {c.text for c in imported.concepts if c.tags}
    assert tagged == {c.text for c in original.concepts if c.tags}


def test_from_names_the_format_when_the_suffix_does_not(tmp_path, capsys):
    text = tmp_path / "liste.notes"
    text.write_text("Un groupe scolaire\n  Des classes\n  Une cour\n", encoding="utf-8")
    out = tmp_path / "out.ck.json"
    assert main(["import", str(text), "-o", str(out)]) == 1
    assert not out.exists()
    assert main(["import", str(text), "-o", str(out), "--from", "md", "--lang", "en"]) == 0
    session = load_session(out)
    assert tree(session, "c") == [("Un groupe scolaire", [("Des classes", []), ("Une cour", [])])]
    assert session.meta.language == "en"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("broken.mm", b"<map><node TEXT='A'>"),
        ("latin1.md", "- Caf\u00e9\n  - cr\u00e8me\n".encode("latin-1")),
        ("notes.docx", b"PK\x03\x04"),
    ],
)
def test_a_refused_file_is_one_line_exit_1_and_nothing_written(name, content, tmp_path, capsys):
    source, out = tmp_path / name, tmp_path / "out.ck.json"
    source.write_bytes(content)
    assert main(["import", str(source), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"ckstudio import: {source}: ") and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_a_missing_source_is_exit_1(tmp_path, capsys):
    assert main(["import", str(tmp_path / "absent.mm"), "-o", str(tmp_path / "o.ck.json")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_an_existing_output_needs_force(tmp_path, capsys):
    source, out = tmp_path / "idees.md", tmp_path / "out.ck.json"
    source.write_text("- Une idée\n  - Une autre\n", encoding="utf-8")
    out.write_text("mine", encoding="utf-8")
    assert main(["import", str(source), "-o", str(out)]) == 1
    assert "--force" in capsys.readouterr().err and out.read_text() == "mine"
    assert main(["import", str(source), "-o", str(out), "--force"]) == 0
    assert tree(load_session(out), "c") == [("Une idée", [("Une autre", [])])]


def test_images_are_drawn_by_the_render_code(tmp_path, capsys, qapp):
    svg, png = tmp_path / "map.svg", tmp_path / "map.png"
    assert main(["export", str(SCHOOL), "-o", str(svg), "--space", "k"]) == 0
    assert ET.parse(svg).getroot().tag == "{http://www.w3.org/2000/svg}svg"
    assert main(["render", str(SCHOOL), "-o", str(tmp_path / "r.svg"), "--space", "k"]) == 0
    assert svg.read_bytes() == (tmp_path / "r.svg").read_bytes()
    assert main(["export", str(SCHOOL), "-o", str(png)]) == 0
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_an_unknown_export_suffix_is_a_usage_error(tmp_path, capsys):
    assert main(["export", str(SCHOOL), "-o", str(tmp_path / "map.docx")]) == 2
    assert ".mm" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_an_existing_export_needs_force_and_markdown_takes_its_other_suffixes(tmp_path, capsys):
    out = tmp_path / "plan.markdown"
    assert main(["export", str(SCHOOL), "-o", str(out)]) == 0
    first = out.read_bytes()
    assert first.startswith(b"# ")
    assert main(["export", str(SCHOOL), "-o", str(out), "--space", "k"]) == 1
    assert "--force" in capsys.readouterr().err and out.read_bytes() == first
    assert main(["export", str(SCHOOL), "-o", str(out), "--space", "k", "--force"]) == 0
    assert out.read_bytes() != first


def test_a_file_too_big_says_its_real_size(tmp_path, capsys):
    huge = tmp_path / "huge.md"
    with huge.open("wb") as stream:
        stream.truncate(120_000_000)  # sparse: no disk used
    assert main(["import", str(huge), "-o", str(tmp_path / "out.ck.json")]) == 1
    assert "(120.0 MB, at most 52 MB)" in capsys.readouterr().err


def test_folds_of_a_map_are_said_lost_in_a_session_file(tmp_path, capsys):
    source = tmp_path / "plié.mm"
    source.write_text('<map version="1.0.1"><node TEXT="C0"><node TEXT="a" FOLDED="true">'
                      '<node TEXT="b"/></node></node></map>', encoding="utf-8")  # fmt: skip
    assert main(["import", str(source), "-o", str(tmp_path / "out.ck.json")]) == 0
    assert "folded branches open unfolded" in capsys.readouterr().err
