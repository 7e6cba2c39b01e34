"""One error hierarchy, so every front end catches a single base.

A `MinutesError` is a problem the person can fix (a missing file, a bad
setting, an unknown meeting); its message is one sentence written for them,
and front ends show exactly that, never a traceback. Anything else that
escapes is a bug.
"""
from __future__ import annotations


class MinutesError(Exception):
    """Base of every error meant for people; ``str(error)`` is the sentence to show."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else self.__class__.__name__


class SettingsError(MinutesError, ValueError):
    """A setting that cannot be used; the message names it and the bad value."""


class StoreError(MinutesError):
    """The index cannot be opened or reached; the message says where and why."""


class UnknownMeeting(MinutesError, LookupError):
    """A meeting id (or item) that the index does not hold."""


class InvalidQuestion(MinutesError, ValueError):
    """A question that cannot be searched; the message tells the person what to change."""


class LLMError(MinutesError, ValueError):
    """A model spec that cannot be used, or a model that failed; the message says which and why."""
