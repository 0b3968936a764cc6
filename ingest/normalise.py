"""Text normalisation before NLP: spaces, soft hyphens, broken lines, quotes and dashes.

>>> normalise_text("Vězeňská\\u00a0služba – pro\\u00adjekt „WORKPRIS“")
'Vězeňská služba - projekt "WORKPRIS"'
>>> normalise_text("reinte-\\ngrace vězňů")
'reintegrace vězňů'
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata

_CHAR_MAP = str.maketrans(
    {
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u3000": " ",
        "\t": " ",
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u201e": '"',
        "\u201c": '"',
        "\u201d": '"',
        "\u201f": '"',
        "\u00bb": '"',
        "\u00ab": '"',
        "\u2039": "'",
        "\u203a": "'",
        "\u201a": "'",
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\r": "\n",
        "\u2028": "\n",
        "\u2029": "\n",
        "\u0085": "\n",
        "\f": "\n",
        "\v": "\n",
        # typographic ligatures from PDFs
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\u2026": "...",
    }
)
_DROP = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
# the same two tables as patterns: a regex finds the few characters to change in C, where
# str.translate looks every character of the text up in the table (~6x slower)
_CHAR_STRINGS = {chr(code): value for code, value in _CHAR_MAP.items()}
_CHAR_PATTERN = re.compile("[" + re.escape("".join(_CHAR_STRINGS)) + "]")
_DROP_PATTERN = re.compile("[" + "".join(map(chr, _DROP)) + "]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# a word broken at a line end: lower-case letters on both sides of "-\n"
_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_])-\n[ ]*(?=[^\W\d_A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽĄĆĘŁŃŚŹŻÄÖÜ])")
_SPACES = re.compile(r"[ ]{2,}")
_MANY_NEWLINES = re.compile(r"\n{3,}")


def normalise_text(text: str) -> str:
    """NFC, unify spaces/dashes/quotes, drop soft hyphens and controls, join broken words."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n")
    text = _CHAR_PATTERN.sub(lambda found: _CHAR_STRINGS[found[0]], text)  # .translate(_CHAR_MAP)
    text = _DROP_PATTERN.sub("", text)  # .translate(_DROP)
    text = _CONTROL.sub("", text)
    text = _HYPHEN_BREAK.sub("", text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _MANY_NEWLINES.sub("\n\n", text).strip()


def fold(text: str) -> str:
    """Lower-case, strip diacritics, collapse punctuation/space (the eval's normalisation).

    >>> fold("Vězeňská služba ČR")
    'vezenska sluzba cr'
    >>> fold("Związek  Miast-Polskich")
    'zwiazek miast polskich'
    """
    if text.isascii():  # NFKD, the combining marks and the letter map change nothing
        stripped = text.casefold()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        stripped = decomposed.translate(_combining_marks())
        stripped = stripped.replace("ł", "l").replace("Ł", "L").replace("ß", "ss").replace("đ", "d")
        stripped = stripped.casefold()
    return " ".join(_NON_WORD.sub(" ", stripped).split())


_NON_WORD = re.compile(r"[\W_]+")


@functools.cache
def _combining_marks() -> dict[int, None]:
    """A ``str.translate`` table deleting every combining character (built once)."""
    return {c: None for c in range(sys.maxunicode + 1) if unicodedata.combining(chr(c))}
