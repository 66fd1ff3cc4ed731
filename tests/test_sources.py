"""Tests for pipeline.ingest.sources and pipeline.ingest.cleaning on real files in tmp_path and the seeds."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from pipeline.ingest.cleaning import clean_text, decode_text
from pipeline.errors import InputError
from pipeline.ingest.meta import ArticleMeta, partial_iso_date
from pipeline.ingest.sources import LoadResult, load_article, load_articles

BODY = "The city budget rose 5% to 12 million euros in 2024, the mayor said.\n"

SEEDS = [
    ("000_c3eb74fb17d4de85.txt", "russiavsworld.org", "https://russiavsworld.org/", "2024-01",
     "Russia arms deal revives North Korea’s economy from decline",
     "valued at just $24.5 billion", "Related Posts"),
    ("001_d62aa7f765da4adb.txt", "newsbulletin247.com", "https://newsbulletin247.com/", "2024-01",
     "Since August, North Korea has shipped about a million shells to Russia, according to South "
     "Korea’s National Intelligence Service",
     "worth just 22.6 billion euro in 2022", "Source :Skai"),
    ("002_f21ded7eab1fc390.txt", "Business Insider", "https://www.businessinsider.com/", "2024-07",
     "North Korea's economy is booming thanks to its arms trade with Russia",
     "North Korea's GDP grew 3.1% in 2023", "1 min read"),
]


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def only_article(result: LoadResult) -> str:
    assert result.problems == []
    assert len(result.articles) == 1
    return result.articles[0].text


@pytest.mark.parametrize(("name", "outlet", "url", "published", "title", "kept", "dropped"), SEEDS)
def test_each_seed_loads_with_its_metadata(
    seeds_dir: Path, name: str, outlet: str, url: str, published: str, title: str, kept: str, dropped: str
) -> None:
    article = load_article(seeds_dir / name)
    assert article.source is not None and article.source.startswith(outlet)
    assert article.url is not None and article.url.startswith(url)
    assert (article.published, article.language, article.title) == (published, "en", title)
    assert kept in article.text and dropped not in article.text
    assert article.content_sha256 == hashlib.sha256(article.text.encode()).hexdigest()
    assert article.article_id == "a_" + article.content_sha256[:16]
    assert article.path.endswith(f"seeds/{name}")
    assert clean_text(article.text) == article.text


def test_seed_folder_loads_three_articles_and_not_meta_json(seeds_dir: Path) -> None:
    result = load_articles([seeds_dir])
    assert result.problems == []
    assert [Path(a.path).name for a in result.articles] == [row[0] for row in SEEDS]
    assert load_articles([seeds_dir]) == result  # same ids and order on every run


@pytest.mark.parametrize("sidecar", ["000.txt.meta.json", "000.meta.json"])
def test_sidecar_overrides_folder_meta_field_by_field(tmp_path: Path, sidecar: str) -> None:
    write(tmp_path, "000.txt", BODY)
    folder = {"about": "not a file",
              "000.txt": {"outlet": "Folder Times", "url": "https://f.test/1", "published": "2024"}}
    write(tmp_path, "meta.json", json.dumps(folder))
    sidecar_meta = {"outlet": "Sidecar Post", "published": "2024-07-15", "title": "Budget"}
    write(tmp_path, sidecar, json.dumps(sidecar_meta))
    article = load_articles([tmp_path]).articles[0]
    assert (article.source, article.url, article.published, article.title) == (
        "Sidecar Post", "https://f.test/1", "2024-07-15", "Budget")


@pytest.mark.parametrize(("value", "expected"), [
    ("2024", "2024"), ("2024-07", "2024-07"), ("2024-07-15", "2024-07-15"),
    ("2024-07-15T08:30:00Z", "2024-07-15"), ("2024-13", None), ("2024-02-30", None),
    ("July 2024", None), ("24", None), ("2024-7", None), ("20240715", None),
])
def test_published_keeps_only_partial_iso_dates(value: str, expected: str | None) -> None:
    assert partial_iso_date(value) == expected
    assert ArticleMeta(published=value).published == expected


@pytest.mark.parametrize(("document", "title", "published", "source"), [
    ({"text": BODY}, None, None, None),
    ({"body": BODY, "title": "Budget", "date": "2024-07-15", "outlet": "City News"},
     "Budget", "2024-07-15", "City News"),
    ({"content": BODY, "published": "2024-07-15T08:00:00+02:00", "source": "Wire", "url": "https://w.test"},
     None, "2024-07-15", "Wire"),
])
def test_json_article(tmp_path: Path, document: dict[str, str], title: str | None, published: str | None,
                      source: str | None) -> None:
    article = load_article(write(tmp_path, "a.json", json.dumps(document)))
    assert article.text == BODY.strip()
    assert (article.title, article.published, article.source) == (title, published, source)


HTML = """<!DOCTYPE html><html lang="en"><head><title>Budget rises 5% | City News</title>
<meta property="og:title" content="Budget rises 5%"><meta property="og:url" content="https://city.test/budget">
<meta name="date" content="2024-03-02"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics desk</a></li></ul></nav>
<article><h1>Budget rises 5%</h1>
<p>The city budget rose 5% to 12 million euros in 2024, the mayor said on Tuesday.</p>
<p>Spending on schools grew by 3 million euros compared with last year, officials said.</p></article>
<footer><p>Copyright 2024 City News. All rights reserved. Contact our newsroom.</p></footer>
</body></html>"""


@pytest.mark.parametrize(("meta", "title"), [
    (None, "Budget rises 5%"),
    ({"title": "From meta.json"}, "From meta.json"),
])
def test_html_article_keeps_the_article_and_drops_the_page_around_it(
    tmp_path: Path, meta: dict[str, str] | None, title: str
) -> None:
    write(tmp_path, "page.html", HTML)
    if meta:
        write(tmp_path, "meta.json", json.dumps({"page.html": meta}))
    article = load_articles([tmp_path]).articles[0]
    assert "The city budget rose 5% to 12 million euros in 2024" in article.text
    assert "Spending on schools grew by 3 million euros" in article.text
    assert "Politics desk" not in article.text and "All rights reserved" not in article.text
    assert (article.title, article.url, article.published) == (title, "https://city.test/budget", "2024-03-02")


BAD_FILES = [
    ("empty.txt", b"", "empty", "file is empty"),
    ("blank.txt", b"  \n\t\r\n  \n", "empty", "only whitespace"),
    ("widgets.txt", b"Advertisement\nShare\n\nRelated Posts\n", "empty", "no article text left"),
    ("binary.txt", b"GDP\x00\x01\x02 grew", "invalid", "binary file"),
    ("utf16.txt", "GDP grew".encode("utf-16"), "invalid", "UTF-16"),
    ("latin.txt", b"GDP grew \x81\x8d 3%", "invalid", "invalid UTF-8 at byte 9"),
    ("big.txt", BODY.encode() * 20, "too_large", "the limit is 500"),
    ("broken.json", b'{"text": "GDP grew 3%"', "invalid", "invalid JSON"),
    ("list.json", b'["GDP grew 3%"]', "invalid", "must be an object"),
    ("notext.json", b'{"title": "GDP"}', "invalid", "no text field"),
    ("number.json", b'{"text": 3}', "invalid", "'text' must be a string"),
    ("badmeta.json", b'{"text": "GDP grew 3%", "url": 7}', "invalid", "field url must be a string"),
    ("blank.json", b'{"text": "  \\n "}', "empty", "no article text left"),
    ("nothing.html", b"<html><head><title>Page</title></head><body><div> </div></body></html>", "empty",
     "no article text found"),
    ("notes.rst", b"GDP grew 3% in 2023.", "unsupported", "not an article file"),
    ("meta.json", b"{}", "unsupported", "not an article file"),
]


@pytest.mark.parametrize(("name", "content", "status", "reason"), BAD_FILES)
def test_a_bad_file_is_a_problem_and_the_others_still_load(
    tmp_path: Path, name: str, content: bytes, status: str, reason: str
) -> None:
    good = write(tmp_path, "good.txt", BODY)
    bad = write(tmp_path, name, content)
    result = load_articles([good, bad], max_bytes=500)
    assert [a.path for a in result.articles] == [good.as_posix()]
    assert [(p.path, p.status) for p in result.problems] == [(bad.as_posix(), status)]
    assert reason in result.problems[0].reason
    with pytest.raises(InputError, match=f"{bad.name}: .*{reason}"):
        load_article(bad, max_bytes=500)


@pytest.mark.parametrize(("meta_json", "reason"), [
    ("{oops", "meta.json: invalid JSON"),
    ('["000.txt"]', "meta.json: must be a JSON object"),
    ('{"000.txt": "Reuters"}', "entry '000.txt' is not a JSON object"),
    ('{"000.txt": {"published": 2024}}', "field published must be a string"),
])
def test_broken_folder_meta_is_a_problem_of_the_article(tmp_path: Path, meta_json: str, reason: str) -> None:
    write(tmp_path, "000.txt", BODY)
    write(tmp_path, "meta.json", meta_json)
    result = load_articles([tmp_path])
    assert result.articles == []
    assert [(Path(p.path).name, p.status) for p in result.problems] == [("000.txt", "invalid")]
    assert reason in result.problems[0].reason


@pytest.mark.parametrize(("content", "text"), [
    (b"\xef\xbb\xbf" + BODY.encode(), BODY.strip()),  # UTF-8 with BOM
    (b"Caf\xe9 prices rose 5% \x96 the most since 2019.",  # cp1252
     "Café prices rose 5% – the most since 2019."),
])
def test_decoding_accepts_utf8_bom_and_clean_cp1252(tmp_path: Path, content: bytes, text: str) -> None:
    assert only_article(load_articles([write(tmp_path, "a.txt", content)])) == text
    assert clean_text(decode_text(content)) == text


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\u2028"])
def test_line_ending_variants_give_the_same_article_id(tmp_path: Path, newline: str) -> None:
    lines = ["Budget rises", "", "The city budget rose 5%.  ", "Schools got 3 million euros.", ""]
    unix = load_article(write(tmp_path, "unix.txt", "\n".join(lines)))
    other = load_article(write(tmp_path, "other.txt", newline.join(lines)))
    assert other.article_id == unix.article_id and other.text == unix.text
    assert "\r" not in other.text and "  \n" not in other.text


@pytest.mark.parametrize(("raw", "expected"), [
    ("GDP\u200b grew\u200c 3%\u200d in\u2060 2023\ufeff.", "GDP grew 3% in 2023."),
    ("\u202aExports\u202c rose \u2066by\u2069 4.9%\u200e\u200f.", "Exports rose by 4.9%."),
    ("Inf\u00adla\u00adtion hit 7%.", "Inflation hit 7%."),
    ("Cafe\u0301 sales rose.", "Café sales rose."),  # NFC
    ("“Mega-deal,” she said — about $24.5 billion.", "“Mega-deal,” she said — about $24.5 billion."),
    ("Line one.   \n\n\n\n\nLine two.\t", "Line one.\n\nLine two."),
    ("\n\n  Indented lead.\n", "  Indented lead."),
])
def test_clean_text_removes_invisible_characters_and_keeps_the_rest(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("GDP grew 3%.\n\nAdvertisement\n\nExports rose.\nRelated Posts", "GDP grew 3%.\n\nExports rose."),
    ("  READ MORE  \nGDP grew 3%.\nShare\nscorecard\nRelated", "GDP grew 3%."),
    ("GDP grew 3%.\nSource :Skai\nSubscribe to our newsletter for $1 a month", "GDP grew 3%."),
    ("Policy1 min read\nGDP grew 3%.\n5 min read", "GDP grew 3%."),
    ("scorecard\n  1. Home\n  2. policy\n  3. North Korea's economy is booming\n\nGDP grew 3%.", "GDP grew 3%."),
])
def test_clean_text_drops_boilerplate_lines(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


@pytest.mark.parametrize("raw", [
    # Real sentences that merely start like a widget.
    "Share prices rose 5% on Monday.\nRelated to this, GDP grew.",
    "Subscribers rose 12% to 3 million.\nRead more than 40 reports.",
    "Sources said output grew 4.9% last year, a seven-year high, according to the bank.",
    "Advertisement spending fell 2%.\nShare of exports: 40%.",
    # Numbered lists, unless they are a short trail at the very top.
    "Key points:\n1. Home\n2. Jobs",
    "1. GDP grew 3.1% in 2023.\n2. Trade rose 74.6%.",
    "1. Home\n3. News\nGDP grew.",
])
def test_clean_text_keeps_real_sentences(raw: str) -> None:
    assert clean_text(raw) == raw


@pytest.mark.parametrize(("names", "second"), [
    (("a.txt", "b.txt"), "b.txt"),
    (("z/first.txt", "copy.md"), "z/first.txt"),
])
def test_duplicate_content_is_loaded_once(tmp_path: Path, names: tuple[str, str], second: str) -> None:
    write(tmp_path, names[0], "Budget rises\n\nThe city budget rose 5%.\n")
    write(tmp_path, names[1], "Budget rises\r\n\r\nThe city budget rose 5%.\r\n\r\nAdvertisement\r\n")
    result = load_articles([tmp_path, tmp_path / names[0]])  # a file named twice is not a duplicate
    first = (tmp_path / ({*names} - {second}).pop()).as_posix()
    assert [a.path for a in result.articles] == [first]
    assert [(p.path, p.status, p.reason) for p in result.problems] == [
        ((tmp_path / second).as_posix(), "duplicate", f"duplicate of {first}")]


def test_folder_walk_skips_everything_that_is_not_an_article(tmp_path: Path) -> None:
    for name in ("gold.jsonl", "README", "notes.rst", ".hidden.txt", ".git/HEAD.txt", "x.txt.meta.json",
                 "y.meta.json", "meta.json", "image.png"):
        write(tmp_path, name, '{"text": "GDP grew 3%"}')
    for name in ("b.txt", "a.md", "sub/c.json", "sub/deeper/d.htm", "A.TXT"):
        write(tmp_path, name, json.dumps({"text": f"{name} says GDP grew 3%."}) if name.endswith("json")
              else HTML.replace("5%", name) if name.endswith("htm") else f"{name} says GDP grew 3%.")
    result = load_articles([tmp_path])
    assert result.problems == []
    assert [Path(a.path).relative_to(tmp_path).as_posix() for a in result.articles] == [
        "A.TXT", "a.md", "b.txt", "sub/c.json", "sub/deeper/d.htm"]


@pytest.mark.parametrize(("raw", "name", "title"), [
    ("Budget rises\n\nThe city budget rose 5%.", "a.txt", "Budget rises"),
    ("\n\n# Budget rises\n\nThe city budget rose 5%.", "a.md", "Budget rises"),
    ("x" * 250 + "\n\nThe city budget rose 5%.", "a.txt", None),
])
def test_title_is_the_first_short_line(tmp_path: Path, raw: str, name: str, title: str | None) -> None:
    assert load_article(write(tmp_path, name, raw)).title == title
    assert load_article(tmp_path / name, ArticleMeta(title="Given")).title == "Given"


def test_missing_path_is_a_problem(tmp_path: Path) -> None:
    result = load_articles([tmp_path / "nope", write(tmp_path, "a.txt", BODY)])
    assert len(result.articles) == 1
    assert [(p.status, p.reason) for p in result.problems] == [("invalid", "no such file or folder")]
