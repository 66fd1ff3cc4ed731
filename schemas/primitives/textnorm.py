"""Primitive: text normalization that remembers where each character came from.

A model copies a sentence with straight quotes where the article has curly ones, with one space
where the page had a line break, or without the invisible characters a CMS left behind. To find
the sentence anyway we compare normalized forms, and to point back at the article we keep, for
every normalized character, the index of the original character it came from.

Normalization, one character at a time: invisible characters (zero-width, BiDi controls, soft
hyphen) are dropped; curly quotes, primes and guillemets become ' or "; every dash becomes "-";
NFKC folds compatibility forms ("ﬁ" -> "fi", NBSP -> space); the result is lower-cased; runs of
whitespace collapse to one space; leading and trailing spaces are dropped. The functions say
`fold` (`fold_text`, `fold_with_map`): `normalize` is the stage that brings facts to normal form.
"""

from __future__ import annotations

import unicodedata

_DROPPED = frozenset(
    "\u200b\u200c\u200d\u2060\ufeff"  # zero-width space / non-joiner / joiner, word joiner, BOM
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"  # BiDi controls
    "\u00ad"  # soft hyphen: invisible unless a line breaks there
)
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u2039\u203a\u00b4`"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_FOLD: dict[str, str] = {
    **{ch: "'" for ch in _SINGLE_QUOTES},
    **{ch: '"' for ch in _DOUBLE_QUOTES},
    **{ch: "-" for ch in _DASHES},
}


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Normalize `text`; also return, per output character, its index in `text`."""
    out: list[str] = []
    offsets: list[int] = []
    for index, ch in enumerate(text):
        for piece in _fold_char(ch):
            if piece.isspace():
                if not out or out[-1] == " ":
                    continue
                piece = " "
            out.append(piece)
            offsets.append(index)
    if out and out[-1] == " ":
        out.pop()
        offsets.pop()
    return "".join(out), offsets


def fold_text(text: str) -> str:
    """The normalized form of `text` (see the module docstring)."""
    return fold_with_map(text)[0]


def without_accents(text: str) -> str:
    """"Xóchitl Gálvez" as "Xochitl Galvez", "guaraní" as "guarani", and an apostrophe written as a
    curly quote or a modifier letter as ' ("Tongan paʻanga"); letters without a decomposition ("ł") stay."""
    decomposed = unicodedata.normalize("NFKD", text).replace("\u02bb", "'").replace("\u2019", "'")
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def original_span(offsets: list[int], text_len: int, nstart: int, nend: int) -> tuple[int, int]:
    """Map the normalized span [nstart, nend) back to a [start, end) span of the original text.

    `offsets` is the map from `fold_with_map` and `text_len` the original length. Indices
    are clamped into range. An empty span maps to an empty span where its position falls: before
    the character at `nstart`, or just after the last mapped character when `nstart` is at the
    end (at `text_len` when nothing was mapped at all).
    """
    size = len(offsets)
    nstart = min(max(nstart, 0), size)
    nend = min(max(nend, 0), size)
    if nend <= nstart:
        if nstart < size:
            return offsets[nstart], offsets[nstart]
        pos = offsets[-1] + 1 if offsets else text_len
        return pos, pos
    return offsets[nstart], offsets[nend - 1] + 1


def _fold_char(ch: str) -> str:
    """One source character as normalized text: "" when dropped, else one or more characters."""
    if ch in _DROPPED:
        return ""
    folded = _FOLD.get(ch)
    if folded is not None:
        return folded
    compat = unicodedata.normalize("NFKC", ch)
    return "".join(_FOLD.get(c, c) for c in compat if c not in _DROPPED).lower()
