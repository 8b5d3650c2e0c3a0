"""A colour per government that people can tell apart, and that stays the same from view to view.

The colours come from colorcet's Glasbey palette (256 colours chosen one after another to be as
far as possible from those before, in a perceptual colour space, away from black, white and
grey). From it, :func:`distinct_palette` keeps, in Glasbey's order, the colours at least
:data:`MIN_DISTANCE` (CIELAB ΔE) from each other, from the "other" grey and from the white page:
78 colours that can all be told apart.

- **stable**: a government's colour is picked by a hash of its name, so "Iran" gets the same
  colour in every run where no larger government claims the same colour (the larger one keeps
  it; the smaller takes the next free one); :func:`kg.viz.colours` resolves those claims over a
  whole store, so that every view of it agrees;
- **distinct**: no two governments of a view share a colour while colours are left; the long
  tail beyond them shares the grey of :data:`OTHER` ("other" in the legend).

>>> palette = assign_colours(["United States", "Israel", "Palestinian Authority"])
>>> palette["United States"] == assign_colours(["United States"])["United States"]
True
>>> len(set(palette.values()))
3
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable
from functools import lru_cache

#: The colour of groups that cannot be told apart from those already coloured.
OTHER = "#9e9e9e"
#: The page the colours are drawn on.
BACKGROUND = "#ffffff"
#: Smallest CIELAB distance between two colours given out (ΔE76 ≈ 2.3 is the least difference
#: one can see side by side; small dots and legend keys need far more).
MIN_DISTANCE = 18.0
#: CIELAB lightness of the colours given out: darker ones look black as small dots, lighter ones
#: vanish on the white page.
LIGHTNESS = (30.0, 85.0)


@lru_cache(maxsize=1)
def glasbey() -> tuple[str, ...]:
    """colorcet's Glasbey palette (256 colours, no greys) as ``#rrggbb`` strings."""
    import colorcet

    return tuple(colorcet.palette["glasbey"])


@lru_cache(maxsize=4096)
def lab(colour: str) -> tuple[float, float, float]:
    """CIELAB (D65) coordinates of an sRGB ``#rrggbb`` colour.

    >>> [round(v) for v in lab("#ffffff")]
    [100, 0, 0]
    """
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(colour[i:i + 2], 16) / 255) for i in (1, 3, 5))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def colour_distance(a: str, b: str) -> float:
    """CIELAB ΔE76 between two ``#rrggbb`` colours.

    >>> round(colour_distance("#000000", "#ffffff"))
    100
    """
    return math.dist(lab(a), lab(b))


@lru_cache(maxsize=4)
def distinct_palette(min_distance: float = MIN_DISTANCE) -> tuple[str, ...]:
    """The Glasbey colours, in order, of :data:`LIGHTNESS` and at least ``min_distance`` from
    every colour kept before them, from :data:`OTHER` and from :data:`BACKGROUND`.

    >>> palette = distinct_palette()
    >>> len(palette) > 60 and OTHER not in palette
    True
    """
    kept: list[str] = []
    for candidate in glasbey():
        if LIGHTNESS[0] <= lab(candidate)[0] <= LIGHTNESS[1] and all(colour_distance(candidate, other) >= min_distance
               for other in (*kept, OTHER, BACKGROUND)):
            kept.append(candidate)
    return tuple(kept)


def preferred_slot(group: str, size: int) -> int:
    """Where ``group``'s colour is looked for first: a hash of its name (stable across runs,
    unlike Python's ``hash``)."""
    return int.from_bytes(hashlib.sha256(group.encode("utf-8")).digest()[:8], "big") % size


def assign_colours(groups: Iterable[str],
                   palette: tuple[str, ...] | None = None) -> dict[str, str]:
    """A colour per group, ``groups`` given largest first (the large ones choose first).

    Each group takes the colour of :func:`distinct_palette` at its :func:`preferred_slot` or,
    when a larger group holds it, the next free one; when none is free, :data:`OTHER`.
    """
    palette = palette or distinct_palette()
    holder: dict[int, str] = {}
    result: dict[str, str] = {}
    for group in groups:
        if group in result:
            continue
        start = preferred_slot(group, len(palette))
        result[group] = OTHER
        for step in range(len(palette)):
            slot = (start + step) % len(palette)
            if slot not in holder:
                holder[slot] = group
                result[group] = palette[slot]
                break
    return result
