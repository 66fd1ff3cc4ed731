"""Stage (model access): secrets never leave the process in a message, a stored error or a log line.

An endpoint may echo the request's key in an error body, and a `--base-url` may carry a user and
password (which httpx then sends as Basic auth). `register` learns the secrets of a client as it
is built: the key, the URL's password, and the Basic credentials made from it. `redact` replaces
them, and anything shaped like a bearer token or an `sk-` key, with "[redacted]". `register` also
installs a log-record factory once, so every log line of every library is redacted before any
handler sees it.
"""

from __future__ import annotations

import base64
import logging
import re
import threading
from typing import Any
from urllib.parse import unquote, urlsplit

REDACTED = "[redacted]"
_SHAPES = re.compile(r"\b(?:sk-[A-Za-z0-9_\-]{8,}|(?<=Bearer )[^\s'\"]+|(?<=Basic )[A-Za-z0-9+/=]{8,})")
_secrets: set[str] = set()
_lock = threading.Lock()
_installed = False
_FORMATTER = logging.Formatter()


def url_secrets(url: str | None) -> list[str]:
    """The password of a URL with credentials, and the Basic auth value made from them."""
    if not url:
        return []
    parts = urlsplit(url)
    if parts.password is None:
        return []
    user, password = unquote(parts.username or ""), unquote(parts.password)
    return [password, parts.password, base64.b64encode(f"{user}:{password}".encode()).decode()]


def register(*secrets: str | None) -> None:
    """Remember secrets to redact from now on (short ones too would hit ordinary words: 4+ chars)."""
    with _lock:
        _secrets.update(s for s in secrets if s and len(s) >= 4)
    _install_log_filter()


def redact(text: str) -> str:
    """`text` without any registered secret or anything shaped like a key."""
    for secret in sorted(_secrets, key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    return _SHAPES.sub(REDACTED, text)


def _install_log_filter() -> None:
    global _installed
    with _lock:
        if _installed:
            return
        _installed = True
        make = logging.getLogRecordFactory()

        def redacting(*args: Any, **kwargs: Any) -> logging.LogRecord:
            record = make(*args, **kwargs)
            try:
                message = record.getMessage()
            except Exception:  # a broken format string is logging's own business
                return record
            cleaned = redact(message)
            if cleaned != message:
                record.msg, record.args = cleaned, None
            if record.exc_info:  # a traceback shows URLs and error bodies: format it now, redacted
                record.exc_text = redact(_FORMATTER.formatException(record.exc_info))
            return record

        logging.setLogRecordFactory(redacting)
