"""The side panel: the dates and the people of the open article."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from search import DateEntry, Extraction, PersonEntry

from .keyboard_list import GrowingOptionList

Span = tuple[int, int]


def _date_value(entry: DateEntry) -> str:
    """The day or period, as the panel's first column; nothing for what could not be resolved
    (listed as written, after the others)."""
    if entry.day is None:
        return ""
    if entry.end_value:
        return f"{entry.value}…{entry.end_value[-2:]}"
    return entry.value


def _date_prompt(entry: DateEntry, width: int, unresolved: Style) -> Text:
    count = len(entry.spans)
    value = _date_value(entry)
    if entry.day is None:
        prompt = Text(entry.label, style=unresolved)
    else:
        prompt = Text(f"{value:<{width}} ", style="bold")
        if entry.label != value:  # "2003" is not said twice
            prompt.append(entry.label)
    if count > 1:
        prompt.append(f" ×{count}", style="dim")
    return prompt


def _person_prompt(entry: PersonEntry) -> Text:
    prompt = Text(entry.name, style="bold")
    prompt.append(f" ×{len(entry.spans)}", style="dim")
    if entry.role:
        prompt.append("\n  " + entry.role, style="italic dim")
    return prompt


class PanelList(GrowingOptionList):
    """One list of the side panel: its dates or its people."""

    FIRST_ROWS = 30  # each list has half a screen at most
    MORE_ROWS = 50

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.prompts: list[Callable[[], Text]] = []
        self.rules_before: frozenset[int] = frozenset()

    def show_prompts(
        self, prompts: list[Callable[[], Text]], rules_before: frozenset[int] = frozenset()
    ) -> None:
        self.prompts = prompts
        self.rules_before = rules_before
        self.reset_rows(len(prompts))
        self.highlighted = None

    def make_options(self, start: int, end: int) -> list[Option | None]:
        options: list[Option | None] = []
        for index in range(start, min(end, len(self.prompts))):
            if index in self.rules_before:
                options.append(None)  # a rule before the group of unresolved dates
            options.append(Option(self.prompts[index]()))
        return options


class SidePanel(Vertical):
    """Highlighting an entry marks its mentions in the reading view; Enter on a person searches for
    them.
    """

    class MentionsChosen(Message):
        def __init__(self, spans: list[Span]) -> None:
            super().__init__()
            self.spans = spans

    class PersonSearch(Message):
        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    COMPONENT_CLASSES = {"side-panel--unresolved"}  # a date whose day is not known

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.dates: list[DateEntry] = []
        self.people: list[PersonEntry] = []

    def compose(self) -> ComposeResult:
        yield Static("Dates", classes="panel-title", id="dates-title")
        yield PanelList(id="dates")
        yield Static("People", classes="panel-title", id="people-title")
        yield PanelList(id="people")

    def show(self, extraction: Extraction) -> None:
        self.dates = extraction.date_entries()
        self.people = extraction.person_entries()
        width = max((len(_date_value(e)) for e in self.dates), default=0)
        unresolved = self.get_component_rich_style("side-panel--unresolved")
        prompts = {
            "#dates": [partial(_date_prompt, entry, width, unresolved) for entry in self.dates],
            "#people": [partial(_person_prompt, entry) for entry in self.people],
        }
        for list_id, entries, title in (
            ("#dates", self.dates, "Dates"),
            ("#people", self.people, "People"),
        ):
            first_unresolved = next(
                (i for i, entry in enumerate(self.dates) if entry.day is None), None
            )
            rules = frozenset(
                {first_unresolved} if list_id == "#dates" and first_unresolved else ()
            )
            self.query_one(list_id, PanelList).show_prompts(prompts[list_id], rules)
            self.query_one(f"{list_id}-title", Static).update(
                Text(f"{title} ({len(entries)})"), layout=False
            )

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        entries = self.dates if event.option_list.id == "dates" else self.people
        if event.option_index < len(entries):
            self.post_message(self.MentionsChosen(list(entries[event.option_index].spans)))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "people" and event.option_index < len(self.people):
            self.post_message(self.PersonSearch(self.people[event.option_index].name))
        elif event.option_list.id == "dates" and event.option_index < len(self.dates):
            self.post_message(self.MentionsChosen(list(self.dates[event.option_index].spans)))
