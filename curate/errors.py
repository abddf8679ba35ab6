"""User-facing errors: the CLI prints the message and exits non-zero, never a traceback."""


class CurateError(Exception):
    """A problem the user can fix (bad flag, unreadable file, unknown version...)."""

    exit_code = 2
