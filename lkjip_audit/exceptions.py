"""The one family of errors lkjip-audit reports to its users."""

from __future__ import annotations


#: Language of the messages errors give when shown (`use_language`): the command sets the run's; a library
#: caller gets English unless it asks.
_LANGUAGE = {"lang": "en"}


def use_language(lang: str) -> None:
    """Show error messages in `lang` ("id" or "en") from now on in this process."""
    _LANGUAGE["lang"] = lang


def message_language() -> str:
    return _LANGUAGE["lang"]


class LkjipAuditError(Exception):
    """Base class of every error the toolkit explains to its user.

    The message may be a `said.Said`: it is then shown in the language chosen with `use_language`.
    """

    def __init__(self, message: str = ""):
        self.said = message
        super().__init__(str(message))

    def text(self, lang: str) -> str:
        from .said import shown

        return shown(self.said, lang)

    def __str__(self) -> str:
        return self.text(message_language())

    def __reduce__(self):  # across processes (the batch's workers) with both languages
        return (type(self), (self.said,))


class InputError(LkjipAuditError):
    """An input report cannot be read; the message names the file and what to do.

    `problem` and `hint` may be `said.Said` (both languages): the message is then in the language chosen with
    `use_language`, English by default.
    """

    def __init__(self, path, problem: str, hint: str = ""):
        self.path = str(path)
        self.problem = problem
        self.hint = hint
        Exception.__init__(self, self.text("en"))

    def text(self, lang: str) -> str:
        from .said import shown

        message = f"{self.path}: {shown(self.problem, lang)}"
        if self.hint:
            message += f". {shown(self.hint, lang)}"
        return message

    def __str__(self) -> str:
        return self.text(message_language())

    def __reduce__(self):  # across processes (the batch's workers) with both languages
        return (InputError, (self.path, self.problem, self.hint))


class OutputError(LkjipAuditError):
    """An output file cannot be written; the message says which and why."""


class AuditTimeout(LkjipAuditError):
    """A report's audit ran past its time limit and was stopped."""


class KernelDied(LkjipAuditError):
    """The notebook kernel auditing a report died (out of memory, or killed)."""
