"""Benchmark support: save a real-article set's texts under `fetched/` as its README's "Filling" section says.

The texts are not in the repo. Whoever fills a set runs each article's `query` through the search
tool's `pages` corpus, keeps the result whose address is the article's `url`, and saves it as JSON,
`{"url": ..., "excerpt": ...}` (one object, or a list of them), the excerpt as the tool gave it.
This script then does the rest for every excerpt given:

    python benchmarks/fill_fetched.py --set holdout41 pages/*.json

1. drop a leading ` date YYYY[-MM[-DD]] ` prefix (the tool's date, not the page's text);
2. drop the article's `dropped_lines`, each matched against a line stripped of white space: whole,
   by its start (an entry ending in " …"), by its end (one starting "… "), or by digest
   (`sha256:<hex>`, `sha256-start:<n>:<hex>`, `sha256-end:<n>:<hex>`);
3. `pipeline.ingest.cleaning.clean_text`, then strip white space at both ends;
4. save as UTF-8 under the set's folder and check its sha256 against the article's.

A text whose hash differs is still saved, and the gold anchors that no longer sit at their spans
are named, which points at the copying slip. `meta.json` is (re)written from `articles.jsonl`.
Exit code: 0 when every text given matches, 1 otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quality import REAL_SETS, DevArticle, DevGold, load_dev_set  # noqa: E402

from pipeline.ingest.cleaning import clean_text  # noqa: E402

_DATE_PREFIX = re.compile(r"^ date \d{4}(?:-\d{2}){0,2} ")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _dropped(line: str, entry: str) -> bool:
    """Whether one `dropped_lines` entry names this line (already stripped of white space)."""
    if entry.startswith("sha256:"):
        return _digest(line) == entry.removeprefix("sha256:")
    kind, _, rest = entry.partition(":")
    if kind in ("sha256-start", "sha256-end"):
        count, _, hexdigest = rest.partition(":")
        n = int(count)
        part = line[:n] if kind == "sha256-start" else line[-n:]
        return len(line) >= n and _digest(part) == hexdigest
    if entry.endswith(" …"):
        return line.startswith(entry.removesuffix(" …"))
    if entry.startswith("… "):
        return line.endswith(entry.removeprefix("… "))
    return line == entry.strip()


def saved_text(excerpt: str, article: DevArticle) -> str:
    """The text the set's hashes and spans refer to, from the excerpt the search tool returned."""
    raw = _DATE_PREFIX.sub("", excerpt, count=1)
    kept = [line for line in raw.split("\n")
            if not any(_dropped(line.strip(), entry) for entry in article.dropped_lines)]
    return clean_text("\n".join(kept)).strip()


def misplaced_anchors(text: str, gold: list[DevGold]) -> list[str]:
    """Gold facts of one text whose anchor is not at its span: where a copying slip sits."""
    return [f"{g.fact_id} {g.anchor!r} at {g.span[0]}" for g in gold
            if g.span and text[g.span[0]:g.span[1]] != g.anchor]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", required=True, choices=sorted(REAL_SETS))
    parser.add_argument("pages", nargs="+", type=Path, help="JSON files of {url, excerpt} from the search tool")
    args = parser.parse_args(argv)
    data, folder = REAL_SETS[args.set]
    dev = load_dev_set(data)
    by_url = {a.url: a for a in dev.articles}
    folder.mkdir(parents=True, exist_ok=True)
    meta = {a.file: {"outlet": a.outlet, "url": a.url, "published": a.published, "language": "en"} for a in dev.articles}
    (folder / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    failed = 0
    for page_file in args.pages:
        loaded = json.loads(page_file.read_text(encoding="utf-8"))
        for page in loaded if isinstance(loaded, list) else [loaded]:
            article = by_url.get(page["url"])
            if article is None:
                print(f"{page_file}: {page['url']} is no article of {args.set}")
                failed += 1
                continue
            text = saved_text(page["excerpt"], article)
            (folder / article.file).write_text(text, encoding="utf-8")
            if _digest(text) == article.sha256:
                print(f"ok   {article.file}")
                continue
            failed += 1
            gold = [g for g in dev.gold if g.article_id == article.article_id]
            print(f"DIFF {article.file}: {len(text)} chars, {article.chars} expected; "
                  f"anchors off their spans: {misplaced_anchors(text, gold) or 'none'}")
    missing = [a.file for a in dev.articles if not (folder / a.file).exists()]
    if missing:
        print(f"{args.set}: {len(missing)} texts still missing: {', '.join(missing)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
