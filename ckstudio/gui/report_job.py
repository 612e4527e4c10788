"""The worker thread of File > Export report...: the PDF built off the UI thread.

The report is built from a snapshot of the session (records are immutable, so
the editor can go on changing the Document meanwhile) and written atomically
only when whole; Cancel stops it between two sections and writes nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread, Signal

from ckstudio.gui.error_text import file_error_text
from ckstudio.model.problems import one_line
from ckstudio.model.session import Session
from ckstudio.report.builder import report_pdf
from ckstudio.storage import SessionFileError
from ckstudio.storage.files import write_atomically


class Cancelled(Exception):
    """The user pressed Cancel: the report is dropped between two sections."""


class ReportJob(QThread):
    """Builds and writes one report; tells its progress section by section."""

    progressed = Signal(int)  # sections done so far
    finished_ok = Signal(str, list)  # path written, warnings (characters no font draws)
    failed = Signal(str)  # one sentence

    def __init__(self, session: Session, path: Path, language: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.path = path
        self.language = language
        self._cancelled = False
        self._done = 0

    def cancel(self) -> None:
        self._cancelled = True

    def _step(self, section: str) -> None:
        if self._cancelled:
            raise Cancelled
        self.progressed.emit(self._done)
        self._done += 1

    def run(self) -> None:
        try:
            data, missing = report_pdf(self.session, self.language, on_section=self._step)
            if self._cancelled:
                return
            write_atomically(self.path, data, backups=0)
        except Cancelled:
            return
        except SessionFileError as error:
            self.failed.emit(file_error_text(error))
        except Exception as error:  # a report must never take the session down with it
            reason = self.tr("the report could not be made: {error}").format(error=error)
            self.failed.emit(one_line(reason))
        else:
            self.finished_ok.emit(str(self.path), missing.warnings())
