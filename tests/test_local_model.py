"""The embedded model server's process handling, without a model: checksum check and clean-up."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.errors import ModelServerError
from pipeline.model.local_model import resolve_gguf

ROOT = Path(__file__).resolve().parent.parent
PARENT = """
import subprocess, sys, time
from pipeline.model.local_model import _die_with_parent
# like the server, which on SIGTERM finishes the generation in flight first, the child ignores SIGTERM
child = subprocess.Popen([sys.executable, "-c", "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
                          "print('ready', flush=True); time.sleep(60)"], preexec_fn=_die_with_parent,
                         stdout=subprocess.PIPE, text=True)
child.stdout.readline()  # SIGTERM is ignored from here on
print(child.pid, flush=True)
time.sleep(60)
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text().split("State:")[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"


@pytest.mark.skipif(sys.platform != "linux", reason="parent-death signal is Linux-only")
def test_server_process_dies_when_newsfacts_is_killed() -> None:
    with subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True, cwd=ROOT) as parent:
        child = int(parent.stdout.readline())
        assert _alive(child)
        os.kill(parent.pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child)


def test_a_missing_local_gguf_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelServerError, match="nowhere.gguf"):
        resolve_gguf(tmp_path / "nowhere.gguf", tmp_path)
