"""The `ckstudio` command: the window by default, sub-commands for headless work.

Exit codes: 0 success, 1 a file is invalid or could not be written, 2 wrong
usage (argparse's own convention).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from ckstudio import __version__
from ckstudio.desktop import install_command
from ckstudio.interchange.formats import (
    EXPORT_SUFFIXES,
    FORMAT_KEYS,
    export_session,
    import_outline,
    read_source,
)
from ckstudio.interchange.graft import session_from
from ckstudio.interchange.outline import ImportRefused
from ckstudio.layout.ckmap import MapOptions, build_map
from ckstudio.layout.drawing import Drawing
from ckstudio.layout.svg import write_svg
from ckstudio.model.metrics import compute_metrics
from ckstudio.model.problems import one_line
from ckstudio.model.templates import LANGUAGES, new_session
from ckstudio.report.builder import SECTIONS, report_pdf
from ckstudio.report.pdfdraw import pdf_bytes
from ckstudio.stats_table import format_stats
from ckstudio.storage import SessionFileError, load_session, save_session
from ckstudio.storage.files import write_atomically
from ckstudio.storage.schema import schema_text

SUBCOMMANDS = (
    "validate",
    "stats",
    "new",
    "schema",
    "render",
    "report",
    "import",
    "export",
    "install-desktop",
)
RENDER_FORMATS = (".svg", ".png", ".pdf")
EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # the shell's convention for Ctrl+C
INTERFACE_LANGUAGES = ("fr", "en")  # the window's (ckstudio.gui.i18n.LANGUAGES, without Qt)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments or (arguments[0] not in SUBCOMMANDS and not _is_option(arguments[0])):
        return _open_window(arguments)
    options = _parser().parse_args(arguments)
    try:
        return options.run(options)
    except BrokenPipeError:  # `ckstudio stats FILE | head` closed the pipe: not an error
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        return _fail("interrupted", EXIT_INTERRUPTED)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ckstudio",
        description="CK Studio: C-K design-theory co-creation workshops. "
        "With no command, `ckstudio [--lang fr|en] [FILE]` opens the window "
        "(in French or English; by default the Preferences' choice).",
        epilog="Session files are UTF-8 JSON named NAME.ck.json; see docs/file-format.md.",
    )
    parser.add_argument("--version", action="version", version=f"ckstudio {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    validate = commands.add_parser("validate", help="check session files; exit 1 if one is bad")
    validate.add_argument("files", nargs="+", metavar="FILE", type=Path)
    validate.set_defaults(run=_validate)

    stats = commands.add_parser("stats", help="print the measures of a session")
    stats.add_argument("file", metavar="FILE", type=Path)
    stats.add_argument("--json", action="store_true", help="print JSON instead of a table")
    stats.set_defaults(run=_stats)

    new = commands.add_parser("new", help="write a new session holding C0 and default themes")
    new.add_argument("-o", "--output", required=True, metavar="FILE", type=Path)
    new.add_argument("--title", required=True, help="the workshop's title")
    new.add_argument("--c0", metavar="TEXT", help="the initial concept C0")
    new.add_argument("--lang", choices=LANGUAGES, default="fr", help="language (default: fr)")
    new.add_argument("--force", action="store_true", help="replace an existing file")
    new.set_defaults(run=_new)

    schema = commands.add_parser("schema", help="print the JSON Schema of session files")
    schema.set_defaults(run=_schema)

    render = commands.add_parser("render", help="draw the C-K map as an SVG, PNG or PDF file")
    render.add_argument("file", metavar="FILE", type=Path)
    render.add_argument("-o", "--output", required=True, metavar="OUT.svg|OUT.png|OUT.pdf",
                        type=Path)  # fmt: skip
    render.add_argument("--space", choices=("c", "k", "both"), default="both",
                        help="which space to draw (default: both)")  # fmt: skip
    render.add_argument("--orientation", choices=("down", "right"), default="down",
                        help="trees grow down (default) or to the right")  # fmt: skip
    render.add_argument("--scale", type=_scale, default=1.0,
                        help="PNG pixels per point (default: 1)")  # fmt: skip
    render.set_defaults(run=_render)

    report = commands.add_parser("report", help="write the PDF workshop report of a session")
    report.add_argument("file", metavar="FILE", type=Path)
    report.add_argument("-o", "--output", required=True, metavar="OUT.pdf", type=Path)
    report.add_argument("--lang", choices=LANGUAGES,
                        help="language of the report (default: the session's)")  # fmt: skip
    report.add_argument(
        "--sections",
        type=_sections,
        default=SECTIONS,
        metavar="NAME,...",
        help=f"sections to include, among {','.join(SECTIONS)} (default: all)",
    )
    report.set_defaults(run=_report)
    _interchange_parsers(commands)

    desktop = commands.add_parser(
        "install-desktop", help="add CK Studio to this user's menu; *.ck.json files open in it"
    )
    desktop.add_argument("--data-home", type=Path, metavar="DIR",
                         help="default: $XDG_DATA_HOME or ~/.local/share")  # fmt: skip
    desktop.set_defaults(run=install_command)
    return parser


def _interchange_parsers(commands: argparse._SubParsersAction) -> None:
    """`import` and `export`: sessions from and to mind maps, outlines, CSV tables."""
    take = commands.add_parser(
        "import", help="make a session of a mind map (.mm), outline (.opml, .md, .txt) or CSV table"
    )
    take.add_argument("file", metavar="SRC", type=Path)
    take.add_argument("-o", "--output", required=True, metavar="OUT.ck.json", type=Path)
    take.add_argument("--from", dest="source_format", choices=FORMAT_KEYS,
                      help="the format of SRC, when its suffix does not say it")  # fmt: skip
    take.add_argument("--as", dest="space", choices=("c", "k"), default="c",
                      help="the tree becomes the C-space (default; a single root is C0) "
                      "or the K-space (a single root's children are the pockets)")  # fmt: skip
    take.add_argument("--title", help="the workshop's title (default: the file's, or its name)")
    take.add_argument("--lang", choices=LANGUAGES, default="fr", help="language (default: fr)")
    take.add_argument("--force", action="store_true", help="replace an existing file")
    take.set_defaults(run=_import)

    give = commands.add_parser(
        "export", help="write a session as a mind map, outline, CSV table or image"
    )
    give.add_argument("file", metavar="SESSION", type=Path)
    give.add_argument("-o", "--output", required=True, type=Path,
                      metavar="OUT.mm|OUT.opml|OUT.md|OUT.csv|OUT.png|OUT.svg")  # fmt: skip
    give.add_argument("--space", choices=("c", "k"),
                      help="the space to write (outlines: c by default; images: both by "
                      "default; a CSV table always holds both)")  # fmt: skip
    give.add_argument("--force", action="store_true", help="replace OUT if it exists")
    give.set_defaults(run=_export)


def _scale(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0.05 <= value <= 20:
        raise argparse.ArgumentTypeError("the scale must be between 0.05 and 20")
    return value


def _sections(text: str) -> tuple[str, ...]:
    chosen = tuple(name.strip() for name in text.split(",") if name.strip())
    unknown = [name for name in chosen if name not in SECTIONS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(
            f"unknown section {unknown[0]!r}" if unknown else "name at least one section"
        )
    return chosen


def _fail(message: str, code: int = EXIT_INVALID) -> int:
    print(f"ckstudio: {message}", file=sys.stderr)
    return code


def _is_option(argument: str) -> bool:
    """An option of the command itself (--help, --version); --lang belongs to the window."""
    return argument.startswith("-") and argument.split("=")[0] != "--lang"


def _open_window(arguments: list[str]) -> int:
    """`ckstudio` opens a new session, `ckstudio FILE` that file; `--lang fr|en` sets
    the interface's language for this run."""
    parser = argparse.ArgumentParser(prog="ckstudio", usage="%(prog)s [--lang fr|en] [FILE]")
    parser.add_argument("--lang", choices=INTERFACE_LANGUAGES)
    parser.add_argument("files", nargs="*", metavar="FILE", type=Path)
    options = parser.parse_args(arguments)
    if len(options.files) > 1:
        return _fail("give at most one session file to open (see ckstudio --help)", EXIT_USAGE)
    from ckstudio.gui.app import run  # Qt is loaded only for the window

    return run(options.files[0] if options.files else None, options.lang)


