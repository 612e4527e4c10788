"""The session inside a PDF report: attached exactly, reopened exactly, refused clearly."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen.canvas import Canvas

from ckstudio.cli import main
from ckstudio.model import limits
from ckstudio.storage import (
    SessionLoadError,
    SessionSaveError,
    attach_session,
    encode,
    load_session,
    save_session,
    session_bytes_from_pdf,
)
from ckstudio.storage import files as files_module
from ckstudio.storage.pdfarchive import NO_SESSION, SESSION_ATTACHMENT, UNREADABLE

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FILES = sorted(EXAMPLES.glob("*.ck.json"))
GARDEN = EXAMPLES / "school-garden-workshop.ck.json"
TITLE = "Atelier « école » — rapport"
CREATOR = "CK Studio tests"


def _plain_pdf() -> bytes:
    """A one-page PDF with a title and a creator, as the report's would be."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.setTitle(TITLE)
    canvas.setCreator(CREATOR)
    canvas.setAuthor("Équipe ecoCIRC")
    canvas.drawString(72, 720, "Workshop report")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _with_attachment(content: bytes, pdf: bytes | None = None, name: str = SESSION_ATTACHMENT):
    """A PDF carrying `content` as an attachment, written with pypdf alone (a tamperer's way)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf or _plain_pdf())))
    writer.add_attachment(name, content)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def _report(tmp_path: Path, source: Path = GARDEN, name: str = "report.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(attach_session(_plain_pdf(), load_session(source)))
    return path


def _attachments(pdf: bytes) -> list:
    return list(PdfReader(io.BytesIO(pdf)).attachment_list)


@pytest.mark.parametrize("example", FILES, ids=lambda path: path.name)
def test_every_example_comes_back_byte_identical_from_a_report(example, tmp_path):
    canonical = encode(load_session(example))
    report = _report(tmp_path, example)
    assert report.read_bytes().startswith(b"%PDF-")
    assert encode(load_session(report)) == canonical
    assert session_bytes_from_pdf(report.read_bytes(), report.name) == canonical


def test_the_examples_are_all_there():
    assert len(FILES) >= 3


def test_the_attachment_is_named_typed_and_described():
    session = load_session(GARDEN)
    (attached,) = _attachments(attach_session(_plain_pdf(), session))
    assert attached.name == "session.ck.json"
    assert attached.alternative_name == "session.ck.json"
    assert attached.subtype == "/application/json"
    assert attached.description == "CK Studio session"
    assert attached.content == encode(session)
    assert attached.size == len(encode(session))


def test_the_documents_metadata_and_pages_are_kept():
    plain = _plain_pdf()
    attached = PdfReader(io.BytesIO(attach_session(plain, load_session(GARDEN))))
    before = PdfReader(io.BytesIO(plain))
    assert attached.metadata.title == TITLE
    assert attached.metadata.creator == CREATOR
    assert attached.metadata == before.metadata
    assert len(attached.pages) == len(before.pages) == 1
    assert "Workshop report" in attached.pages[0].extract_text()


def test_attaching_again_replaces_the_session_and_keeps_other_attachments():
    first, second = (load_session(path) for path in FILES[:2])
    pdf = _with_attachment(b"notes", name="notes.txt")
    twice = attach_session(attach_session(pdf, first), second)
    attached = sorted((file.name, file.content) for file in _attachments(twice))
    assert attached == [("notes.txt", b"notes"), (SESSION_ATTACHMENT, encode(second))]
    assert session_bytes_from_pdf(twice, "twice.pdf") == encode(second)


def test_attaching_to_what_is_not_a_pdf_is_a_value_error():
    with pytest.raises(ValueError, match="not a PDF"):
        attach_session(b"%PDF-1.7\nnothing else", load_session(GARDEN))


def test_validate_and_stats_read_a_report_as_they_read_the_session(tmp_path, capsys):
    session = load_session(GARDEN)
    report = _report(tmp_path)
    assert main(["validate", str(report)]) == 0
    out, err = capsys.readouterr()
    counts = f"concepts: {len(session.concepts)}, knowledge items: {len(session.knowledge)}"
    assert out == f"{report}: valid ({counts}, links: {len(session.links)})\n"
    assert err == ""
    for extra in ([], ["--json"]):
        assert main(["stats", str(GARDEN), *extra]) == 0
        expected = capsys.readouterr().out
        assert main(["stats", str(report), *extra]) == 0
        assert capsys.readouterr().out == expected
    assert json.loads(expected)["counts"]["concepts"] == len(session.concepts)


def _one_line_error(capsys, command: list[str]) -> str:
    assert main(command) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    return err.strip()


def test_a_pdf_without_a_session_is_one_line_naming_it(tmp_path, capsys):
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(_with_attachment(b"{}", name="other.json"))
    line = _one_line_error(capsys, ["validate", str(plain)])
    assert line == f"{plain}: {NO_SESSION}"
    assert "holds no CK Studio session" in line
    assert _one_line_error(capsys, ["stats", str(plain)]) == f"ckstudio: {plain}: {NO_SESSION}"
    with pytest.raises(SessionLoadError, match="holds no CK Studio session") as caught:
        session_bytes_from_pdf(plain.read_bytes(), "archive/plain.pdf")
    assert str(caught.value).startswith("archive/plain.pdf: ")


def _truncated_report() -> bytes:
    whole = attach_session(_plain_pdf(), load_session(GARDEN))
    return whole[: len(whole) // 2]


DAMAGED = {
    "truncated": _truncated_report,
    "garbage": lambda: b"%PDF-1.7\n\x00\xff garbage }} >> endobj\n",
    "header only": lambda: b"%PDF-",
    "random bytes": lambda: b"%PDF-1.4\n" + os.urandom(4096),
}


@pytest.mark.parametrize("kind", DAMAGED)
def test_a_damaged_pdf_is_one_line_not_a_traceback(kind, tmp_path, capsys):
    path = tmp_path / "damaged.pdf"
    path.write_bytes(DAMAGED[kind]())
    assert _one_line_error(capsys, ["validate", str(path)]) == f"{path}: {UNREADABLE}"
    assert _one_line_error(capsys, ["stats", str(path)]) == f"ckstudio: {path}: {UNREADABLE}"


def test_the_command_prints_nothing_of_what_pypdf_repairs(tmp_path):
    """pypdf logs "EOF marker not found" on a cut PDF; the user sees one line only."""
    path = tmp_path / "cut.pdf"
    path.write_bytes(_truncated_report())
    command = [sys.executable, "-m", "ckstudio", "validate", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert done.stderr == f"{path}: {UNREADABLE}\n"


BAD_SESSIONS = {
    "bad JSON": b'{"format": "ckstudio.session", "version": 1,, }\n',
    "not UTF-8": b'{"format": "ckstudio.session", "meta": {"title": "\xe9cole"}}\n',
    "empty": b"\n",
    "an array": b"[1, 2]\n",
    "another format": b'{"format": "something.else", "version": 1}\n',
    "a newer version": b'{"format": "ckstudio.session", "version": 999}\n',
    "duplicate keys": b'{"format": "ckstudio.session", "format": "ckstudio.session"}\n',
}


@pytest.mark.parametrize("kind", BAD_SESSIONS)
def test_a_tampered_session_gives_the_errors_of_the_same_bad_file(kind, tmp_path, capsys):
    content = BAD_SESSIONS[kind]
    as_file = tmp_path / "bad.ck.json"
    as_file.write_bytes(content)
    as_pdf = tmp_path / "bad.pdf"
    as_pdf.write_bytes(_with_attachment(content))
    assert main(["validate", str(as_file)]) == 1
    expected = capsys.readouterr().err.replace(str(as_file), str(as_pdf))
    assert main(["validate", str(as_pdf)]) == 1
    out, err = capsys.readouterr()
    assert (out, err) == ("", expected)
    assert err.startswith(f"{as_pdf}: ")


def test_a_tampered_session_names_the_json_problem(tmp_path, capsys):
    path = tmp_path / "bad.pdf"
    path.write_bytes(_with_attachment(BAD_SESSIONS["bad JSON"]))
    line = _one_line_error(capsys, ["validate", str(path)])
    problem = "not valid JSON: expecting property name enclosed in double quotes"
    assert line == f"{path}: line 1, column 45: {problem}"


def test_a_session_that_breaks_the_rules_is_refused_as_in_a_file(tmp_path, capsys):
    """Valid JSON, wrong content: every problem listed, one line each, as for a file."""
    session = json.loads(GARDEN.read_text("utf-8"))
    session["concepts"][1]["parent"] = "nowhere"
    session["links"].append({"bogus": True})
    content = json.dumps(session).encode()
    (tmp_path / "bad.ck.json").write_bytes(content)
    (tmp_path / "bad.pdf").write_bytes(_with_attachment(content))
    assert main(["validate", str(tmp_path / "bad.ck.json")]) == 1
    expected = capsys.readouterr().err.replace("bad.ck.json", "bad.pdf")
    assert main(["validate", str(tmp_path / "bad.pdf")]) == 1
    err = capsys.readouterr().err
    assert err == expected
    assert err.count("\n") >= 2


def test_two_sessions_in_one_pdf_are_refused(tmp_path):
    path = tmp_path / "two.pdf"
    once = attach_session(_plain_pdf(), load_session(GARDEN))
    path.write_bytes(_with_attachment(GARDEN.read_bytes(), pdf=once))
    with pytest.raises(SessionLoadError, match="more than one CK Studio session"):
        load_session(path)


def test_the_session_inside_meets_the_session_file_limit(tmp_path, monkeypatch):
    report = _report(tmp_path)
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", len(encode(load_session(GARDEN))) - 1)
    with pytest.raises(
        SessionLoadError,
        match=r"the session inside this PDF takes 0\.0 MB, more than the 0 MB allowed",
    ):
        load_session(report)


def test_a_report_may_be_larger_than_a_session_file_but_not_without_bound(tmp_path, monkeypatch):
    session = load_session(GARDEN)
    padded = _with_attachment(os.urandom(200_000), name="map.png")
    report = tmp_path / "big.pdf"
    report.write_bytes(attach_session(padded, session))
    big_file = tmp_path / "big.ck.json"
    big_file.write_bytes(encode(session) + b" " * 200_000)
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 100_000)
    assert len(encode(session)) < limits.MAX_FILE_BYTES < report.stat().st_size
    assert encode(load_session(report)) == encode(session)
    with pytest.raises(SessionLoadError, match=r"the file takes 0\.2 MB, more than the 0 MB"):
        load_session(big_file)
    monkeypatch.setattr(files_module, "MAX_PDF_BYTES", 150_000)
    with pytest.raises(SessionLoadError, match=r"big\.pdf: the PDF takes 0\.2 MB, more than"):
        load_session(report)


def test_a_password_protected_report_is_refused_in_one_sentence(tmp_path):
    writer = PdfWriter(
        clone_from=PdfReader(io.BytesIO(attach_session(_plain_pdf(), load_session(GARDEN))))
    )
    writer.encrypt("secret", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    writer.write(path)
    with pytest.raises(SessionLoadError, match="protected by a password") as caught:
        load_session(path)
    assert len(caught.value.problems) == 1


def test_a_report_encrypted_with_an_empty_password_still_opens(tmp_path):
    session = load_session(GARDEN)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(attach_session(_plain_pdf(), session))))
    writer.encrypt("", owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "restricted.pdf"
    writer.write(path)
    assert encode(load_session(path)) == encode(session)


def test_a_session_opened_from_a_report_is_never_saved_over_it(tmp_path):
    """Opening report.pdf then saving must not put JSON where the report was."""
    report = _report(tmp_path)
    renamed = tmp_path / "report.ck.json"  # a report under a session's name
    renamed.write_bytes(report.read_bytes())
    before = report.read_bytes()
    session = load_session(report)
    for target in (report, renamed, tmp_path / "new.PDF"):
        with pytest.raises(SessionSaveError, match="not saved: this is a PDF report; save the"):
            save_session(session, target)
    assert report.read_bytes() == before
    assert renamed.read_bytes() == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["report.ck.json", "report.pdf"]
    save_session(session, tmp_path / "session.ck.json")
    assert (tmp_path / "session.ck.json").read_bytes() == encode(session)
