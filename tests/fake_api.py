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
    empty    a 200 with an empty body
    garbage  a 200 whose body is not JSON at all (an HTML error page)
    cut      a 200 whose JSON body stops half-way
    invalid  a 200 whose answer parses but fails the label validator (a metric not allowed)
    injected a 200 whose label names an entity ("Zeta Holdings") and an attribution ("IMF") that no
             test article holds, as a prompt-injected answer would
    trickle  a good answer sent one byte at a time, `trickle_seconds` apart
    context  a 400 "context length exceeded" that echoes the request's API key
    no_usage / negative_usage   a good answer without `usage`, or with negative token counts
    429_long / 429_inf   a 429 with Retry-After: 3600 or inf

It also fakes the Files and Batches endpoints of the Batch API: a batch runs through validating
and in_progress to completed over `batch_polls` polls, answering each request like the chat
endpoint; `batch_faults` maps a custom_id to "error" (a failed request) or "malformed" (an
answer that is not JSON).

Used by the fault tests, the kill-and-resume test, the Batch API tests and the batch benchmarks.
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import re
import socket
import threading
import random
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
    trickle_seconds: float = 0.05
    fault_rate: float = 0.0
    fault_kinds: tuple[str, ...] = ()
    fault_seed: int = 0
    batch_polls: int = 2
    batch_faults: dict[str, str] = field(default_factory=dict)
    requests: list[Recorded] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)
    batches: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._random = random.Random(self.fault_seed)
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
            entry = Recorded(number, path, self.faults.get(number) or self._random_fault(path), body)
            self.requests.append(entry)
            return entry

    def _random_fault(self, path: str) -> str | None:
        """With `fault_rate`, a chat request draws one of `fault_kinds` at random (seeded)."""
        if not path.endswith("/chat/completions") or not self.fault_kinds:
            return None
        return self._random.choice(self.fault_kinds) if self._random.random() < self.fault_rate else None

    def create_file(self, content: bytes) -> dict[str, Any]:
        with self._lock:
            file_id = f"file-{len(self.files) + 1}"
            self.files[file_id] = content
        return {"id": file_id, "object": "file", "bytes": len(content), "created_at": 0,
                "filename": "input.jsonl", "purpose": "batch", "status": "processed"}

    def create_batch(self, body: dict[str, Any]) -> dict[str, Any]:
        lines = self.files[body["input_file_id"]].decode().splitlines()
        with self._lock:
            batch_id = f"batch_{len(self.batches) + 1}"
            self.batches[batch_id] = {
                "id": batch_id, "object": "batch", "endpoint": body["endpoint"], "input_file_id": body["input_file_id"],
                "completion_window": body["completion_window"], "status": "validating", "created_at": 0,
                "output_file_id": None, "error_file_id": None, "polls": 0,
                "request_counts": {"total": len(lines), "completed": 0, "failed": 0},
            }
        return self.public(batch_id)

    def public(self, batch_id: str) -> dict[str, Any]:
        return {k: v for k, v in self.batches[batch_id].items() if k != "polls"}

    def poll_batch(self, batch_id: str) -> dict[str, Any]:
        batch = self.batches[batch_id]
        if batch["status"] in ("validating", "in_progress"):
            batch["polls"] += 1
            batch["status"] = "completed" if batch["polls"] >= self.batch_polls else "in_progress"
            if batch["status"] == "completed":
                self._answer_batch(batch)
        return self.public(batch_id)

    def _answer_batch(self, batch: dict[str, Any]) -> None:
        answers, errors = [], []
        for n, line in enumerate(self.files[batch["input_file_id"]].decode().splitlines(), 1):
            request = json.loads(line)
            fault = self.batch_faults.get(request["custom_id"])
            if fault == "error":
                errors.append({"id": f"req_{n}", "custom_id": request["custom_id"], "response": None,
                               "error": {"code": "server_error", "message": "injected"}})
                continue
            content = '{"is_fact": tru' if fault == "malformed" else label_reply(request["body"])
            answers.append({"id": f"req_{n}", "custom_id": request["custom_id"], "error": None,
                            "response": {"status_code": 200, "request_id": f"r{n}", "body": json.loads(completion_body(content))}})
        batch["request_counts"] |= {"completed": len(answers), "failed": len(errors)}
        batch["output_file_id"] = self.create_file("".join(json.dumps(a) + "\n" for a in answers).encode())["id"]
        if errors:
            batch["error_file_id"] = self.create_file("".join(json.dumps(e) + "\n" for e in errors).encode())["id"]

    @property
    def chat_calls(self) -> int:
        return sum(1 for r in self.requests if r.path.endswith("/chat/completions"))


def label_reply(body: dict[str, Any]) -> str:
    """The deterministic 'model': a JSON answer for a mention-guided prompt."""
    user = next(m["content"] for m in body["messages"] if m["role"] == "user")
    entity = "Testland" if "Testland" in user else None  # a name the text gives, or none
    if numbers := re.findall(r"^The number (m\d+): ", user, re.MULTILINE):  # prompts v4, v5 and v6
        return json.dumps({"labels": {i: {"fact": True, "metric": "other:counted_things", "entity": entity,
                                          "period": None, "status": "actual", "by": None} for i in numbers}})
    if allowed := re.search(r"Allowed metrics: (.*)", user):
        metric = allowed.group(1).split(", ")[-1]  # 'other': the first allowed can fail the metric checks
        return json.dumps({"is_fact": True, "metric": metric, "entity": entity, "status": "actual",
                           "metric_label": "counted_things" if metric == "other" else None})
    if marks := re.search(r"Label these marks: (.*)", user):
        ids = marks.group(1).split(", ")
        return json.dumps({"labels": [{"id": i, "is_fact": True, "metric": "other", "metric_label": "thing",
                                       "entity": entity, "status": "actual"} for i in ids]})
    return json.dumps({"facts": []})


