"""The engine's front door: a corpus, the index that serves it, and the searches a reader runs."""

from __future__ import annotations

import os
import pickle
import struct
import threading
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from .background import IndexingFailed, update_in_background
from .engines import make_engine
from .engines.engine import IndexDamaged, IndexEngine
from .extractors.extraction import Extraction, extract_or_nothing
from .highlight import hit_spans, make_snippet
from .index_folder import ForeignIndexFolder
from .indexing import Indexer
from .paths import archive_dir, bundled_seeds_dir, default_index_dir
from .query import And, Ids, Not, Or, Query, QuerySyntaxError, State, parse, person_keys
from .records import (
    NEWEST,
    RELEVANCE,
    IndexProgress,
    SearchHit,
    SearchResults,
    StoredArticle,
    UpdateReport,
)
from .settings import load_settings
from .state import StateStore
from .stories import Decisions, StoryStore, keep_in_step, take_out_changed
from .stories.compare import StoryView, compare

SNIPPETS_PER_SEARCH = 100
MAX_SAVED_DEPTH = 5  # saved searches referring to saved searches, at most this deep
Span = tuple[int, int]

# What reading damaged index files raises (a truncated lengths file gives None where a number
# belongs); an AssertionError or the like is the engine failing on a query, not damage.
_DAMAGE_SIGNS = (
    IndexDamaged,
    TypeError,
    struct.error,
    zlib.error,
    EOFError,
    pickle.UnpicklingError,
    OSError,
)


def default_roots() -> list[Path]:
    """What newsreader reads when given no PATH: the archive of fetched feeds and the folders of
    config.toml's `library`; with neither, the bundled seeds."""
    roots = [archive_dir()] if archive_dir().is_dir() else []
    roots += [Path(folder).expanduser() for folder in load_settings()[0].library]
    return roots or [bundled_seeds_dir()]


def _mentions(article: StoredArticle, people: frozenset[str]) -> list[Span]:
    """Where the article names the people a person: query asks for (from the extraction kept in
    the index), so that its snippet shows them."""
    if not people or article.analysis is None:
        return []
    extraction = Extraction.from_record(article.analysis, article.body)
    return [
        (mention.start, mention.end)
        for person in extraction.people
        if person_keys(person.name) & people
        for mention in person.mentions
    ]


class IndexRebuilt(Exception):
    """The index was found damaged or gone while in use, and was started again empty: the caller
    should update it. The message says what happened, for the user."""


