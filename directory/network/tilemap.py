"""A tile map of the 16 Länder: one square per Land (lands.py), shaded by its value in steps.

Drawn by templates/network/tilemap.html from the numbers here: SVG geometry and presentation
attributes only (the CSP forbids inline styles)."""

import math

from django.utils.formats import number_format
from django.utils.translation import gettext

from .lands import LANDS

TILE = 64  # a tile's side, in SVG user units
GAP = 4
# Light to dark blue; the text on the two darkest steps is white (contrast at least 4.5:1).
SHADES = ["#f8f9fa", "#deebf7", "#9ecae1", "#6baed6", "#2171b5", "#08306b"]
DARK_FROM = 4


def upper_bound(top, step, steps, decimals):
    bound = top * step / steps
    return round(bound, 1) if decimals else math.ceil(bound)


def steps_of(top, decimals):
    """[(step, upper bound)]: the legend's steps, the largest value the last bound. Where two
    steps round to the same bound, the darker one stays."""
    steps = len(SHADES) - 1
    found = []
    for step in range(1, steps + 1):
        bound = upper_bound(top, step, steps, decimals)
        if found and found[-1][1] == bound:
            found[-1] = (step, bound)
        elif bound > 0:
            found.append((step, bound))
    return found


def step_of(value, bounds):
    """0 for nothing, else the first step whose bound the value does not exceed."""
    if not value:
        return 0
    return next((step for step, bound in bounds if value <= bound), bounds[-1][0])


def shown(value, decimals):
    return number_format(value, 1 if decimals else 0, use_l10n=True)


def tile_map(values, decimals=False):
    """(tiles, legend) for {Land name: value}: every one of the 16 Länder gets a tile (0 if
    it has no value); `decimals` for values like "per 100,000 inhabitants"."""
    top = max(values.values(), default=0)
    bounds = steps_of(top, decimals) if top else []
    tiles = []
    for land in LANDS:
        value = values.get(land.name, 0)
        step = step_of(value, bounds)
        x, y = land.column * (TILE + GAP), land.row * (TILE + GAP)
        tiles.append(
            {
                "name": land.name,
                "code": land.code,
                "value": shown(value, decimals),
                "x": x,
                "y": y,
                "text_x": x + TILE // 2,
                "code_y": y + 26,
                "value_y": y + 46,
                "fill": SHADES[step],
                "ink": "#ffffff" if step >= DARK_FROM else "#212529",
            }
        )
    legend = [{"fill": SHADES[0], "label": "0"}]
    legend += [
        {
            "fill": SHADES[step],
            "label": gettext("up to %(value)s") % {"value": shown(bound, decimals)},
        }
        for step, bound in bounds
    ]
    return tiles, legend
