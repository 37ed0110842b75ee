"""Stories: the same event told by many outlets, grouped as the index grows."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .features import StoryFeatures
from .grouping import Decisions, group
from .statistics import forget, place_newcomers
from .store import StoryStore

__all__ = ["Decisions", "StoryFeatures", "StoryStore", "keep_in_step", "take_out_changed"]

# Newcomers beyond this share of the archive are grouped with the rest from scratch: placing
# them one by one is for the few articles a fetch brings.
REGROUP_SHARE = 0.5


def keep_in_step(
    store: StoryStore,
    indexed: set[str],
    features_of: Callable[[list[str]], Iterable[StoryFeatures]],
    decisions: Decisions,
    regroup: bool = False,
    release_index: Callable[[], None] = lambda: None,
    processes: int = 1,
) -> None:
    """Bring the stories in step with the index: articles gone leave their stories, and new ones
    join one or start their own; everything is grouped again when asked, when most articles are
    new, or when no grouping has weighed the archive yet. `release_index` lets the index go
    before grouping them all, which needs the memory; `processes`: see grouping.group."""
    known = store.known_ids()
    gone = known - indexed
    take_out(store, gone)
    store.add(features_of(sorted(indexed - (known - gone))))
    # Asked of the store rather than of a map of every article's story: a catch-up of a few files
    # in a large archive should not read them all.
    waiting = store.without_story()
    if not waiting and not regroup:
        return
    weighed = store.statistics_count()
    if regroup or weighed is None or len(waiting) > REGROUP_SHARE * len(indexed):
        release_index()
        stories = group(store.features(), decisions, store.save_statistics, processes)
        store.set_stories(_named(stories, store.days(), store.story_of(), store))
        return
    placed = place_newcomers(
        store, store.features_of(waiting), decisions, lambda: store.new_names(1)[0]
    )
    store.set_stories(placed)


def take_out(store: StoryStore, ids: Iterable[str]) -> None:
    """Articles gone, or read again (they come back with what they say now), leave their stories
    and the statistics newcomers are weighed by."""
    leaving = store.features_of(sorted(ids))
    weighed = store.statistics_count()
    if leaving and weighed is not None:
        store.change_statistics(
            weighed - len(leaving),
            forget(store, leaving, weighed),
            [],
            [(term, item.article_id) for item in leaving for term in item.terms],
        )
    store.remove([item.article_id for item in leaving])


def take_out_changed(
    store: StoryStore,
    ids: Iterable[str],
    features_of: Callable[[list[str]], Iterable[StoryFeatures]],
) -> None:
    """Of these articles read again, take out those whose features are not what the store has,
    and keep their new features, without a story, to be placed: a file touched but not changed
    keeps its story, and costs no placing."""
    stored = {item.article_id: item for item in store.features_of(sorted(ids))}
    if stored:
        now = {item.article_id: item for item in features_of(sorted(stored))}
        changed = [i for i, item in stored.items() if now.get(i) != item]
        take_out(store, changed)
        store.add(now[i] for i in changed if i in now)


def _named(
    stories: list[list[str]],
    day_of: dict[str, int],
    before: dict[str, str],
    store: StoryStore,
) -> dict[str, str]:
    """Each story keeps the name its first article's story had, so that story:NAME goes on
    meaning the same story after grouping again; the others get new numbers, in time order."""
    firsts = [(min(members, key=lambda a: (day_of[a], a)), members) for members in stories]
    firsts.sort(key=lambda pair: (day_of[pair[0]], pair[0]))
    named: dict[str, str] = {}
    taken: set[str] = set()
    unnamed = []
    for first, members in firsts:
        name = before.get(first)
        if name is None or name in taken:
            unnamed.append(members)
            continue
        taken.add(name)
        named.update((article_id, name) for article_id in members)
    for name, members in zip(store.new_names(len(unnamed)), unnamed):
        named.update((article_id, name) for article_id in members)
    return named