USAGE = {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120}


def completion_body(content: str, finish_reason: str = "stop", usage: dict[str, int] | None = USAGE) -> bytes:
    body: dict[str, Any] = {
        "id": "chatcmpl-fake", "object": "chat.completion", "created": 0, "model": "fake",
        "choices": [{"index": 0, "finish_reason": finish_reason, "message": {"role": "assistant", "content": content}}],
    }
    if usage is not None:
        body["usage"] = usage
    return json.dumps(body).encode()


def invalid_reply(body: dict[str, Any]) -> str:
    """An answer that parses but names a metric the prompt did not allow."""
    answer = json.loads(label_reply(body))
    if isinstance(answer.get("labels"), dict):  # prompts v4 to v7: every label's metric
        return json.dumps({"labels": {i: {**label, "metric": "no_such_metric"} for i, label in answer["labels"].items()}})
    return json.dumps({**answer, "metric": "no_such_metric"})


def injected_reply(body: dict[str, Any]) -> str:
    """A valid-looking label whose entity and attribution are named nowhere in the article."""
    return json.dumps({**json.loads(label_reply(body)), "entity": "Zeta Holdings", "attribution": "IMF"})


BODIES: dict[str, Any] = {
    "empty": lambda body: b"",
    "garbage": lambda body: b"<html><body>502 Bad Gateway</body></html>",
    "cut": lambda body: completion_body(label_reply(body))[:60],
    "invalid": lambda body: completion_body(invalid_reply(body)),
    "injected": lambda body: completion_body(injected_reply(body)),
    "no_usage": lambda body: completion_body(label_reply(body), usage=None),
    "negative_usage": lambda body: completion_body(
        label_reply(body), usage={"prompt_tokens": -1_000_000, "completion_tokens": -5, "total_tokens": -1_000_005}),
}


def _handler_for(api: FakeAPI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # TCP_NODELAY, as real API servers set it. Without it the body, sent after the headers,
        # waits for the client's delayed ACK: a 40 ms stall on every answer.
        disable_nagle_algorithm = True

        def log_message(self, *args: Any) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            api.record(self.path, {})
            if match := re.fullmatch(r"/v1/batches/([\w-]+)", self.path):
                self._send(200, json.dumps(api.poll_batch(match.group(1))).encode())
            elif match := re.fullmatch(r"/v1/files/([\w-]+)/content", self.path):
                self._send(200, api.files[match.group(1)], {"content-type": "application/octet-stream"})
            else:
                self._send(200, json.dumps({"object": "list", "data": [{"id": "fake", "object": "model"}]}).encode())

        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("content-length", 0)))
            if self.path == "/v1/files":
                api.record(self.path, {})
                self._send(200, json.dumps(api.create_file(_multipart_file(self.headers["content-type"], raw))).encode())
                return
            body = json.loads(raw or b"{}")
            entry = api.record(self.path, body)
            if self.path == "/v1/batches":
                self._send(200, json.dumps(api.create_batch(body)).encode())
            elif match := re.fullmatch(r"/v1/batches/([\w-]+)/cancel", self.path):
                api.batches[match.group(1)]["status"] = "cancelled"
                self._send(200, json.dumps(api.public(match.group(1))).encode())
            else:
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
            if fault in BODIES:
                self._send(200, BODIES[fault](entry.body))
                return
            if fault == "trickle":
                self._trickle(completion_body(label_reply(entry.body)))
                return
            if fault == "context":
                key = self.headers.get("authorization", "").removeprefix("Bearer ")
                error = {"error": {"message": f"This model's maximum context length is 8192 tokens (key {key})",
                                   "type": "invalid_request_error", "code": "context_length_exceeded"}}
                self._send(400, json.dumps(error).encode())
                return
            if fault in ("429_long", "429_inf"):
                error = {"error": {"message": "slow down", "type": "rate_limit", "code": "429"}}
                self._send(429, json.dumps(error).encode(), {"retry-after": "3600" if fault == "429_long" else "inf"})
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

        def _trickle(self, payload: bytes) -> None:
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(payload)))
            self.end_headers()
            try:
                for i in range(len(payload)):
                    self.wfile.write(payload[i:i + 1])
                    self.wfile.flush()
                    time.sleep(api.trickle_seconds)
            except OSError:  # the client gave up
                self.close_connection = True

        def _send(self, status: int, payload: bytes, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            headers = {"content-type": "application/json", **(headers or {})}
            self.send_header("content-length", str(len(payload)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(payload)

    return Handler


def _multipart_file(content_type: str, body: bytes) -> bytes:
    """The `file` part of a multipart/form-data upload."""
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body)
    for part in message.iter_parts():
        if part.get_param("name", header="content-disposition") == "file":
            return part.get_payload(decode=True)
    raise ValueError("no file part in the upload")
