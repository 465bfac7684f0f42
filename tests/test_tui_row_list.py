"""The table that draws only the rows on screen: thousands of rows, a few made."""

from __future__ import annotations

import asyncio

from rich.text import Text
from textual.app import App, ComposeResult

from toolkit.tui.widgets.row_list import Column, RowList, widths

COLUMNS = (Column("Number", 8), Column("Words"))


class Rows(App[None]):
    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count
        self.made: list[int] = []

    def compose(self) -> ComposeResult:
        yield RowList(COLUMNS)

    def on_mount(self) -> None:
        self.query_one(RowList).set_rows(self.count, self.cells)

    def cells(self, index: int) -> tuple[Text, ...]:
        self.made.append(index)
        return Text(str(index)), Text(f"row {index}\nsecond line " + "long " * 40)


def lines(table: RowList) -> list[str]:
    return [table.render_line(y).text for y in range(table.scrollable_content_region.height)]


def test_only_the_rows_on_screen_are_made_and_the_keys_reach_the_last() -> None:
    async def main() -> None:
        app = Rows(20_000)
        async with app.run_test(size=(60, 12)) as pilot:
            table = app.query_one(RowList)
            await pilot.pause()
            shown = lines(table)
            assert shown[0].split() == ["Number", "Words"]
            assert shown[1].startswith(" 0 ") and "row 0 second line long" in shown[1]
            assert all(len(line) == len(shown[0]) for line in shown), "one screen line per row"
            assert shown[1].rstrip().endswith("…")
            assert len(set(app.made)) <= 12
            await pilot.press("end")
            await pilot.pause()
            assert table.cursor == 19_999 and lines(table)[-1].startswith(" 19999 ")
            await pilot.press("pageup", "up")
            assert table.cursor == 19_999 - table.page_rows() - 1
            await pilot.pause()
            assert len(set(app.made)) <= 40
            table.set_rows(3, app.cells, cursor=10)
            await pilot.pause()
            assert table.cursor == 2 and lines(table)[3].startswith(" 2 ")

    asyncio.run(main())


def test_columns_without_a_width_share_what_the_others_leave() -> None:
    columns = (Column("Due", 10), Column("What", share=3), Column("Who", share=2))
    assert widths(columns, 10 + 6 + 51) == [10, 30, 21], "the odd cell goes to the last"
    assert widths(columns, 5) == [10, 1, 1], "never narrower than one cell"
