"""newsreader's engine: articles, extraction of dates and people, the Whoosh index, and search.

This package never imports the UI. What the UI and the command line use is exported here.
"""
from .articles import Article
from .dates import Reference, TemporalExpression
from .extraction import Extraction, extract
from .highlight import Snippet
from .index import IndexProgress, UpdateReport
from .library import NEWEST, RELEVANCE, Library, PersonCount, SearchHit, SearchResults, StoredArticle
from .loading import SkippedFile
from .paths import bundled_seeds_dir, cache_dir, data_dir
from .people import Person, PersonMention
from .query import SEARCH_FIELDS, QuerySyntaxError

__all__ = [
    "Article", "Extraction", "IndexProgress", "Library", "NEWEST", "Person", "PersonCount", "PersonMention",
    "QuerySyntaxError", "RELEVANCE", "Reference", "SEARCH_FIELDS", "SearchHit", "SearchResults", "SkippedFile",
    "Snippet", "StoredArticle", "TemporalExpression", "UpdateReport", "bundled_seeds_dir", "cache_dir",
    "data_dir", "extract",
]
