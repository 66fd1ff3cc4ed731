"""Primitive: the exception hierarchy.

Every error newsfacts raises on purpose derives from NewsfactsError, so a caller can catch one
class. The CLI maps each class to its exit code (`pipeline/cli.py`): ConfigError, InputError,
PromptError, AuthError and ModelServerError to 2, StoreError to 5, OutputError to 6, CassetteError
to 7; any other NewsfactsError to 3.
"""

from schemas.facts import Usage


class NewsfactsError(Exception):
    """Root of every error newsfacts raises on purpose."""


class ConfigError(NewsfactsError):
    """Settings that cannot work: a missing key, a bad URL, an unknown model file."""


class InputError(NewsfactsError):
    """An input file that cannot be read as an article. The message names the file."""


class PromptError(NewsfactsError):
    """A prompt file that is missing, malformed, or differs from its lock entry."""


class ExtractionError(NewsfactsError):
    """The model could not produce facts for an article."""


class InvalidAnswer(ExtractionError):
    """The model's answer still failed validation after every reask: its article is `validation_failed`
    (retried on the next run), and the last answer is kept with the validator's message for review."""

    def __init__(self, message: str, raw_answer: str | None, usage: Usage | None = None) -> None:
        super().__init__(message)
        self.raw_answer = raw_answer
        self.usage = usage or Usage()


class RateLimited(ExtractionError):
    """The endpoint asked to wait longer than NEWSFACTS_MAX_RATE_LIMIT_WAIT: the run stops, to resume later."""


class BudgetSpent(ExtractionError):
    """The next model call would pass --max-tokens or --max-cost: it is not sent."""


class AuthError(ExtractionError):
    """The endpoint refused our credentials; the whole run must stop."""


class ModelServerError(NewsfactsError):
    """The embedded model server could not be assembled, started or reached."""


class ReplayError(NewsfactsError):
    """A replayed run asked for something the cassettes do not hold, or left recordings unused."""


class CassetteError(ReplayError):
    """A cassette file that cannot be loaded safely (bad YAML, a YAML tag); nothing in it runs."""


class OutputError(NewsfactsError):
    """The output folder cannot be created or written."""


class StoreError(NewsfactsError):
    """The fact store could not be opened or written."""
