"""Issue 17, hostile inputs: FIFOs, links out of the input folder, deep JSON, long names, an
unwritable --out and a tagged cassette each end in a named problem or their own exit code, never a
hang or a traceback (docs/reliability.md lists the cases)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from pipeline.ingest.sources import load_article, load_articles
from pipeline.model.cassettes import cassette_path
from pipeline.run.runner import run_batch
from pipeline.settings import DEFAULT_LOCAL_MODEL, Settings

from .fake_api import FakeAPI

ROOT = Path(__file__).resolve().parent.parent
GOOD = "Testland's exports grew 4.5% in 2023, the ministry said.\n"
SECRET = "ghs_CHECKOUTTOKEN0123456789"


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEWSFACTS_API_KEY": "k"}
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def fake_settings(api: FakeAPI, **changes: object) -> Settings:
    return Settings.from_env({"NEWSFACTS_API_KEY": "k"}, base_url=api.base_url, model="fake-model",
                             prompt="extract_facts@3", **changes)


def load_within(paths: list[Path], seconds: float) -> list[object]:
    """load_articles in a thread; [] if it did not return within `seconds` (it blocked)."""
    done: list[object] = []
    thread = threading.Thread(target=lambda: done.append(load_articles(paths)), daemon=True)
    thread.start()
    thread.join(seconds)
    return done


def test_a_fifo_in_the_input_folder_is_named_and_never_opened(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    os.mkfifo(tmp_path / "pipe.txt")
    loaded = load_within([tmp_path], 10)
    assert loaded, "loading blocked on the FIFO"
    result = loaded[0]
    assert [Path(a.path).name for a in result.articles] == ["good.txt"]
    [problem] = result.problems
    assert problem.path.endswith("pipe.txt") and "FIFO" in problem.reason and problem.status == "unsupported"
    os.unlink(tmp_path / "pipe.txt")  # lets a blocked reader (before the fix) finish


def test_links_out_of_the_input_folder_are_named_and_not_read_unless_followed(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text(f"[http]\n  extraheader = AUTHORIZATION: basic {SECRET} 5% of 2023\n")
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "good.txt").write_text(GOOD)
    (articles / "x.txt").symlink_to("../.git/config")
    (articles / "same.txt").symlink_to("good.txt")  # inside: fine
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "y.txt").write_text(f"{SECRET} rose 3% in 2022.\n")
    (articles / "linked").symlink_to("../elsewhere")
    with FakeAPI() as api:
        result = run_batch([articles], fake_settings(api), tmp_path / "out")
        sent = "".join(str(r.body) for r in api.requests)
    assert SECRET not in sent
    for name in ("report.html", "report.md", "facts.jsonl"):
        assert SECRET not in (tmp_path / "out" / name).read_text()
    skipped = {Path(o.path).name: o.error for o in result.outcomes if o.status == "unsupported"}
    assert set(skipped) == {"x.txt", "linked"} and all("--follow-links" in e for e in skipped.values())
    messages = (tmp_path / "out" / "findings.jsonl").read_text()
    assert "x.txt" in messages and "linked" in messages
    with FakeAPI() as api:
        followed = run_batch([articles], fake_settings(api, follow_links=True), tmp_path / "out2")
        assert SECRET in "".join(str(r.body) for r in api.requests)
    assert {Path(o.path).name for o in followed.outcomes if o.status == "done"} >= {"x.txt", "y.txt"}


def test_newsfacts_run_reads_links_out_of_the_inputs_only_with_follow_links(tmp_path: Path) -> None:
    """Through the CLI and the engine: the flag travels with the paths (InputPaths) to the loader."""
    articles, elsewhere = tmp_path / "articles", tmp_path / "elsewhere"
    articles.mkdir()
    elsewhere.mkdir()
    (articles / "good.txt").write_text(GOOD)
    (elsewhere / "far.txt").write_text("Farland's imports fell 2.5% in 2022, the agency said.\n")
    (elsewhere / "folder").mkdir()
    (elsewhere / "folder" / "deep.txt").write_text("Deepland's output rose 7% in 2021, the bureau said.\n")
    (articles / "far.txt").symlink_to(elsewhere / "far.txt")
    (articles / "linked").symlink_to(elsewhere / "folder")
    sent: dict[str, str] = {}
    codes: dict[str, int] = {}
    for name, flags in (("plain", []), ("followed", ["--follow-links"])):
        with FakeAPI() as api:
            run = cli("run", str(articles), "--base-url", api.base_url, "--model", "fake-model",
                      "--out", str(tmp_path / name), *flags)
            sent[name] = "".join(str(r.body) for r in api.requests)
        codes[name] = run.returncode
        assert "Traceback" not in run.stderr, run.stderr
    assert "Testland" in sent["plain"] and "Farland" not in sent["plain"] and "Deepland" not in sent["plain"]
    assert codes["plain"] == 4  # the links are named as inputs not read
    assert "--follow-links" in (tmp_path / "plain" / "run.json").read_text()
    assert all(land in sent["followed"] for land in ("Testland", "Farland", "Deepland"))
    assert codes["followed"] == 0


def test_follow_links_is_a_documented_cli_flag() -> None:
    shown = cli("run", "--help").stdout
    assert "--follow-links" in shown and "--keep-history" in shown
    assert "--follow-links" in (ROOT / "README.md").read_text()


DEEP = "[" * 50_000 + "]" * 50_000


def test_deeply_nested_json_in_an_article_or_meta_json_is_a_named_problem(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "deep.json").write_text('{"text": "GDP grew 3% in 2023.", "extra": ' + DEEP + "}")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "good.txt").write_text(GOOD)
    (tmp_path / "b" / "meta.json").write_text('{"good.txt": {"outlet": "X", "junk": ' + DEEP + "}}")
    result = load_articles([tmp_path / "a", tmp_path / "b"])
    assert not result.articles
    reasons = {Path(p.path).name: p.reason for p in result.problems}
    assert "nested more than" in reasons["deep.json"] and "meta.json" in reasons["good.txt"]
    run = cli("prompts", "render", "extract_facts@3", str(tmp_path / "a" / "deep.json"))
    assert run.returncode == 2 and "nested more than" in run.stderr and "Traceback" not in run.stderr


def test_a_run_with_unreadable_inputs_exits_4_and_processes_the_rest(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "deep.json").write_text('{"text": ' + DEEP + "}")
    (tmp_path / "in" / "good.txt").write_text(GOOD)
    with FakeAPI() as api:
        run = cli("run", str(tmp_path / "in"), "--base-url", api.base_url, "--model", "fake-model",
                  "--out", str(tmp_path / "out"))
        assert api.chat_calls > 0
    assert run.returncode == 4, run.stderr
    assert "Traceback" not in run.stderr and "deep.json" in (tmp_path / "out" / "run.json").read_text()


def test_a_250_character_file_name_loads(tmp_path: Path) -> None:
    path = tmp_path / ("n" * 246 + ".txt")
    path.write_text(GOOD)
    assert load_article(path).text == GOOD.strip()
    assert len(load_articles([tmp_path]).articles) == 1


def test_an_unwritable_out_stops_the_run_before_any_model_call(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(GOOD)
    (tmp_path / "file").write_text("a file, not a folder")  # works as root too, unlike chmod
    with FakeAPI() as api:
        run = cli("run", str(tmp_path / "in"), "--base-url", api.base_url, "--model", "fake-model",
                  "--db", str(tmp_path / "store.db"), "--out", str(tmp_path / "file" / "out"))
        calls = api.chat_calls
    assert calls == 0
    assert run.returncode == 6, run.stderr
    assert "output folder" in run.stderr and "Traceback" not in run.stderr


def test_a_cassette_with_a_yaml_tag_stops_the_replay_with_its_own_exit_code(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(GOOD)
    article = load_article(tmp_path / "in" / "good.txt")
    evil = cassette_path(tmp_path / "cassettes", Settings().prompt, DEFAULT_LOCAL_MODEL, article.article_id)
    evil.parent.mkdir(parents=True)
    evil.write_text(f"interactions:\n- !!python/object/apply:os.system ['touch {tmp_path}/pwned']\nversion: 1\n")
    run = cli("run", str(tmp_path / "in"), "--replay", "--cassettes", str(tmp_path / "cassettes"),
              "--out", str(tmp_path / "out"))
    assert run.returncode == 7, run.stderr
    assert evil.name in run.stderr.replace("\n", "") and "Traceback" not in run.stderr
    assert not (tmp_path / "pwned").exists()


def test_validate_names_the_file_and_line_of_nan_infinity_and_huge_numbers(tmp_path: Path) -> None:
    fact = '{"fact_id": "f1", "article_id": "a1", "entity": "X", "metric": "other", "unit": "people", "quote": "q", '
    for bad in ("NaN", "Infinity", "-Infinity", "1e999", "1" + "0" * 400):
        path = tmp_path / "facts.jsonl"
        path.write_text(fact + '"value": 3}\n' + fact + f'"value": {bad}}}\n')
        run = cli("validate", str(path))
        assert run.returncode == 2, (bad, run.stdout, run.stderr)
        assert f"{path}:2" in run.stderr.replace("\n", "") and "Traceback" not in run.stderr, bad
    path.write_text(fact + '"value": 3, "published": "0001-01-01", "period_start": "0-01-01"}\n')
    run = cli("validate", str(path))
    assert run.returncode == 2 and "period_start" in run.stderr and "Traceback" not in run.stderr