class Library:
    """A corpus (folders and files), the index that serves it, and the searches a reader runs."""

    def __init__(
        self,
        roots: list[Path] | None = None,
        index_dir: Path | None = None,
        catch_up_here: bool = False,
        state: StateStore | None = None,
        engine: str | None = None,
    ) -> None:
        self.roots = [Path(r).expanduser() for r in roots] if roots else default_roots()
        self.index_dir = index_dir or default_index_dir(self.roots)
        self.state = state or StateStore()
        # Raises EngineUnavailable when the engine asked for is not installed.
        self._engine: IndexEngine = make_engine(engine or load_settings()[0].engine, self.index_dir)
        self._indexer = Indexer(self._engine, self.index_dir, self.roots)
        self._lock = threading.Lock()
        self._extract = lru_cache(maxsize=32)(extract_or_nothing)
        # Catch up in this process instead of the isolated indexer: for tests and benchmarks that
        # must not wait for an interpreter to start.
        self._catch_up_here = catch_up_here
        self._stories: StoryStore | None = None

    @property
    def notices(self) -> list[str]:
        return self._engine.notices

    @property
    def in_memory(self) -> bool:
        """True when the index could not be kept on disk: another process cannot update it."""
        return self._engine.in_memory

    def open(self) -> None:
        self._engine.open()

    def update(
        self,
        on_progress: Callable[[IndexProgress], None] | None = None,
        stories_apart_from: int | None = None,
    ) -> UpdateReport:
        """Bring the index up to date in this process. An update of `stories_apart_from` articles
        or more leaves its stories waiting (report.stories_waiting) for group_waiting_stories in a
        process of its own: grouping a large archive takes hundreds of MB, which should not come
        on top of what indexing it left allocated."""
        report = self._indexer.update(on_progress)
        self.refresh()
        if self._indexer.replaced_ids:  # grouped again with what they say now, now or later
            take_out_changed(
                self._story_store(), self._indexer.replaced_ids, self._engine.story_features
            )
        if report.changed or self._story_store().is_empty():
            articles = report.added + report.updated + report.analysed
            report.stories_waiting = (
                stories_apart_from is not None
                and articles >= stories_apart_from
                and not self.in_memory
            )
            if not report.stories_waiting:
                self.group_stories(indexed=self._indexer.indexed_ids)
        return report

    def group_waiting_stories(self) -> None:
        """Group the stories an update left waiting, after it (see update), on every core: this
        runs in a process of its own."""
        self.group_stories(indexed=self._indexer.ids_in_manifest(), processes=os.cpu_count() or 1)

    def catch_up(self, on_progress: Callable[[IndexProgress], None] | None = None) -> UpdateReport:
        """Bring the index up to date in a separate, isolated process (search/indexer.py), so that
        this one stays responsive; `on_progress` may raise to stop it. An index kept in memory
        can only be updated here."""
        if self.in_memory or self._catch_up_here:
            return self.update(on_progress)
        for item in update_in_background(self.roots, self.index_dir, self._engine.name):
            if isinstance(item, IndexProgress):
                if on_progress:
                    on_progress(item)
            else:
                self.refresh()
                return item
        raise IndexingFailed("the indexing process ended without a report")

    def refresh(self) -> None:
        """See what another process (the indexer) has committed since the last search."""
        with self._lock, self._engine_faults():
            self._engine.refresh()

    @contextmanager
    def _engine_faults(self) -> Iterator[None]:
        """Turn a failure inside the index engine into something the reader can act on: a damaged
        or vanished index is rebuilt (IndexRebuilt), and a query that the engine cannot run on a
        sound index is a message (QuerySyntaxError). Neither stops the program."""
        try:
            yield
        except (QuerySyntaxError, ForeignIndexFolder, IndexRebuilt):
            raise
        except Exception as error:
            self._engine.close()
            damage = self._engine.damage()
            if damage is None and not isinstance(error, _DAMAGE_SIGNS):
                raise QuerySyntaxError(
                    f"this search could not be run ({type(error).__name__}: {error})"
                ) from error
            self._engine.rebuild(damage or f"The index was damaged ({type(error).__name__})")
            self._indexer.forget()
            raise IndexRebuilt(self._engine.notices[-1]) from error

    def close(self) -> None:
        with self._lock:
            self._engine.close()

    def count(self) -> int:
        with self._lock, self._engine_faults():
            return self._engine.count()

    def search(self, text: str, sort: str = RELEVANCE, limit: int | None = 500) -> SearchResults:
        """Run a query (raises QuerySyntaxError with a message for the user)."""
        tree = parse(text)
        # Read once for the whole search: is:read in the query and the unread count both need it.
        read = frozenset(self.state.read_ids())
        if tree is not None:
            tree = self._with_state(tree, read)
        wanted = None if limit is None else max(limit, 0)
        with self._lock, self._engine_faults():
            found = self._engine.search(tree, sort == NEWEST, wanted)
            # Unread: all that matched but the read among them. Counting the read ones is cheap
            # (they are few beside a large archive); counting "NOT read" walked every match again.
            unread = found.total
            # Nothing matched, nothing read among it; and a query of words the index never keeps
            # ("the") drops out of the AND below, which would then count every read article.
            if read and found.total:
                read_query = Ids(read) if tree is None else And((tree, Ids(read)))
                unread -= self._engine.search(read_query, False, 0).total
        hits = []
        for rank, (article, score) in enumerate(found.articles):
            spans = []
            if rank < SNIPPETS_PER_SEARCH:
                spans = self._spans(article.body, found.terms) + _mentions(article, found.people)
            hits.append(SearchHit(article, score, make_snippet(article.body, sorted(spans))))
        stories = self._story_store().summaries([hit.article.id for hit in hits])
        return SearchResults(
            text, found.total, tuple(hits), found.terms, sort, found.people, unread, stories
        )

    def _with_state(self, node: Query, read: frozenset[str], saved_depth: int = 0) -> Query:
        """The query with is: and tag: turned into the articles the reading state names (`read`:
        the ones read), and query:NAME into the saved search's query."""
        if isinstance(node, Not):
            return Not(self._with_state(node.child, read, saved_depth))
        if isinstance(node, And | Or):
            children = tuple(self._with_state(child, read, saved_depth) for child in node.children)
            return And(children, node.boost) if isinstance(node, And) else Or(children, node.boost)
        if not isinstance(node, State):
            return node
        if node.kind == "query":
            return self._saved(node.value, read, saved_depth)
        if node.kind == "tag":
            return Ids(frozenset(self.state.tagged_ids(node.value)), node.boost)
        if node.kind == "story":
            return Ids(frozenset(self._story_store().members(node.value)), node.boost)
        if node.kind == "starred":
            return Ids(frozenset(self.state.starred_ids()), node.boost)
        read_ones = Ids(read, node.boost)
        return read_ones if node.kind == "read" else Not(read_ones)

    def _saved(self, name: str, read: frozenset[str], depth: int) -> Query:
        searches = load_settings()[0].searches
        if name not in searches:
            known = ", ".join(sorted(searches)) or "none yet"
            raise QuerySyntaxError(f"no saved search is named {name!r} (saved: {known})")
        if depth >= MAX_SAVED_DEPTH:
            raise QuerySyntaxError(f"query:{name} refers to itself, through other saved searches")
        tree = parse(searches[name])
        return self._with_state(tree, read, depth + 1) if tree is not None else Or(())

    def _spans(self, text: str, terms: frozenset[str]) -> list[Span]:
        return hit_spans(text, terms, self._engine.indexed_words)

    def marks(self, article: StoredArticle, terms: frozenset[str]) -> list[list[Span]]:
        """Where a search's words occur in each paragraph of an article, as the index reads them."""
        return [self._spans(paragraph, terms) for paragraph in article.paragraphs]

    def article(self, article_id: str) -> StoredArticle | None:
        with self._lock, self._engine_faults():
            return self._engine.article(article_id)

    def analyse(self, article: StoredArticle) -> tuple[Extraction, str | None]:
        """Dates and people of an article's cleaned text, with offsets into `article.body`,
        and what went wrong if they could not be extracted."""
        if article.analysis is not None:
            return Extraction.from_record(article.analysis, article.body), None
        # Searching as one types re-opens the same article after every keystroke: extract it once.
        return self._extract(article.body, article.published)

    # --- stories -------------------------------------------------------------------------------

    def _story_store(self) -> StoryStore:
        if self._stories is None:
            self.open()
            self._stories = StoryStore(None if self.in_memory else self.index_dir)
        return self._stories

    def group_stories(
        self, regroup: bool = False, indexed: set[str] | None = None, processes: int = 1
    ) -> None:
        """Bring the stories in step with the index (all of them again with `regroup`); `indexed`:
        the articles it holds, when known (the engine is asked when not, or when its count says
        otherwise)."""
        apart, together = self.state.story_pairs()
        with self._lock, self._engine_faults():
            if indexed is None or len(indexed) != self._engine.count():
                indexed = self._engine.article_ids()
            keep_in_step(
                self._story_store(),
                indexed,
                self._engine.story_features,
                Decisions(apart, together),
                regroup,
                self._engine.release,
                processes,
            )

    def stories(self) -> list[list[str]]:
        """Every story, singletons included, as its articles' ids, earliest first."""
        return self._story_store().stories()

    def story_of(self, article_id: str) -> str | None:
        return self._story_store().story(article_id)

    def story_members(self, story: str) -> list[str]:
        """The articles of a story, earliest first."""
        return self._story_store().members(story)

    def story(self, article_id: str) -> StoryView:
        """The story an article belongs to, read side by side (itself alone when it has none)."""
        story = self.story_of(article_id)
        members = self.story_members(story) if story else [article_id]
        articles = [a for a in map(self.article, members) if a is not None]
        return compare(story or "", [(a, self.analyse(a)[0]) for a in articles])

    def split_from_story(self, article_id: str) -> None:
        """The reader's word: this article is not the story of the others (kept in the state
        store, so that grouping again never puts them back together)."""
        store = self._story_store()
        story = store.story(article_id)
        others = [a for a in store.members(story) if a != article_id] if story else []
        self.state.decide_stories(((article_id, other) for other in others), together=False)
        store.set_stories({article_id: store.new_names(1)[0]})

    def join_stories(self, article_id: str, other_id: str) -> None:
        """The reader's word: the stories of these two articles are one."""
        store = self._story_store()
        self.state.decide_stories([(article_id, other_id)], together=True)
        target = store.story(article_id) or store.new_names(1)[0]
        moving = store.members(store.story(other_id) or "") or [other_id]
        store.set_stories({a: target for a in moving} | {article_id: target})

    def people(self) -> list[tuple[str, int]]:
        """Every person in the corpus with the number of articles naming them, most named first."""
        with self._lock, self._engine_faults():
            return self._engine.people()
