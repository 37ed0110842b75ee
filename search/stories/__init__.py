"""Stories: the same event told by many outlets, grouped as the index grows."""

from __future__ import annotations

from collections.abc import Callable

from .features import StoryFeatures, story_id
from .grouping import Decisions, assign, group
from .store import StoryStore

__all__ = ["Decisions", "StoryFeatures", "StoryStore", "keep_in_step", "story_id"]

# Newcomers beyond this share of the archive are grouped with the rest from scratch: assigning
# one by one is for the few articles a fetch brings.
REGROUP_SHARE = 0.5


def keep_in_step(
    store: StoryStore,
    indexed: set[str],
    features_of: Callable[[list[str]], list[StoryFeatures]],
    decisions: Decisions,
    regroup: bool = False,
) -> None:
    """Bring the stories in step with the index: articles gone leave their stories, and new ones
    join one or start their own; everything is grouped again when asked, or when most articles
    are new."""
    known = store.known_ids()
    store.remove(known - indexed)
    newcomers = sorted(indexed - known)
    store.add(features_of(newcomers))
    story_of = store.story_of()
    if not newcomers and not regroup and len(story_of) == len(indexed):
        return
    features = store.features()
    if regroup or len(story_of) < REGROUP_SHARE * len(features):
        by_id = {item.article_id: item for item in features}
        story_of = {}
        for members in group(features, decisions):
            first = min(members, key=lambda a: (by_id[a].day, a))
            story_of.update((article_id, story_id(first)) for article_id in members)
    else:
        story_of = assign(features, story_of, decisions)
    store.set_stories(story_of)