def _say(line: str) -> None:
    """Print to stdout; once the reader has gone (`| head`), print to nowhere.

    The command goes on, so its exit code still says whether every file was valid.
    """
    try:
        print(line)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _validate(options: argparse.Namespace) -> int:
    code = EXIT_OK
    for path in options.files:
        try:
            session = load_session(path)
        except SessionFileError as error:
            print("\n".join(error.lines()), file=sys.stderr)
            code = EXIT_INVALID
            continue
        _say(
            f"{one_line(str(path))}: valid (concepts: {len(session.concepts)}, "
            f"knowledge items: {len(session.knowledge)}, links: {len(session.links)})"
        )
    return code


def _stats(options: argparse.Namespace) -> int:
    try:
        session = load_session(options.file)
    except SessionFileError as error:
        return _fail(error.sentence())
    metrics = compute_metrics(session)
    if options.json:
        sys.stdout.write(json.dumps(metrics, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(format_stats(metrics))
    return EXIT_OK


def _new(options: argparse.Namespace) -> int:
    if options.output.exists() and not options.force:
        return _fail(f"{one_line(str(options.output))} exists already; add --force to replace it")
    try:
        session = new_session(options.title, options.c0, options.lang)
    except ValueError as error:
        return _fail(f"cannot make that session: {_first_error(error)}", EXIT_USAGE)
    try:
        save_session(session, options.output)
    except SessionFileError as error:
        return _fail(error.sentence())
    print(f"{one_line(str(options.output))}: new session written")
    return EXIT_OK


def _first_error(error: ValueError) -> str:
    errors = getattr(error, "errors", None)
    if errors is None:
        return str(error)
    first = errors()[0]
    return f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}"


def _render(options: argparse.Namespace) -> int:
    suffix = options.output.suffix.lower()
    if suffix not in RENDER_FORMATS:
        return _fail(
            f"the output must end in .svg, .png or .pdf, not {suffix or 'nothing'!r}", EXIT_USAGE
        )
    try:
        session = load_session(options.file)
    except SessionFileError as error:
        return _fail(error.sentence())
    map_options = MapOptions(space=options.space, orientation=options.orientation)
    drawing = build_map(session, map_options)
    memory = "not enough memory for that image: try a smaller --scale"
    made = _write(options.output, lambda: _image(drawing, suffix, options.scale), memory)
    return made if made != EXIT_OK else _done(f"{one_line(str(options.output))}: map written")


def _write(output: Path, produce: Callable[[], bytes], memory: str) -> int:
    """Write what `produce` makes at `output`, atomically; a failure is one line."""
    try:
        write_atomically(output, produce(), backups=0)
    except ValueError as error:  # an image too large to allocate
        return _fail(str(error))
    except MemoryError:
        return _fail(memory)
    except SessionFileError as error:
        return _fail(error.sentence())
    return EXIT_OK


def _done(said: str) -> int:
    print(said)
    return EXIT_OK


def _report(options: argparse.Namespace) -> int:
    if options.output.suffix.lower() != ".pdf":
        return _fail("the report is a PDF: name it OUT.pdf", EXIT_USAGE)
    try:
        session = load_session(options.file)
    except SessionFileError as error:
        return _fail(error.sentence())
    data, missing = report_pdf(session, options.lang, options.sections)
    for warning in missing.warnings():
        print(f"ckstudio: warning: {warning}", file=sys.stderr)
    try:
        write_atomically(options.output, data, backups=0)
    except SessionFileError as error:
        return _fail(error.sentence())
    print(f"{one_line(str(options.output))}: report written")
    return EXIT_OK


_NO_FOLDS = "folded branches open unfolded: session files keep no folds"


def _import(options: argparse.Namespace) -> int:
    """A new session file holding the tree read from SRC; nothing is written on refusal."""
    source, output = options.file, options.output
    if output.exists() and not options.force:
        return _fail(f"{one_line(str(output))} exists already; add --force to replace it")
    try:
        data = read_source(source)
        outline = import_outline(source, data, options.source_format, options.space)
        title = options.title or outline.title or source.name.split(".")[0] or source.name
        session, grafted = session_from(outline, options.space, title, options.lang)
    except ImportRefused as error:
        return _refused(source, error.message)
    except ValueError as error:  # more than a session may hold, a title too long
        return _refused(source, _first_error(error))
    try:
        save_session(session, output)
    except SessionFileError as error:
        return _fail(error.sentence())
    for warning in [*grafted.warnings, *([_NO_FOLDS] if grafted.folded else [])]:
        print(f"ckstudio: warning: {one_line(warning)}", file=sys.stderr)
    nodes = len(session.concepts) + len(session.knowledge)
    print(f"{one_line(str(output))}: session of {nodes} nodes written")
    return EXIT_OK


def _refused(source: Path, sentence: str) -> int:
    print(f"ckstudio import: {one_line(str(source))}: {one_line(sentence)}", file=sys.stderr)
    return EXIT_INVALID


def _export(options: argparse.Namespace) -> int:
    """One space of a session (or a CSV of both, or the map's picture) in another format."""
    suffix = options.output.suffix.lower()
    images = tuple(f for f in RENDER_FORMATS if f != ".pdf")
    if suffix not in EXPORT_SUFFIXES + images:
        wanted = ", ".join(EXPORT_SUFFIXES + images)
        return _fail(f"the output must end in {wanted}, not {suffix or 'nothing'!r}", EXIT_USAGE)
    if options.output.exists() and not options.force:
        return _fail(f"{one_line(str(options.output))} exists already; add --force to replace it")
    try:
        session = load_session(options.file)
    except SessionFileError as error:
        return _fail(error.sentence())

    def produce() -> bytes:
        if suffix in images:
            drawing = build_map(session, MapOptions(space=options.space or "both"))
            return _image(drawing, suffix, 1.0)
        return export_session(session, options.space or "c", suffix)

    made = _write(options.output, produce, "not enough memory for that image")
    return made if made != EXIT_OK else _done(f"{one_line(str(options.output))}: written")


def _image(drawing: Drawing, suffix: str, scale: float) -> bytes:
    if suffix == ".png":
        return _png(drawing, scale)
    if suffix == ".svg":
        return write_svg(drawing).encode()
    data, missing = pdf_bytes(drawing)
    for warning in missing.warnings():
        print(f"ckstudio: warning: {warning}", file=sys.stderr)
    return data


def _png(drawing: Drawing, scale: float) -> bytes:
    """PNG bytes through Qt, which needs no display: rendering never opens a window.

    Offscreen even when the environment names another platform (xcb with no
    display would abort the process), unless Qt is already running.
    """
    if "PySide6.QtGui" not in sys.modules:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from ckstudio.gui.painter import png_bytes

    return png_bytes(drawing, scale)


def _schema(options: argparse.Namespace) -> int:
    sys.stdout.write(schema_text())
    return EXIT_OK
