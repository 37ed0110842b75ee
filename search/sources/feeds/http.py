"""HTTP for feeds and pages: bounded in time and size whatever the server does.

httpx does the protocol (connections, redirects, time-outs); the body is read raw and
decompressed here, a bounded piece at a time, so that a gzip bomb stops at the size cap instead
of filling memory first. At most a few requests go to one host at a time.
"""

from __future__ import annotations

import email.utils
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urlsplit

import httpx

from ..errors import SourceError

MB = 1024 * 1024


def _user_agent() -> str:
    try:
        return f"newsreader/{version('newsreader')}"
    except PackageNotFoundError:
        return "newsreader"


USER_AGENT = _user_agent()


@dataclass(frozen=True)
class Limits:
    connect_seconds: float = 10.0
    total_seconds: float = 30.0
    feed_bytes: int = 10 * MB
    page_bytes: int = 5 * MB
    per_host: int = 2  # requests to one host at a time
    workers: int = 16  # requests at a time in all
    redirects: int = 5


class FetchFailed(SourceError):
    """A request that gave nothing usable; the message says why, for the user."""


@dataclass(frozen=True)
class Response:
    status: int
    url: str  # where the body came from, after redirects
    moved_to: str | None  # the new address, when every redirect on the way was permanent
    headers: httpx.Headers
    body: bytes = b""

    @property
    def retry_after(self) -> float | None:
        """Seconds the server asks to wait (429, 503), from a number or an HTTP date."""
        value = self.headers.get("retry-after", "").strip()
        if not value:
            return None
        if value.isdigit():
            return float(value)
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        return max(0.0, when.timestamp() - time.time())


class _Decoder:
    """Content-Encoding gzip or deflate, decompressed at most `limit` bytes in all."""

    def __init__(self, encoding: str, limit: int) -> None:
        self.limit = limit
        self.produced = 0
        encoding = encoding.strip().lower()
        if encoding in ("", "identity"):
            self._zlib = None
        elif encoding in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._zlib = zlib.decompressobj()  # zlib-wrapped; raw deflate is retried below
        else:
            raise FetchFailed(f"the server sent an encoding newsreader does not read ({encoding})")
        self._raw_deflate = encoding == "deflate"

    def _take(self, data: bytes) -> bytes:
        self.produced += len(data)
        if self.produced > self.limit:
            raise FetchFailed(f"larger than {self.limit // MB} MB once decompressed")
        return data

    def feed(self, chunk: bytes) -> Iterator[bytes]:
        if self._zlib is None:
            yield self._take(chunk)
            return
        data = chunk
        while data:
            try:
                out = self._zlib.decompress(data, 64 * 1024)
            except zlib.error:
                if self._raw_deflate and self.produced == 0:
                    self._zlib, self._raw_deflate = zlib.decompressobj(-zlib.MAX_WBITS), False
                    continue
                raise FetchFailed("the compressed body is damaged") from None
            yield self._take(out)
            data = self._zlib.unconsumed_tail
        # A bomb can sit in the last bytes too: drain what the decompressor holds, bounded.
        while self._zlib.unconsumed_tail:
            yield self._take(self._zlib.decompress(self._zlib.unconsumed_tail, 64 * 1024))


@dataclass
class Fetcher:
    """One client for a whole fetch, shared by its threads."""

    limits: Limits = field(default_factory=Limits)

    def __post_init__(self) -> None:
        self.client = httpx.Client(
            follow_redirects=True,
            max_redirects=self.limits.redirects,
            timeout=httpx.Timeout(self.limits.total_seconds, connect=self.limits.connect_seconds),
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            limits=httpx.Limits(max_connections=self.limits.workers * 2),
            trust_env=False,  # no proxy or netrc from the environment of a cron job
        )
        self._hosts: dict[str, threading.Semaphore] = {}
        self._hosts_lock = threading.Lock()

    def close(self) -> None:
        self.client.close()

    @contextmanager
    def _turn(self, url: str) -> Iterator[None]:
        host = urlsplit(url).hostname or ""
        with self._hosts_lock:
            slot = self._hosts.setdefault(host, threading.Semaphore(self.limits.per_host))
        with slot:
            yield

    def get(self, url: str, max_bytes: int, headers: dict[str, str] | None = None) -> Response:
        """GET `url`; raise FetchFailed for what gave no response to act on."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchFailed(f"not a web address: {url}")
        with self._turn(url):
            deadline = time.monotonic() + self.limits.total_seconds
            try:
                with self.client.stream("GET", url, headers=headers) as response:
                    # A server that trickles its body never trips a read time-out: the response is
                    # closed under it when the whole time is up.
                    watchdog = threading.Timer(deadline - time.monotonic(), response.close)
                    watchdog.start()
                    try:
                        return self._read(response, max_bytes, deadline)
                    finally:
                        watchdog.cancel()
            except httpx.TooManyRedirects:
                raise FetchFailed(
                    f"more than {self.limits.redirects} redirects (a loop?)"
                ) from None
            except (httpx.HTTPError, httpx.StreamError) as error:
                if isinstance(error, httpx.TimeoutException) or time.monotonic() >= deadline:
                    raise FetchFailed(f"no answer within {self.limits.total_seconds:g} s") from None
                raise FetchFailed(f"{type(error).__name__}: {error}") from None

    def _read(self, response: httpx.Response, max_bytes: int, deadline: float) -> Response:
        hops = response.history
        moved = (
            str(response.url)
            if hops and all(hop.status_code in (301, 308) for hop in hops)
            else None
        )
        head = Response(response.status_code, str(response.url), moved, response.headers)
        if response.status_code != 200:
            return head
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise FetchFailed(f"larger than {max_bytes // MB} MB ({int(declared) // MB} MB)")
        decoder = _Decoder(response.headers.get("content-encoding", ""), max_bytes)
        chunks: list[bytes] = []
        received = 0
        for chunk in response.iter_raw():
            received += len(chunk)
            if received > max_bytes:
                raise FetchFailed(f"larger than {max_bytes // MB} MB")
            if time.monotonic() > deadline:
                raise FetchFailed(f"not received within {self.limits.total_seconds:g} s")
            chunks.extend(decoder.feed(chunk))
        return Response(200, head.url, moved, response.headers, b"".join(chunks))
