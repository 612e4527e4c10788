"""File > Export report… on the window's side: where to write, the progress bar, the word
after.

The report itself is built by a `ReportJob` on a worker thread; this keeps each job
alive until its thread has ended and stops them all when the window closes, so
neither a freed thread nor a half-written report is ever left behind.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from ckstudio.gui.report_job import ReportJob
from ckstudio.gui.workspace import Workspace
from ckstudio.report.builder import SECTIONS


class ReportHost(Protocol):
    """What the export uses of the window: the session shown and its messages."""

    workspace: Workspace

    def show_message(self, text: str) -> None: ...

    def show_error(self, title: str, sentence: str) -> None: ...


class ReportExporter:
    """The reports one window writes; `parent` (the window itself) owns their dialogs."""

    def __init__(self, host: ReportHost, parent: QWidget) -> None:
        self._host = host
        self._parent = parent
        self.jobs: list[ReportJob] = []  # reports being written (kept alive until done)

    def tr(self, text: str) -> str:
        """`text` in the interface's language, from where lupdate files this class's
        strings: under its own name (the window's `tr` would look under "MainWindow")."""
        return QCoreApplication.translate("ReportExporter", text)

    def export_report(self) -> None:
        """Ask where, then build the report off the UI thread with a progress bar."""
        workspace = self._host.workspace
        stem = (workspace.name or "session").removesuffix(".json").removesuffix(".ck")
        start = workspace.path.with_name(stem + ".pdf") if workspace.path else stem + ".pdf"
        name, _ = QFileDialog.getSaveFileName(
            self._parent, self.tr("Export the report"), str(start), self.tr("PDF (*.pdf)")
        )
        if name:
            self.start(Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf"))

    def start(self, path: Path) -> ReportJob:
        """Write the report of the session shown to `path`, with progress and Cancel."""
        job = ReportJob(self._host.workspace.doc.to_session(), path)
        progress = QProgressDialog(self.tr("Writing the report…"), self.tr("Cancel"), 0,
                                   len(SECTIONS), self._parent)  # fmt: skip
        progress.setWindowTitle(self.tr("Export the report"))
        progress.setMinimumDuration(300)
        job.progressed.connect(progress.setValue)
        progress.canceled.connect(job.cancel)
        job.finished_ok.connect(lambda where, warnings: self._written(where, warnings))
        job.failed.connect(
            lambda sentence: self._host.show_error(self.tr("No report written"), sentence)
        )
        job.finished.connect(progress.reset)
        # Kept until a later export or the window's close: a QThread object must not be
        # freed while its thread is still ending (Qt aborts the process).
        self.jobs = [j for j in self.jobs if not j.isFinished()]
        self.jobs.append(job)
        job.start()
        return job

    def _written(self, where: str, warnings: list[str]) -> None:
        extra = (
            self.tr(" ({n} character(s) no font here draws, shown as ?)").format(n=len(warnings))
            if warnings
            else ""
        )
        self._host.show_message(self.tr("Report written: {path}").format(path=where) + extra)

    def stop_all(self) -> None:
        """The window closes: a report half-written is dropped, never left behind."""
        for job in list(self.jobs):
            job.cancel()
            job.wait()
