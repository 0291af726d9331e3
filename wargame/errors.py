"""One exception root for everything a user can get wrong.

The CLI prints the message of any ``WargameError`` and exits non-zero; the
UI shows it as a notification. Anything else reaching the user is a bug.
"""


class WargameError(Exception):
    """Base of every error the game reports to a user."""


class ScenarioError(WargameError, ValueError):
    """A scenario file is invalid; ``diagnostics`` lists every problem."""

    def __init__(self, message: str, diagnostics: list | None = None):
        super().__init__(message)
        self.diagnostics = list(diagnostics or [])


class ConditionError(WargameError, ValueError):
    """A condition expression is malformed; ``column`` is 1-based."""

    def __init__(self, message: str, column: int = 1):
        super().__init__(message)
        self.column = column


class IllegalDecision(WargameError, ValueError):
    """A decision that the rules do not allow now; the game is unchanged."""


class SaveError(WargameError):
    """A save file cannot be read, written or replayed."""
