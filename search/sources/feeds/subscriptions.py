"""The feeds a reader subscribes to, in `$XDG_CONFIG_HOME/newsreader/feeds.toml`, a file a person
can edit:

    [[feed]]
    name = "Harbour News"
    url = "https://example.com/feed.xml"
    full_text = false          # true: fetch every entry's page for its whole text

newsreader changes the file line by line (a feed added at the end, a block removed, a moved
feed's url line), so comments and the order a person gave stay as written.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ...paths import config_dir
from ...text.safety import safe_field
from ..errors import SourceError

_BLOCK = re.compile(r"^\s*\[\[\s*feed\s*\]\]\s*(?:#.*)?$")
_TABLE = re.compile(r"^\s*\[")


class SubscriptionError(SourceError):
    """A feeds.toml that cannot be read or a subscription that cannot be made; for the user."""


@dataclass(frozen=True)
class Subscription:
    name: str
    url: str
    full_text: bool = False

    @property
    def folder_name(self) -> str:
        """The feed's folder in the archive: its name, made safe as one path component."""
        slug = re.sub(r"[^\w.-]+", "-", self.name, flags=re.UNICODE).strip(".-")[:60]
        return slug or "feed"


def feeds_path() -> Path:
    return config_dir() / "feeds.toml"


def load_subscriptions(path: Path | None = None) -> list[Subscription]:
    path = path or feeds_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as error:
        raise SubscriptionError(f"{path} cannot be read ({error})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SubscriptionError(f"{path}: {error}") from None
    feeds = data.get("feed", [])
    if not isinstance(feeds, list):
        raise SubscriptionError(f"{path}: feeds are written as [[feed]] tables")
    subscriptions: list[Subscription] = []
    for number, feed in enumerate(feeds, 1):
        if not isinstance(feed, dict) or not isinstance(feed.get("url"), str):
            raise SubscriptionError(f"{path}: feed {number} has no url")
        url = feed["url"].strip()
        name = feed.get("name") if isinstance(feed.get("name"), str) else None
        subscriptions.append(
            Subscription(safe_field(name or url, 100), url, bool(feed.get("full_text", False)))
        )
    return subscriptions


def find(subscriptions: list[Subscription], name_or_url: str) -> Subscription | None:
    wanted = name_or_url.strip()
    for subscription in subscriptions:
        if wanted in (subscription.name, subscription.url):
            return subscription
    lowered = wanted.lower()
    return next((s for s in subscriptions if s.name.lower() == lowered), None)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""


def add_subscription(subscription: Subscription, path: Path | None = None) -> None:
    path = path or feeds_path()
    existing = load_subscriptions(path)
    if find(existing, subscription.url) or find(existing, subscription.name):
        raise SubscriptionError(f"already subscribed: {subscription.name} ({subscription.url})")
    text = _read(path)
    block = (
        f"\n[[feed]]\nname = {json.dumps(subscription.name)}\n"
        f"url = {json.dumps(subscription.url)}\n"
        + ("full_text = true\n" if subscription.full_text else "")
    )
    _write(path, (text.rstrip("\n") + "\n" if text.strip() else "") + block)


def _blocks(lines: list[str]) -> list[tuple[int, int]]:
    """The line ranges of the [[feed]] tables, in order."""
    starts = [i for i, line in enumerate(lines) if _BLOCK.match(line)]
    ranges = []
    for start in starts:
        end = next((j for j in range(start + 1, len(lines)) if _TABLE.match(lines[j])), len(lines))
        ranges.append((start, end))
    return ranges


def remove_subscription(subscription: Subscription, path: Path | None = None) -> None:
    path = path or feeds_path()
    position = load_subscriptions(path).index(subscription)
    lines = _read(path).splitlines()
    start, end = _blocks(lines)[position]
    _write(path, "\n".join(lines[:start] + lines[end:]).rstrip("\n") + "\n")


def move_subscription(subscription: Subscription, url: str, path: Path | None = None) -> None:
    """A feed that moved for good (a permanent redirect): its url line says where it is now."""
    path = path or feeds_path()
    position = load_subscriptions(path).index(subscription)
    lines = _read(path).splitlines()
    start, end = _blocks(lines)[position]
    for i in range(start, end):
        if re.match(r"^\s*url\s*=", lines[i]):
            lines[i] = f"url = {json.dumps(url)}"
    _write(path, "\n".join(lines) + "\n")
