"""`{% skills_chart comparison %}`: a learner's latest self-assessment next to the previous one
(`assessments.services.assessments_for_chart`) as a bar chart drawn on the server in inline SVG,
with a table stating the same numbers for those who cannot see it.

This module lays the chart out (where each bar goes, how long it is); the template draws it."""

from dataclasses import dataclass

from django import template

from assessments.models import LEVELS

register = template.Library()

HIGHEST = LEVELS[-1]
WIDTH = 640
LABELS = 250  # the width of the names' column, left of the bars
SCALE = 320  # the length of a bar at the highest level
BAR = 9  # a bar's thickness
ROW = 2 * BAR + 12  # a skill's or area's height: its two bars and a gap
TOP = 52  # the legend and the levels' axis, above the first row


@dataclass(frozen=True)
class Bar:
    kind: str  # "latest" or "previous"
    y: int
    level: float | None  # None: the skill was skipped

    @property
    def length(self):
        return round(SCALE * self.level / HIGHEST) if self.level else 0

    @property
    def value_x(self):
        """Where the level is written: just past the bar's end."""
        return LABELS + self.length + 5

    @property
    def value_y(self):
        return self.y + BAR - 1


@dataclass(frozen=True)
class Row:
    name: str
    area: bool  # an area's row shows its average; a skill's row its level
    bars: list  # the latest's Bar, then the previous's if there is one

    @property
    def name_y(self):
        """The name's baseline, level with the middle of its bars."""
        return self.bars[0].y + 4 + BAR * len(self.bars) // 2


def rows(comparison):
    """An area's row then its skills' rows, for each area, from the top of the chart down."""
    lines = []
    for area in comparison.areas:
        lines.append((f"{area.area.name} (average)", True, area.latest, area.previous))
        lines += [(item.skill.name, False, item.latest, item.previous) for item in area.skills]
    chart_rows = []
    for index, (name, is_area, latest, previous) in enumerate(lines):
        y = TOP + index * ROW
        bars = [Bar("latest", y, latest)]
        if comparison.previous:
            bars.append(Bar("previous", y + BAR, previous))
        chart_rows.append(Row(name, is_area, bars))
    return chart_rows


@register.inclusion_tag("assessments/chart.html")
def skills_chart(comparison):
    chart_rows = rows(comparison)
    return {
        "comparison": comparison,
        "rows": chart_rows,
        "width": WIDTH,
        "height": TOP + len(chart_rows) * ROW,
        "left": LABELS,
        "legend_x": LABELS + BAR + 7,
        "bar": BAR,
        # The levels' axis: a line and a number at each level.
        "ticks": [(level, LABELS + round(SCALE * level / HIGHEST)) for level in LEVELS],
    }
