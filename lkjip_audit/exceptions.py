"""The one family of errors lkjip-audit reports to its users."""

from __future__ import annotations


class LkjipAuditError(Exception):
    """Base class of every error the toolkit explains to its user."""


class InputError(LkjipAuditError):
    """An input report cannot be read; the message names the file and what to do."""

    def __init__(self, path, problem: str, hint: str = ""):
        self.path = str(path)
        self.problem = problem
        self.hint = hint
        message = f"{self.path}: {problem}"
        if hint:
            message += f". {hint}"
        super().__init__(message)


class OutputError(LkjipAuditError):
    """An output file cannot be written; the message says which and why."""


class AuditTimeout(LkjipAuditError):
    """A report's audit ran past its time limit and was stopped."""


class KernelDied(LkjipAuditError):
    """The notebook kernel auditing a report died (out of memory, or killed)."""
