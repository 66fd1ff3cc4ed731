"""Primitive: article bytes to clean text — decoding, invisible characters, web boilerplate.

`decode_text` accepts UTF-8 (with or without a BOM) and falls back to cp1252 only when that
decodes cleanly; binary and UTF-16 data are refused, never decoded with replacement characters.
`clean_text` gives the text every fact span refers to, so it only removes what carries no
content: zero-width and BiDi control characters, control characters, trailing spaces, extra
blank lines, and short lines that are site widgets (ads, share buttons, "related" boxes,
read-time bylines, a numbered breadcrumb trail at the top). Quotes, dashes, indentation and
every sentence are kept as they were. The function is pure: the same input always gives the
same output, and CRLF, CR and LF variants of a text clean to the same string.
"""

from __future__ import annotations

import re
import unicodedata

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_NEWLINES = re.compile(r"\r\n|\r|\u2028|\u2029|\x85")
# Zero-width characters, word joiner, BOM, BiDi embeddings/isolates/marks and the soft hyphen.
_INVISIBLE = ("\u200b\u200c\u200d\u2060\ufeff" "\u202a\u202b\u202c\u202d\u202e"
              "\u2066\u2067\u2068\u2069\u200e\u200f" "\u00ad")
_CONTROLS = "".join(chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F))
_DROP_CHARS = dict.fromkeys(map(ord, _INVISIBLE + _CONTROLS))
# Lines that are nothing but a widget label: ads, share buttons, "related" boxes, trackers.
_WIDGET_LINES = frozenset({
    "advertisement", "advertisements", "ad", "sponsored", "sponsored content", "scorecard",
    "related", "related posts", "related articles", "related stories", "related content",
    "read more", "read next", "continue reading", "share", "share this", "share this article",
    "share this story", "skip to content", "skip to main content",
    "story continues below advertisement", "article continues below advertisement",
})
_WIDGET_PATTERNS = (
    re.compile(r"sources?\s*:\s*\S.{0,58}", re.IGNORECASE),  # "Source :Skai"
    re.compile(r"subscribe\b.{0,120}", re.IGNORECASE),  # "Subscribe to our newsletter"
    re.compile(r".{0,40}?\d{1,3}\s*(?:mins?|minutes?)\.?\s+read", re.IGNORECASE),  # "Policy1 min read"
)
_NAV_ITEM = re.compile(r"\s*(\d{1,2})\.\s+(\S.*)")
_NAV_LABEL_WORDS = 3
_NAV_LAST_CHARS = 150


def decode_text(data: bytes) -> str:
    """The text of an article file's bytes; ValueError names the problem when there is none."""
    if data.startswith(_UTF16_BOMS):
        raise ValueError("UTF-16 text is not supported; save it as UTF-8")
    if b"\x00" in data:
        raise ValueError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        position = exc.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ValueError(f"invalid UTF-8 at byte {position}, and not cp1252 either") from None
    if _looks_binary(text):
        raise ValueError(f"invalid UTF-8 at byte {position}, and as cp1252 it is mostly symbols: a binary file?")
    return text


_CP1252_TEXT_SYMBOLS = set("“”‘’–—…€£°·•§©®™´¨«»¿¡")


def _looks_binary(text: str) -> bool:
    """True when over 5% of the characters are control codes or stray high-byte symbols."""
    odd = sum(1 for c in text if (unicodedata.category(c).startswith("C") and c not in "\t\n\r")
              or (ord(c) > 127 and not c.isalpha() and c not in _CP1252_TEXT_SYMBOLS))
    return odd > 0.05 * max(1, len(text))


def clean_text(raw: str) -> str:
    """The article text spans refer to: invisible characters and boilerplate lines removed.

    Newlines become LF, text is NFC, trailing spaces go, runs of blank lines shrink to one.
    Everything else (curly quotes, leading indentation, punctuation) is kept as it was.
    """
    text = unicodedata.normalize("NFC", _NEWLINES.sub("\n", raw).translate(_DROP_CHARS))
    lines = [line.rstrip() for line in text.split("\n")]
    lines = _drop_breadcrumbs([line for line in lines if not is_boilerplate_line(line)])
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def is_boilerplate_line(line: str) -> bool:
    """True for a short line that is a site widget (ad, share, related, read time), not prose."""
    label = line.strip()
    if not label:
        return False
    return label.casefold() in _WIDGET_LINES or any(p.fullmatch(label) for p in _WIDGET_PATTERNS)


def _drop_breadcrumbs(lines: list[str]) -> list[str]:
    """Drop a numbered navigation trail ("1. Home", "2. Policy", ...) at the top of the text.

    The trail must count up from 1 with short labels; its last item may be the page title.
    """
    start = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    labels: list[str] = []
    for line in lines[start:]:
        match = _NAV_ITEM.fullmatch(line)
        if not match or int(match.group(1)) != len(labels) + 1:
            break
        labels.append(match.group(2).strip())
    if len(labels) < 2 or not all(_is_nav_label(label) for label in labels[:-1]):
        return lines
    last = labels[-1]
    if not (_is_nav_label(last) or (len(last) <= _NAV_LAST_CHARS and last[-1] not in ".!?:;")):
        return lines
    return lines[:start] + lines[start + len(labels):]


def _is_nav_label(label: str) -> bool:
    return len(label.split()) <= _NAV_LABEL_WORDS and len(label) <= 30 and label[-1] not in ".!?:;,"
