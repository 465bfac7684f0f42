"""A table that draws only the rows on screen (Textual's Line API), so a
filter over thousands of rows costs what one screenful does.

Textual's DataTable measures every cell of every row it is given: with 2,000
promises each filter key froze the app for most of a second. Here every
column has a fixed width (one takes what the others leave), a row's cells are
made only when the row is first drawn, and new rows are one assignment.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

PAD = 1
"""Blank cells on each side of a column, as in Textual's DataTable."""


@dataclass(frozen=True)
class Column:
    label: str
    width: int = 0
    """Cells wide; 0 takes a share of the width the fixed columns leave."""
    share: int = 1
    """How much of that width a column of width 0 takes, against the others of width 0."""


Cells = Callable[[int], Sequence[Text]]
"""The cells of row ``index``, one Text per column."""


def widths(columns: Sequence[Column], total: int) -> list[int]:
    """Each column's width on a line ``total`` cells wide."""
    rest = max(total - sum(c.width + 2 * PAD for c in columns), 0)
    flexible = [i for i, c in enumerate(columns) if not c.width]
    shares = sum(columns[i].share for i in flexible) or 1
    out = [c.width for c in columns]
    for i in flexible:
        out[i] = rest * columns[i].share // shares
    if flexible:  # what the division leaves goes to the last one
        out[flexible[-1]] += rest - sum(out[i] for i in flexible)
    return [max(width, 1) for width in out]


def fit(text: Text, width: int) -> Text:
    """One line exactly ``width`` cells wide, cut with an ellipsis."""
    cell = Text(" ").join(text.split(allow_blank=True)) if "\n" in text.plain else text.copy()
    cell.truncate(width, overflow="ellipsis", pad=True)
    return cell


class RowList(ScrollView, can_focus=True):
    """Rows under a header, one highlighted by the cursor (keys, or a click)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"row-list--header", "row-list--cursor", "row-list--even-row"}
    DEFAULT_CSS = """
    RowList {
        width: 1fr;
        height: 1fr;
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        & > .row-list--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        & > .row-list--even-row {
            background: $surface-lighten-1 50%;
        }
        &:dark > .row-list--even-row {
            background: $surface-darken-1 40%;
        }
        & > .row-list--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            background-tint: $foreground 5%;
            & > .row-list--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .row-list--header {
                background-tint: $foreground 5%;
            }
        }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "Previous row", id="rows.up", show=False),
        Binding("down", "move(1)", "Next row", id="rows.down", show=False),
        Binding("pageup", "page(-1)", "Page up", id="rows.page_up", show=False),
        Binding("pagedown", "page(1)", "Page down", id="rows.page_down", show=False),
        Binding("home", "move_to(0)", "First row", id="rows.first", show=False),
        Binding("end", "move_to(-1)", "Last row", id="rows.last", show=False),
    ]

    cursor: reactive[int] = reactive(0, always_update=True)

    class Highlighted(Message):
        """The cursor is on another row, or the rows under it changed."""

        def __init__(self, row_list: RowList, index: int) -> None:
            super().__init__()
            self.row_list = row_list
            self.index = index

        @property
        def control(self) -> RowList:
            return self.row_list

    def __init__(self, columns: Sequence[Column], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns = list(columns)
        self.row_count = 0
        self._cells: Cells = lambda index: ()
        self._made: dict[int, Sequence[Text]] = {}

    def set_rows(self, count: int, cells: Cells, cursor: int = 0) -> None:
        """Show ``count`` rows whose cells ``cells(index)`` makes when a row is drawn."""
        self.row_count = count
        self._cells = cells
        self._made = {}
        least = sum(c.width + 2 * PAD for c in self.columns)
        self.virtual_size = Size(least, count + 1)
        self.cursor = cursor
        self.refresh()

    def cells_at(self, index: int) -> Sequence[Text]:
        """What row ``index`` shows, made once."""
        if index not in self._made:
            self._made[index] = self._cells(index)
        return self._made[index]

    # --- the cursor -------------------------------------------------------------

    def validate_cursor(self, index: int) -> int:
        return max(0, min(index, self.row_count - 1))

    def watch_cursor(self, index: int) -> None:
        page = self.page_rows()
        top = round(self.scroll_y)
        if index < top:
            self.scroll_to(y=index, animate=False)
        elif index >= top + page:
            self.scroll_to(y=index - page + 1, animate=False)
        self.refresh()
        self.post_message(self.Highlighted(self, index))

    def page_rows(self) -> int:
        """Rows visible below the header."""
        return max(self.scrollable_content_region.height - 1, 1)

    def action_move(self, step: int) -> None:
        self.cursor += step

    def action_page(self, direction: int) -> None:
        self.cursor += direction * self.page_rows()

    def action_move_to(self, index: int) -> None:
        self.cursor = index if index >= 0 else self.row_count - 1

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0:
            return
        index = round(self.scroll_y) + offset.y - 1
        if index < self.row_count:
            self.cursor = index

    # --- drawing ----------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            header = [Text(c.label) for c in self.columns]
            return self._line(header, base + self.get_component_rich_style("row-list--header"), width)
        index = round(self.scroll_y) + y - 1
        if index >= self.row_count:
            return Strip.blank(width, base)
        if index == self.cursor:  # over the cells' own colours, so a red cell stays readable
            return self._line(
                self.cells_at(index), base, width, self.get_component_rich_style("row-list--cursor")
            )
        if index % 2 == 0:
            base += self.get_component_rich_style("row-list--even-row")
        return self._line(self.cells_at(index), base, width)

    def _line(self, cells: Sequence[Text], style: Style, width: int, over: Style | None = None) -> Strip:
        """The cells side by side on ``style``, with ``over`` (if any) on top of them."""
        console = self.app.console
        gap = Segment(" " * PAD)
        segments: list[Segment] = []
        for text, cell_width in zip(cells, widths(self.columns, width), strict=False):
            cell = fit(text, cell_width)
            # Text.render leaves out the text's own style (a console applies it): add it here.
            segments += [gap, *Segment.apply_style(cell.render(console), console.get_style(cell.style)), gap]
        return Strip(Segment.apply_style(Strip(segments).adjust_cell_length(width), style, over), width)
