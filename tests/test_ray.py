"""The Ray Data runner: a local Ray (2 CPUs), 200 articles against the fake API, and facts equal to
a single-process run, fact id for fact id. Needs `newsfacts[ray]`; skipped without Ray unless
NEWSFACTS_REQUIRE_RAY is set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.run.runner import run_batch

from .fake_api import FakeAPI
from .test_faults import settings, write_articles

ray = pytest.importorskip("ray") if not os.environ.get("NEWSFACTS_REQUIRE_RAY") else __import__("ray")


pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:ray.*", "ignore::FutureWarning:ray.*")


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)
    yield
    ray.shutdown()


def test_ray_run_equals_a_single_process_run(tmp_path: Path, local_ray: None) -> None:
    write_articles(tmp_path / "in", 200)
    with FakeAPI(latency=0.01) as api:
        single = run_batch([tmp_path / "in"], settings(api, concurrency=4), tmp_path / "single")
        on_ray = run_batch([tmp_path / "in"], settings(api, engine="ray", ray_workers=2, rpm=100_000), tmp_path / "ray")
        again = run_batch([tmp_path / "in"], settings(api, engine="ray", ray_workers=2), tmp_path / "ray")
    strip = lambda facts: [f.model_dump(exclude={"run_id"}) for f in facts]  # noqa: E731
    assert len(on_ray.facts) == 400 and strip(on_ray.facts) == strip(single.facts)
    assert {o.status for o in on_ray.outcomes} == {"done"} and on_ray.summary["counts"]["model_calls"] == 400
    assert again.summary["counts"]["model_calls"] == 0 and again.summary["counts"]["skipped"] == 200
