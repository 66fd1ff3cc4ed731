"""Bad input in a batch: each case gets a clear message naming the file, the rest of the batch goes
on, run.json counts it, and nothing bad reaches the model."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.extract.mentions import quantities
from pipeline.run.runner import run_batch
from pipeline.settings import Settings
from pipeline.ingest.sources import load_article

from .fake_api import FakeAPI

GOOD = "Testland's exports grew 4.5% in 2023, the ministry said.\n"
GERMAN = ("Die Wirtschaft von Testland ist im Jahr 2023 um 3,1 Prozent gewachsen, teilte die Zentralbank am "
          "Mittwoch mit. Die Exporte stiegen demnach deutlich, vor allem nach Russland und China, während die "
          "Importe zurückgingen. Ökonomen erwarten für das laufende Jahr ein ähnliches Wachstum.\n")
HTML = ("<html><head><title>Testland</title></head><body><nav>Home | World</nav><article><h1>Testland grows</h1>"
        "<p>Testland's imports fell 2.5% in 2022, the customs office said on Monday in its yearly report.</p>"
        "</article><footer>Subscribe</footer></body></html>")
CASES = {  # file name -> (content, status in run.json, words of the message)
    "empty.txt": (b"", "empty", "file is empty"),
    "blank.txt": (b" \n\t\n", "empty", "only whitespace"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "invalid", "binary file"),
    "latin.txt": (b"GDP grew \x81\x8d 3%", "invalid", "invalid UTF-8"),
    "huge.txt": (None, "too_large", "the limit is 5000000"),
    "good_copy.txt": (GOOD.encode(), "duplicate", "duplicate of"),  # after good.txt in name order
}


def test_every_bad_input_is_named_counted_and_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    (folder / "page.html").write_text(HTML)
    (folder / "german.txt").write_text(GERMAN)
    for name, (content, _, _) in CASES.items():
        if content is None:
            with (folder / name).open("wb") as handle:
                handle.truncate(50 * 1024 * 1024)  # 50 MB
        else:
            (folder / name).write_bytes(content)
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")  # unreadable
    (tmp_path / "nothing").mkdir()  # a folder without articles
    with FakeAPI() as api:
        settings = Settings.from_env({"NEWSFACTS_API_KEY": "k"}, base_url=api.base_url, model="fake-model", prompt="extract_facts@3")
        result = run_batch([folder, tmp_path / "nothing"], settings, tmp_path / "out")
        asked = [r.body["messages"][1]["content"] for r in api.requests]
    by_file = {Path(o.path).name: o for o in result.outcomes}
    for name, (_, status, words) in CASES.items():
        assert by_file[name].status == status and words in by_file[name].error, name
    assert "cannot read" in by_file["gone.txt"].error and by_file["gone.txt"].status == "invalid"
    assert "holds no article files" in by_file["nothing"].error
    assert {by_file[n].status for n in ("good.txt", "page.html", "german.txt")} == {"done"}
    messages = [json.loads(line)["message"] for line in (tmp_path / "out" / "findings.jsonl").read_text().splitlines()]
    for name in [*CASES, "gone.txt", "nothing"]:
        assert any(name in m for m in messages), name
    assert any("german.txt" in m and "'de'" in m for m in messages)
    run = json.loads((tmp_path / "out" / "run.json").read_text())
    assert run["counts"]["by_status"] == {"done": 3, "duplicate": 1, "empty": 2, "invalid": 4, "too_large": 1}
    assert run["counts"]["not_english"] == 1
    expected = sum(len(quantities(load_article(folder / n).text)) for n in ("good.txt", "page.html", "german.txt"))
    assert len(asked) == expected and not any("Subscribe" in a or "Home | World" in a for a in asked)
