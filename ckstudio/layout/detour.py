"""A way around boxes when no straight lane is near: a shortest path on a coarse grid.

Most links find a free lane a few rows from their box (`routing.Lanes`). In a
crowded map some cannot: their box is hemmed in by wider neighbours above and
below. For those, this searches a grid whose columns are the gaps beside the
boxes and whose rows are the lanes' rows, with a cost for every bend, so the
route found is short and simple. The search is capped: a map where even that
fails gets the direct curve, drawn over the boxes, never hidden behind them.
The budget is shared by all the links of a map (`Lanes.detour_steps`), so a
huge crowded map still draws in bounded time.
"""

from __future__ import annotations

import bisect
import heapq

from ckstudio.layout.routing import Lanes, Point

BEND = 40.0  # cost of a bend, in points of length
MAX_STEPS = 3_000  # grid cells one link may look at before giving up
MAP_STEPS = 20_000  # ... and all the links of one space of one map together
GREED = 1.5  # weight of the distance left: a slightly longer path, found much faster
MARGIN_ROWS = 6  # rows above and below all boxes that count as free


def find_detour(lanes: Lanes, start: Point, goal_x: float) -> list[Point] | None:
    """A polyline from `start` (beside a box) to any point at x = `goal_x`, through no box.

    `goal_x` may be left or right of the start: the search goes that way.
    """
    allowed = min(MAX_STEPS, MAP_STEPS - lanes.detour_steps)
    if allowed <= 0:
        return None
    columns = _columns(lanes, start[0], goal_x)
    if len(columns) < 2:
        return None
    first = lanes.row(start[1])
    lowest, highest = -MARGIN_ROWS, len(lanes.lefts) + MARGIN_ROWS
    target = len(columns) - 1
    goal = columns[-1]
    # A*: the horizontal distance left is a lower bound of the remaining cost.
    queue: list[tuple[float, float, int, int, int]] = [
        (GREED * abs(goal - columns[0]), 0.0, 0, first, 0)
    ]
    came_from: dict[tuple[int, int, int], tuple[int, int, int] | None] = {(0, first, 0): None}
    best: dict[tuple[int, int, int], float] = {(0, first, 0): 0.0}
    steps = 0
    while queue and steps < allowed:
        _, cost, column, row, heading = heapq.heappop(queue)
        state = (column, row, heading)
        if cost > best.get(state, float("inf")):
            continue
        if column == target:
            lanes.detour_steps += steps
            return _points(came_from, state, columns, lanes, start)
        steps += 1
        for move, new_column, new_row in _moves(lanes, columns, column, row, lowest, highest):
            length = abs(columns[new_column] - columns[column]) + abs(new_row - row) * lanes.step
            new_cost = cost + length + (BEND if heading and move != heading else 0.0)
            new_state = (new_column, new_row, move)
            if new_cost < best.get(new_state, float("inf")):
                best[new_state] = new_cost
                came_from[new_state] = state
                estimate = new_cost + GREED * abs(goal - columns[new_column])
                heapq.heappush(queue, (estimate, new_cost, new_column, new_row, move))
    lanes.detour_steps += steps
    return None


def _columns(lanes: Lanes, x0: float, goal_x: float) -> list[float]:
    """Candidate x of vertical legs: just outside each box edge between start and goal."""
    sign = 1 if goal_x >= x0 else -1
    start = x0 + sign * (lanes.clearance + 1.0)
    low, high = sorted((start, goal_x))
    edges = _edges(lanes)
    inside = edges[bisect.bisect_right(edges, low) : bisect.bisect_left(edges, high)]
    return sorted({start, goal_x, *inside}, reverse=sign < 0)


def _edges(lanes: Lanes) -> list[float]:
    """Every x just outside a box's side, sorted; computed once per set of lanes."""
    if lanes.edges is None:
        margin = lanes.clearance + 1.0
        found = {x for b in lanes.boxes for x in (b.x - margin, b.right + margin)}
        lanes.edges = sorted(found)
    return lanes.edges


def _moves(lanes: Lanes, columns: list[float], column: int, row: int, lowest: int, highest: int):
    """Free neighbouring cells: along the row to the next column, or one row up or down."""
    for step in (1, -1):
        other = column + step
        if 0 <= other < len(columns) and _row_free(lanes, row, columns[column], columns[other]):
            yield (1 if step > 0 else 3), other, row
    for step in (1, -1):
        other = row + step
        if lowest <= other <= highest and not _covered(lanes, other, columns[column]):
            yield (2 if step > 0 else 4), column, other


def _row_free(lanes: Lanes, row: int, x_a: float, x_b: float) -> bool:
    if not 0 <= row < len(lanes.lefts):
        return True
    low, high = min(x_a, x_b), max(x_a, x_b)
    lefts, rights = lanes.lefts[row], lanes.rights[row]
    index = bisect.bisect_left(lefts, high) - 1
    return index < 0 or rights[index] < low


def _covered(lanes: Lanes, row: int, x: float) -> bool:
    if not 0 <= row < len(lanes.lefts):
        return False
    index = bisect.bisect_right(lanes.lefts[row], x) - 1
    return index >= 0 and lanes.rights[row][index] >= x


def _points(came_from, state, columns: list[float], lanes: Lanes, start: Point) -> list[Point]:
    """The path's corners, from the start point on, on the rows' middle lines."""
    cells = []
    while state is not None:
        cells.append((columns[state[0]], lanes.y_of(state[1])))
        state = came_from[state]
    cells.reverse()
    points = [start, (cells[0][0], start[1])]
    for cell in cells:
        if cell[0] == points[-1][0] or cell[1] == points[-1][1]:
            points.append(cell)
        else:
            points += [(cell[0], points[-1][1]), cell]
    return _corners_only(points)


def _corners_only(points: list[Point]) -> list[Point]:
    kept = [points[0]]
    for before, here, after in zip(points, points[1:], points[2:], strict=False):
        straight = (before[0] == here[0] == after[0]) or (before[1] == here[1] == after[1])
        if not straight and here != kept[-1]:
            kept.append(here)
    kept.append(points[-1])
    return kept
