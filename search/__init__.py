"""newsreader's engine: articles, extraction of dates and people, the index, and search.

This package never imports the UI. What the UI and the command line use is exported here.
"""

from .background import IndexingFailed
from .engines import ENGINES, EngineUnavailable
from .extractors.dates import Reference, TemporalExpression, period_start
from .extractors.extraction import DateEntry, Extraction, PersonEntry, extract
from .extractors.people import Person, PersonMention
from .index_folder import ForeignIndexFolder
from .library import IndexRebuilt, Library
from .paths import bundled_seeds_dir, cache_dir, data_dir
from .query import QUERY_HELP, SEARCH_FIELDS, QuerySyntaxError, field_query, person_query
from .records import (
    NEWEST,
    RELEVANCE,
    STAGE_ANALYSIS,
    STAGE_WORDS,
    IndexProgress,
    PersonCount,
    SearchHit,
    SearchResults,
    Snippet,
    StoredArticle,
    StorySummary,
    UpdateReport,
)
from .settings import Settings, config_path, load_settings, save_search, save_setting
from .sources.errors import SourceError
from .sources.files import SkippedFile
from .state import StateStore
from .stories.compare import OutletArticle, StoryView, TimelineEvent
from .text.articles import Article
from .text.safety import printable_path

__all__ = [
    "ENGINES",
    "NEWEST",
    "QUERY_HELP",
    "RELEVANCE",
    "SEARCH_FIELDS",
    "STAGE_ANALYSIS",
    "STAGE_WORDS",
    "Article",
    "DateEntry",
    "EngineUnavailable",
    "Extraction",
    "FeedResult",
    "FeedStatus",
    "Feeds",
    "FetchBusy",
    "ForeignIndexFolder",
    "IndexProgress",
    "IndexRebuilt",
    "IndexingFailed",
    "Library",
    "Limits",
    "OutletArticle",
    "Person",
    "PersonCount",
    "PersonEntry",
    "PersonMention",
    "QuerySyntaxError",
    "Reference",
    "SearchHit",
    "SearchResults",
    "Settings",
    "SkippedFile",
    "Snippet",
    "SourceError",
    "StateStore",
    "StoredArticle",
    "StorySummary",
    "StoryView",
    "Subscription",
    "TemporalExpression",
    "TimelineEvent",
    "UpdateReport",
    "bundled_seeds_dir",
    "cache_dir",
    "config_path",
    "data_dir",
    "extract",
    "field_query",
    "load_settings",
    "period_start",
    "person_query",
    "printable_path",
    "save_search",
    "save_setting",
]

# The feeds load httpx and lxml: only the commands that fetch pay for them.
_FEED_NAMES = frozenset(
    {"FeedResult", "FeedStatus", "Feeds", "FetchBusy", "Limits", "Subscription"}
)


def __getattr__(name: str) -> object:
    if name in _FEED_NAMES:
        from .sources import feeds

        return getattr(feeds, name)
    raise AttributeError(f"module 'search' has no attribute {name!r}")
