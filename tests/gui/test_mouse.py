"""Mouse gestures on the real canvas: select, drag to reparent or reorder, link, pan."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtTest import QTest

from ckstudio.gui.mapitem import qt_path
from tests.gui.conftest import centre_of

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


def press_and_move(window, start: QPoint, end: QPoint, modifiers=NONE) -> None:
    """Press, then move in a few steps (past the drag distance), button still down."""
    viewport = window.canvas.viewport()
    QTest.mousePress(viewport, LEFT, modifiers, start)
    for step in range(1, 6):
        QTest.mouseMove(viewport, start + (end - start) * step / 5)


def drag(window, start: QPoint, end: QPoint, modifiers=NONE) -> None:
    """A whole drag: press, move, release."""
    press_and_move(window, start, end, modifiers)
    QTest.mouseRelease(window.canvas.viewport(), LEFT, modifiers, end)


def empty_point(window) -> QPoint:
    """A point of the viewport with no node and no link under it."""
    canvas = window.canvas
    for x in range(10, canvas.viewport().width() - 130, 20):
        for y in range(10, canvas.viewport().height(), 20):
            point = canvas.mapToScene(QPoint(x, y))
            if canvas.scene_model.node_at(point.x(), point.y()) is None and (
                canvas.link_at(point.x(), point.y()) is None
            ):
                return QPoint(x, y)
    raise AssertionError("no empty place in view")


def small_map(window) -> None:
    """Fit the whole map in the window, so every node can be reached without scrolling."""
    window.canvas.fit_all()


def test_click_selects_and_ctrl_click_adds(window):
    doc, selection = window.workspace.doc, window.workspace.selection
    first, second = doc.children("c", doc.root)[:2]
    small_map(window)
    viewport = window.canvas.viewport()
    QTest.mouseClick(viewport, LEFT, NONE, centre_of(window, first))
    assert selection.ids == (first,)
    QTest.mouseClick(viewport, LEFT, Qt.KeyboardModifier.ControlModifier, centre_of(window, second))
    assert selection.ids == (first, second)
    QTest.mouseClick(viewport, LEFT, Qt.KeyboardModifier.ControlModifier, centre_of(window, first))
    assert selection.ids == (second,)


def test_rubber_band_selects_the_nodes_inside(window):
    doc, selection, scene = window.workspace.doc, window.workspace.selection, window.workspace.scene
    small_map(window)
    box = scene.box(doc.root)
    corner = window.canvas.mapFromScene(box.x - 10, box.y - 10)
    far = window.canvas.mapFromScene(box.x + box.w + 10, box.y + box.h + 10)
    drag(window, corner, far, Qt.KeyboardModifier.ShiftModifier)
    assert selection.ids == (doc.root,)


def test_double_click_opens_the_text_box(window):
    doc = window.workspace.doc
    first = doc.children("c", doc.root)[0]
    QTest.mouseDClick(window.canvas.viewport(), LEFT, NONE, centre_of(window, first))
    assert window.canvas.text_editor.is_open
    assert window.canvas.text_editor.ref == first


def test_drag_onto_a_node_reparents_it_in_one_step(window):
    doc, stack = window.workspace.doc, window.workspace.stack
    first, second = doc.children("c", doc.root)[:2]
    small_map(window)
    drag(window, centre_of(window, second), centre_of(window, first))
    assert doc.concept(second).parent == first
    assert doc.children("c", first)[-1] == second
    assert stack.count() == 1
    stack.undo()
    assert doc.concept(second).parent == doc.root
    assert doc.children("c", doc.root)[:2] == (first, second)


def test_drag_beside_a_sibling_reorders(window):
    doc = window.workspace.doc
    window.workspace.scene.set_orientation("right")
    first, second = doc.children("c", doc.root)[:2]
    small_map(window)
    # the upper edge of the first sibling means "before it" (siblings stack downwards)
    drag(window, centre_of(window, second), centre_of(window, first, 0.5, 0.1))
    assert doc.children("c", doc.root)[:2] == (second, first)


def test_a_node_cannot_go_into_its_own_branch(window):
    doc, stack = window.workspace.doc, window.workspace.stack
    branch = doc.children("c", doc.root)[0]
    inside = doc.children("c", branch)[0]
    small_map(window)
    drag(window, centre_of(window, branch), centre_of(window, inside))
    assert doc.concept(branch).parent == doc.root and stack.count() == 0
    assert "own branch" in window.statusBar().currentMessage()


def test_a_concept_cannot_be_dropped_into_k_space(window):
    doc, stack = window.workspace.doc, window.workspace.stack
    concept = doc.children("c", doc.root)[0]
    pocket = doc.children("k", None)[0]
    small_map(window)
    drag(window, centre_of(window, concept), centre_of(window, pocket))
    assert doc.concept(concept).parent == doc.root and stack.count() == 0
    assert "C-space" in window.statusBar().currentMessage()


def test_the_refused_drop_is_shown_while_dragging(window):
    doc = window.workspace.doc
    concept = doc.children("c", doc.root)[0]
    pocket = doc.children("k", None)[0]
    small_map(window)
    start, end = centre_of(window, concept), centre_of(window, pocket)
    press_and_move(window, start, end)
    assert window.canvas.marks.refused is not None and window.canvas.marks.drop_box is None
    QTest.mouseRelease(window.canvas.viewport(), LEFT, NONE, end)
    assert window.canvas.marks.refused is None


def test_alt_drag_from_a_concept_to_knowledge_links_them(window):
    doc, stack = window.workspace.doc, window.workspace.stack
    concept = doc.children("c", doc.root)[0]
    pocket = doc.children("k", None)[0]
    item = doc.children("k", pocket)[0]
    assert doc.find_link(concept, item, "c_to_k") is None
    small_map(window)
    drag(
        window, centre_of(window, concept), centre_of(window, item), Qt.KeyboardModifier.AltModifier
    )
    assert doc.find_link(concept, item, "c_to_k") is not None and stack.count() == 1
    drag(
        window, centre_of(window, item), centre_of(window, concept), Qt.KeyboardModifier.AltModifier
    )
    assert doc.find_link(concept, item, "k_to_c") is not None


def test_drag_on_empty_space_pans(window):
    canvas = window.canvas
    canvas.actual_size()
    bar = canvas.horizontalScrollBar()
    bar.setValue((bar.minimum() + bar.maximum()) // 2)
    before = bar.value()
    empty = empty_point(window)
    drag(window, empty, empty + QPoint(120, 0))
    assert bar.value() == before - 120


def test_clicking_a_link_selects_it(window):
    doc, scene, canvas = window.workspace.doc, window.workspace.scene, window.canvas
    while scene.pending_links():
        scene.route_some(1.0)
    halfway = {}
    for link in doc.links:
        point = qt_path(scene.routes()[link.id][0]).pointAtPercent(0.5)
        if scene.node_at(point.x(), point.y()) is None:
            halfway[link.id] = point
    point = next(iter(halfway.values()))
    canvas.centerOn(point)
    QTest.mouseClick(canvas.viewport(), LEFT, NONE, canvas.mapFromScene(point))
    (picked,) = window.workspace.selection.ids
    assert doc.has_link(picked)
    assert window.inspector.shown_kind == "links"
    # the picked link is one passing there (links may cross): its line is within reach
    assert qt_path(scene.routes()[picked][0]).intersects(QRectF(point.x() - 4, point.y() - 4, 8, 8))


def test_ctrl_wheel_zooms(window, qtbot):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    canvas = window.canvas
    before = canvas.zoom
    centre = QPointF(canvas.viewport().rect().center())
    event = QWheelEvent(centre, canvas.mapToGlobal(centre), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)  # fmt: skip
    canvas.wheelEvent(event)
    assert canvas.zoom > before


def test_a_click_on_a_selected_node_selects_it_alone(window):
    doc, selection = window.workspace.doc, window.workspace.selection
    first, second = doc.children("c", doc.root)[:2]
    small_map(window)
    selection.set([first, second])
    QTest.mouseClick(window.canvas.viewport(), LEFT, NONE, centre_of(window, first))
    assert selection.ids == (first,)


def test_the_rubber_band_leaves_nodes_it_only_touches(window):
    doc, selection, scene = window.workspace.doc, window.workspace.selection, window.workspace.scene
    small_map(window)
    box = scene.box(doc.root)
    corner = window.canvas.mapFromScene(box.x - 10, box.y - 10)
    half = window.canvas.mapFromScene(box.x + box.w / 2, box.y + box.h + 10)
    drag(window, corner, half, Qt.KeyboardModifier.ShiftModifier)
    assert selection.ids == ()


def test_dragging_near_the_edge_moves_the_view(window):
    doc, canvas = window.workspace.doc, window.canvas
    canvas.actual_size()
    first = doc.children("c", doc.root)[0]
    start = centre_of(window, first)
    bar = canvas.verticalScrollBar()
    before = bar.value()
    assert before < bar.maximum()
    bottom = QPoint(start.x(), canvas.viewport().height() - 5)
    drag(window, start, bottom)
    assert bar.value() > before
