"""Autosave: every N seconds, an edited session is copied to the recovery folder.

The copy is taken on the UI thread as a snapshot (`Document.to_session()`:
immutable records, a few milliseconds for 10,000 concepts); encoding and
writing happen on one worker thread, record by record (`CachedEncoder`), so
the UI thread never waits on the serializer for long (see
`benchmarks/bench_autosave.py`). Deletions happen on the UI thread, after
waiting for the write in flight, so a deleted copy is never written again.

The entry exists while the session holds changes that are nowhere else: it
is written after a change, deleted when the undo stack is clean again (saved,
or undone back to the saved state: the file holds everything) and deleted for
good when the session is closed without a crash.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, QTimer, Signal

from ckstudio.gui.error_text import file_error_text
from ckstudio.gui.recovery import Entry, EntryInfo, RecoveryFolder, now
from ckstudio.gui.workspace import Workspace
from ckstudio.model.pending import TypedEdit, with_typing
from ckstudio.model.problems import one_line
from ckstudio.model.session import Session
from ckstudio.storage import SessionFileError
from ckstudio.storage.incremental import CachedEncoder


class Autosave(QObject):
    """Keeps the recovery entry of the window's open session up to date."""

    written = Signal(str)  # an autosave reached the disk: the entry's session file
    failed = Signal(str)  # an autosave could not be written: one sentence
    _finished = Signal(object)  # from the worker thread: the Future that ended

    def __init__(self, folder: RecoveryFolder, seconds: float, parent: QObject | None = None):
        super().__init__(parent)
        self.folder = folder
        self.entry: Entry | None = None
        self._workspace: Workspace | None = None
        self._changed = False  # the stack moved since the last snapshot
        # Text typed and not yet committed (inspector, map text box), set by the window:
        # the copy holds it too, so minutes of notes are not lost before the field is left.
        self.typing: Callable[[], list[TypedEdit]] = list
        self._typed: list[TypedEdit] = []  # what the last snapshot held of it
        self._pending: Future | None = None
        self._failure = ""  # the last failure told, not repeated at every tick
        self._encoder = CachedEncoder()  # used on the worker thread only
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._finished.connect(self._write_ended)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self.set_interval(seconds)

    def set_interval(self, seconds: float) -> None:
        """Autosave every `seconds` from now on (the preference changed)."""
        self._timer.start(max(1, round(seconds * 1000)))

    @property
    def interval(self) -> float:
        """Seconds between two autosaves."""
        return self._timer.interval() / 1000

    def bind(self, workspace: Workspace) -> None:
        """Follow another session; the previous one's entry goes (it closed cleanly)."""
        self._drop_entry()
        if self._workspace is not None:
            self._workspace.stack.indexChanged.disconnect(self._note_change)
            self._workspace.stack.cleanChanged.disconnect(self._clean_changed)
        self._workspace = workspace
        self._changed, self._typed = False, []
        workspace.stack.indexChanged.connect(self._note_change)
        workspace.stack.cleanChanged.connect(self._clean_changed)

    def adopt(self, entry: Entry) -> None:
        """Make a recovered entry this session's own: it holds the session as it is now."""
        self._drop_entry()
        self.entry = entry

    def close(self) -> None:
        """The window closes cleanly: no entry is left, the worker ends."""
        self._timer.stop()
        self._drop_entry()
        self._worker.shutdown(wait=True)

    def tick(self) -> None:
        """Snapshot the session if it changed, and have the worker write it."""
        workspace = self._workspace
        if workspace is None or self._pending is not None:
            return
        typing = self.typing()
        if not (self._changed or typing != self._typed):
            return
        if workspace.stack.isClean() and not typing:
            return
        if self.entry is None:
            try:
                self.entry = self.folder.create()
            except SessionFileError as error:
                self._tell_failure(error.sentence())
                return
        self._changed, self._typed = False, typing
        doc = workspace.doc
        info = EntryInfo(
            title=doc.meta.title,
            original=workspace.path,
            nodes=doc.node_count("c") + doc.node_count("k"),
            saved=now(),
            base=workspace.stamp,
        )
        snapshot = with_typing(doc.to_session(), typing)
        self._pending = self._worker.submit(self._write, self.entry, snapshot, info)
        self._pending.add_done_callback(self._finished.emit)

    def _write(self, entry: Entry, session: Session, info: EntryInfo) -> None:
        entry.write(self._encoder.encode(session), info)

    def _write_ended(self, future: Future) -> None:
        if future is not self._pending:
            return  # waited for already, when the entry was dropped
        self._pending = None
        error = future.exception()
        clean = self._workspace is not None and self._workspace.stack.isClean()
        clean = clean and not self._typed
        if clean:
            self._clean_changed(True)  # saved while the copy was being written: it is stale
        if error is not None:
            self._changed = True  # try again at the next tick
            sentence = file_error_text(error) if isinstance(error, SessionFileError) else str(error)
            self._tell_failure(one_line(sentence))
            return
        self._failure = ""
        if self.entry is not None and not clean:
            self.written.emit(str(self.entry.session_path))

    def _tell_failure(self, sentence: str) -> None:
        if sentence != self._failure:
            self._failure = sentence
            self.failed.emit(sentence)

    def _note_change(self) -> None:
        self._changed = True

    def _clean_changed(self, clean: bool) -> None:
        """Saved (or undone back to the saved state): the file holds everything."""
        if clean and self.entry is not None and self._pending is None:
            self.entry.clear()
            self._typed = []  # text still being typed is copied again at the next tick

    def _drop_entry(self) -> None:
        if self._pending is not None:
            self._pending.exception()  # waits for the write; a failure no longer matters
            self._pending = None
        if self.entry is not None:
            self.entry.discard()
            self.entry = None
