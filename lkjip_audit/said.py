"""A sentence the outputs show, said in both languages: every step may write one, the report shows one.

Layout repairs and role decisions are made deep in ingestion and understanding, long before anyone knows
the output's language; each is written once in Bahasa Indonesia and English, side by side, so the workbook
of an Indonesian run never falls back to English. A `Said` is its English text as a `str` (logs, tests,
`in` and `startswith` read it as before); `said.text("id")` gives the Indonesian.
"""

from __future__ import annotations


class Said(str):
    """English text that carries its Indonesian translation."""

    indonesian: str

    def __new__(cls, id: str, en: str) -> Said:  # noqa: A002 - the language codes are the parameters' names
        said = super().__new__(cls, en)
        said.indonesian = id
        return said

    def text(self, lang: str) -> str:
        return self.indonesian if lang == "id" else str(self)

    def after(self, prefix: Said) -> Said:
        """This sentence behind a prefix (`baris 12: `) in both languages."""
        return Said(prefix.indonesian + self.indonesian, str(prefix) + str(self))

    def __reduce__(self):  # pickled across processes (the batch's workers) with both languages
        return (Said, (self.indonesian, str(self)))


def where(line: int | None, page: int | None) -> Said:
    """`line 12: ` / `baris 12: `, or the page, or nothing."""
    if line is not None:
        return Said(f"baris {line}: ", f"line {line}: ")
    return Said(f"halaman {page}: ", f"page {page}: ") if page is not None else Said("", "")


def shown(text: str, lang: str) -> str:
    """Any note in the output's language: a `Said` in that language, a plain string as it is."""
    return text.text(lang) if isinstance(text, Said) else text
