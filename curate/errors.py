"""User-facing errors: the CLI prints the message and exits non-zero, never a traceback."""


class CurateError(Exception):
    """A problem the user can fix (bad flag, unreadable file, unknown version...)."""

    exit_code = 2


class ResumableError(CurateError):
    """A build stopped by something outside its input (network, full disk, a killed worker).

    The work folder stays, so the same command with --resume continues where it stopped.
    """
