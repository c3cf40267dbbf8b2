"""How spans stack when drawn: outer spans on the lowest band, nested ones above."""

from __future__ import annotations

import heapq
from collections.abc import Sequence


def stacking_depths(
    ranges: Sequence[tuple[int, int]], held: Sequence[tuple[int, int]] = ()
) -> list[int]:
    """Give each half-open range the lowest band no overlapping range already holds.

    Ranges are taken outermost first (by start, then longest), so a container gets
    its band before the spans nested in it, and overlapping spans never share one.
    ``held`` are (end, depth) of ranges stacked before these, each starting before
    every one of these (a long document's spans shown a page at a time): their
    bands stay theirs until they end.
    """
    active: list[tuple[int, int]] = []  # (end, depth) of ranges still open
    if held:
        first = min(start for start, _ in ranges)
        active = [(end, depth) for end, depth in held if end > first]
    if not active and _none_overlap(ranges):
        return [0] * len(ranges)  # the common case, in one pass: every span on the lowest band
    order = sorted(range(len(ranges)), key=lambda i: (ranges[i][0], -ranges[i][1], i))
    depths = [0] * len(ranges)
    heapq.heapify(active)
    next_depth = max((depth for _, depth in active), default=-1) + 1
    taken = {depth for _, depth in active}
    free = [depth for depth in range(next_depth) if depth not in taken]  # sorted: a heap
    for i in order:
        start, end = ranges[i]
        while active and active[0][0] <= start:
            _, depth = heapq.heappop(active)
            heapq.heappush(free, depth)
        if free:
            depth = heapq.heappop(free)
        else:
            depth = next_depth
            next_depth += 1
        depths[i] = depth
        heapq.heappush(active, (end, depth))
    return depths


def _none_overlap(ranges: Sequence[tuple[int, int]]) -> bool:
    """Whether the ranges, in this order, each start at or after the end of those before."""
    reached = 0
    for start, end in ranges:
        if start < reached:
            return False
        reached = end
    return True
