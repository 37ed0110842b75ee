"""Stories: the same event told by many outlets, grouped as the index grows."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .features import StoryFeatures
from .grouping import WINDOW_DAYS, Decisions, assign, group
from .store import StoryStore

__all__ = ["Decisions", "StoryFeatures", "StoryStore", "keep_in_step"]

# Newcomers beyond this share of the archive are grouped with the rest from scratch: assigning
# one by one is for the few articles a fetch brings.
REGROUP_SHARE = 0.5
# Articles a newcomer is compared among, at least: with a handful, a copy of an article is no
# closer to it than usual (each is the other's whole background).
WEIGHED_AMONG_AT_LEAST = 500


def keep_in_step(
    store: StoryStore,
    indexed: set[str],
    features_of: Callable[[list[str]], Iterable[StoryFeatures]],
    decisions: Decisions,
    regroup: bool = False,
) -> None:
    """Bring the stories in step with the index: articles gone leave their stories, and new ones
    join one or start their own; everything is grouped again when asked, or when most articles
    are new."""
    known = store.known_ids()
    store.remove(known - indexed)
    store.add(features_of(sorted(indexed - known)))
    story_of = store.story_of()
    waiting = [article_id for article_id in indexed if article_id not in story_of]
    if not waiting and not regroup:
        return
    if regroup or len(story_of) < REGROUP_SHARE * len(indexed):
        stories = group(store.features(), decisions)
        store.set_stories(_named(stories, store.days(), story_of, store))
        return
    # Only the articles a newcomer may join are read: those of about its days, and, when they are
    # too few to weigh words by (how rare a word is, how alike articles usually are), the others
    # closest in time; reading every article took seconds for a few newcomers to an old archive.
    features = list(store.features(near=waiting, days=WINDOW_DAYS, at_least=WEIGHED_AMONG_AT_LEAST))
    loaded = {item.article_id for item in features}
    known_stories = {a: s for a, s in story_of.items() if a in loaded}
    assigned = assign(features, known_stories, lambda: store.new_names(1)[0], decisions)
    store.set_stories({article_id: assigned[article_id] for article_id in waiting})


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
