"""Test tool: a fake OpenAI-compatible chat-completions server over real HTTP on 127.0.0.1.

It answers the mention-guided prompts deterministically (prompt v3: one label per quantity, with
the first allowed metric; prompt v2: a label for every mark asked about), after a configurable
latency, and injects faults by request number:

    429      rate limited, with Retry-After (retry-after-ms keeps tests fast)
    500/503  server errors
    401      bad credentials
    malformed   a 200 whose content is not JSON
    truncated   a 200 cut off at max_tokens (finish_reason "length")
    drop     the connection is closed without an answer
    hang     no answer until well past the client's timeout

Used by the fault tests, the kill-and-resume test and the batch benchmarks.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

RETRY_AFTER_MS = "50"


@dataclass
class Recorded:
    number: int
    path: str
    fault: str | None
    body: dict[str, Any]


@dataclass
class FakeAPI:
    """Start with `with FakeAPI(...) as api:`; `api.base_url` is the endpoint."""

    latency: float = 0.0
    faults: dict[int, str] = field(default_factory=dict)
    hang_seconds: float = 5.0
    requests: list[Recorded] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def __enter__(self) -> "FakeAPI":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def record(self, path: str, body: dict[str, Any]) -> Recorded:
        with self._lock:
            number = len(self.requests) + 1
            entry = Recorded(number, path, self.faults.get(number), body)
            self.requests.append(entry)
            return entry

    @property
    def chat_calls(self) -> int:
        return sum(1 for r in self.requests if r.path.endswith("/chat/completions"))


def label_reply(body: dict[str, Any]) -> str:
    """The deterministic 'model': a JSON answer for a mention-guided prompt."""
    user = next(m["content"] for m in body["messages"] if m["role"] == "user")
    if allowed := re.search(r"Allowed metrics: (.*)", user):
        metric = allowed.group(1).split(", ")[0]
        return json.dumps({"is_fact": True, "metric": metric, "entity": "Testland", "status": "actual",
                           "metric_label": "counted_things" if metric == "other" else None})
    if marks := re.search(r"Label these marks: (.*)", user):
        ids = marks.group(1).split(", ")
        return json.dumps({"labels": [{"id": i, "is_fact": True, "metric": "other", "metric_label": "thing",
                                       "entity": "Testland", "status": "actual"} for i in ids]})
    return json.dumps({"facts": []})


def completion_body(content: str, finish_reason: str = "stop") -> bytes:
    return json.dumps({
        "id": "chatcmpl-fake", "object": "chat.completion", "created": 0, "model": "fake",
        "choices": [{"index": 0, "finish_reason": finish_reason, "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
    }).encode()


def _handler_for(api: FakeAPI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            self._send(200, json.dumps({"object": "list", "data": [{"id": "fake", "object": "model"}]}).encode())

        def do_POST(self) -> None:
            length = int(self.headers.get("content-length", 0))
            body = json.loads(self.rfile.read(length) or b"{}")
            entry = api.record(self.path, body)
            time.sleep(api.latency)
            self._answer(entry)

        def _answer(self, entry: Recorded) -> None:
            fault = entry.fault
            if fault == "drop":
                self.connection.shutdown(socket.SHUT_RDWR)
                self.close_connection = True
                return
            if fault == "hang":
                time.sleep(api.hang_seconds)
                self.close_connection = True
                return
            if fault in ("429", "500", "503", "401"):
                error = {"error": {"message": f"injected {fault}", "type": "injected", "code": fault}}
                self._send(int(fault), json.dumps(error).encode(), {"retry-after-ms": RETRY_AFTER_MS, "retry-after": "0"})
                return
            if fault == "malformed":
                self._send(200, completion_body('{"is_fact": tru'))
                return
            if fault == "truncated":
                self._send(200, completion_body('{"is_fact": true, "metric": "gdp_', finish_reason="length"))
                return
            self._send(200, completion_body(label_reply(entry.body)))

        def _send(self, status: int, payload: bytes, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(payload)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(payload)

    return Handler
