"""Server-rendered bar charts of outcome figures: delivered against target.

Pages hand any sequence of figures (model rows or StreamField values) to
`outcome_chart()`; the template draws a table and an SVG with no JavaScript.
Each row is scaled on its own, because workshops and participants are counted
in different units: the bar shows delivered, the marker shows the target.

Right-to-left languages draw the chart mirrored: labels start at the right edge and
bars grow leftwards from it, so every label and bar stays inside the canvas. The
figures ("50 / 111 (45%)") are isolated as left-to-right text in either direction,
so an Arabic page never reads them reversed as "111 / 50". The SVG states its own
`direction`, whatever the page around it inherits.

A computed figure (one with a `source`) is marked `live`: it is counted from the
site's data when the page is drawn. Its `delivered` is None when no installed app
counts that source yet; the template then says "not counted yet" instead of 0.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from home.i18n import language_direction
from home.localized import reader_language
from home.plurals import unit_for

CANVAS_WIDTH = 600  # the SVG's viewBox width
BAR_AREA = 440  # SVG units available to the longest bar of each row
VALUE_GAP = 12  # between the end of the bar area and the figures beside it
LABEL_HEIGHT = 22
BAR_HEIGHT = 20
ROW_GAP = 18
ROW_HEIGHT = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP


@dataclass(frozen=True)
class ChartRow:
    """One figure, with the numbers and geometry the template needs."""

    label: str
    delivered: int | None
    target: int | None
    unit: str
    index: int
    live: bool = False
    source: str = ""  # where the number comes from and its period, for the reader
    # The language the label and unit are written in ("" for the reader's).
    language: str = ""
    # Whether the chart reads right to left (mirrored geometry).
    rtl: bool = False

    @property
    def delivered_unit(self) -> str:
        """The unit in the form that follows the number delivered ("1 session")."""
        return unit_for(self.delivered, self.unit, self.language or None)

    @property
    def target_unit(self) -> str:
        """The unit in the form that follows the target ("20 sessions")."""
        return unit_for(self.target, self.unit, self.language or None)

    @property
    def counted(self) -> bool:
        return self.delivered is not None

    @property
    def percent(self) -> int | None:
        """Delivered as a whole percentage of the target, or None without a target."""
        if not self.target or self.delivered is None:
            return None
        return round(self.delivered * 100 / self.target)

    @property
    def met_target(self) -> bool:
        return self.target is not None and self.counted and self.delivered >= self.target

    @property
    def scale(self) -> int:
        return max(self.delivered or 0, self.target or 0, 1)

    @property
    def delivered_width(self) -> int:
        return round(BAR_AREA * (self.delivered or 0) / self.scale)

    @property
    def target_x(self) -> int | None:
        if not self.target:
            return None
        return round(BAR_AREA * self.target / self.scale)

    def _from_start(self, x: int, width: int = 0) -> int:
        """An x position measured from the start edge (the right one when mirrored)."""
        return CANVAS_WIDTH - x - width if self.rtl else x

    @property
    def label_x(self) -> int:
        return self._from_start(0)

    @property
    def track_x(self) -> int:
        return self._from_start(0, BAR_AREA)

    @property
    def bar_x(self) -> int:
        return self._from_start(0, self.delivered_width)

    @property
    def target_line_x(self) -> int | None:
        return None if self.target_x is None else self._from_start(self.target_x)

    @property
    def value_x(self) -> int:
        return self._from_start(BAR_AREA + VALUE_GAP)

    @property
    def value_anchor(self) -> str:
        """The figures are left-to-right text; beside a mirrored bar they end at its side."""
        return "end" if self.rtl else "start"

    @property
    def top(self) -> int:
        return self.index * ROW_HEIGHT

    @property
    def bar_top(self) -> int:
        return self.top + LABEL_HEIGHT

    @property
    def text_baseline(self) -> int:
        return self.top + LABEL_HEIGHT - 6

    @property
    def bar_text_baseline(self) -> int:
        return self.bar_top + BAR_HEIGHT - 5


@dataclass(frozen=True)
class OutcomeChart:
    rows: list[ChartRow]
    direction: str = "ltr"

    @property
    def width(self) -> int:
        return CANVAS_WIDTH

    @property
    def height(self) -> int:
        return max(len(self.rows) * ROW_HEIGHT, ROW_HEIGHT)

    @property
    def bar_area(self) -> int:
        return BAR_AREA

    @property
    def bar_height(self) -> int:
        return BAR_HEIGHT

    @property
    def has_live_rows(self) -> bool:
        return any(row.live for row in self.rows)

    @property
    def has_sources(self) -> bool:
        return any(row.source for row in self.rows)


def _read(figure, name, default=None):
    if isinstance(figure, Mapping):
        return figure.get(name, default)
    return getattr(figure, name, default)


def _language_of(figure, default: str) -> str:
    """A figure row's own language (its locale); StreamField values take the page's."""
    locale_id = _read(figure, "locale_id")
    if locale_id is None:
        return default
    from home.i18n import locale_codes

    return locale_codes().get(locale_id, default)


def outcome_chart(figures: Iterable, language: str = "") -> OutcomeChart:
    """Rows for the table and chart, from model rows or StreamField struct values.
    `language` is the one StreamField figures are written in (their page's); the
    chart reads in its direction (the reader's language's when not given)."""
    direction = language_direction(language or reader_language())
    rows = []
    for index, figure in enumerate(figures):
        live = bool(_read(figure, "is_computed", False))
        delivered = _read(figure, "delivered_count")
        if live:
            delivered = None if delivered is None else int(delivered)
        else:
            if delivered is None:
                delivered = _read(figure, "delivered", 0)
            delivered = int(delivered or 0)
        rows.append(
            ChartRow(
                label=_read(figure, "label", ""),
                delivered=delivered,
                target=_read(figure, "target") or None,
                unit=_read(figure, "unit", "") or "",
                index=index,
                live=live,
                source=_read(figure, "provenance", "") or "",
                language=_language_of(figure, language),
                rtl=direction == "rtl",
            )
        )
    return OutcomeChart(rows=rows, direction=direction)
