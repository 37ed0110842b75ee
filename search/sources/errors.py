"""The one kind of error a source raises for the user to read."""


class SourceError(Exception):
    """A feed, page or subscription that cannot be used; the message says why, for the user."""
