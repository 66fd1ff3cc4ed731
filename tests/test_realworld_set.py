"""The real-article sets (tests/data/realworld/, the dev set, and tests/data/holdout/ and holdout2/,
the held-out sets): their committed files, and the benchmark's scoring.

The article texts are not in the repo. These tests need none of them, except the last two, which
check every gold span against the saved texts when a set's fetched folder exists and skip otherwise.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from pathlib import Path
from typing import Any, get_args

import pytest

from benchmarks import quality
from benchmarks.quality import (DevArticle, DevConflict, DevGold, DevSet, fetched_problems, gold_as_facts,
                                load_dev_set, run_costs, score_realworld, set_folders)
from pipeline.ingest.meta import partial_iso_date
from schemas.facts import Qualifier, QuantFact, Status
from schemas.validation import AgreementGroup
from schemas.vocabulary import METRIC_UNIT_CLASS, METRICS, unit_class

SETS = {"realworld": "rw", "holdout": "ho", "holdout2": "h2", "holdout3": "h3", "holdout4": "h4", "holdout5": "h5",
        "holdout6": "h6", "holdout7": "h7", "holdout8": "h8", "holdout9": "h9",
        "holdout10": "h10", "holdout11": "h11", "holdout12": "h12",
        "holdout13": "h13", "holdout14": "h14", "holdout15": "h15", "holdout16": "h16",
        "holdout17": "h17", "holdout18": "h18", "holdout19": "h19",
        "holdout20": "h20", "holdout21": "h21",
        "holdout22": "h22", "holdout23": "h23",
        "holdout24": "h24", "holdout25": "h25",
        "holdout26": "h26", "holdout27": "h27",
        "holdout28": "h28", "holdout29": "h29",
        "holdout30": "h30",
        "holdout31": "h31", "holdout32": "h32", "holdout33": "h33",
        "holdout34": "h34", "holdout35": "h35",
        "holdout36": "h36", "holdout37": "h37",
        "holdout38": "h38", "holdout39": "h39",
        "holdout40": "h40", "holdout41": "h41",
        "holdout42": "h42", "holdout43": "h43",
        "holdout44": "h44", "holdout45": "h45",
        "holdout46": "h46", "holdout47": "h47",
        "holdout48": "h48", "holdout49": "h49",
        "holdout50": "h50", "holdout51": "h51",
        "holdout52": "h52", "holdout53": "h53",
        "holdout54": "h54", "holdout55": "h55",
        "holdout56": "h56", "holdout57": "h57",
        "holdout58": "h58", "holdout59": "h59",
        "holdout60": "h60", "holdout61": "h61",
        "holdout62": "h62", "holdout63": "h63",
        "holdout64": "h64", "holdout65": "h65",
        "holdout66": "h66", "holdout67": "h67",
        "holdout68": "h68", "holdout69": "h69",
        "holdout70": "h70", "holdout71": "h71",
        "holdout72": "h72", "holdout73": "h73",
        "holdout74": "h74", "holdout75": "h75",
        "holdout76": "h76", "holdout77": "h77",
        "holdout78": "h78", "holdout79": "h79",
        "holdout80": "h80", "holdout81": "h81",
        "holdout82": "h82", "holdout83": "h83",
        "holdout84": "h84", "holdout85": "h85",
        "holdout86": "h86", "holdout87": "h87",
        "holdout88": "h88", "holdout89": "h89",
        "holdout90": "h90", "holdout91": "h91",
        "holdout92": "h92", "holdout93": "h93",
        "holdout94": "h94", "holdout95": "h95",
        "holdout96": "h96", "holdout97": "h97",
        "holdout98": "h98", "holdout99": "h99",
        "holdout100": "h100", "holdout101": "h101",
        "holdout102": "h102", "holdout103": "h103",
        "holdout104": "h104", "holdout105": "h105",
        "holdout106": "h106", "holdout107": "h107",
        "holdout108": "h108", "holdout109": "h109",
        "holdout110": "h110", "holdout111": "h111",
        "holdout112": "h112", "holdout113": "h113", "holdout114": "h114",
        "holdout115": "h115", "holdout116": "h116"}  # each set's name and the prefix of its gold fact ids
LOADED = {name: load_dev_set(set_folders(name)[0]) for name in SETS}
DEV = LOADED["realworld"]
ALL_GOLD = [(name, g) for name, dev in LOADED.items() for g in dev.gold]
ALL_CONFLICTS = [(name, c) for name, dev in LOADED.items() for c in dev.conflicts]
MAX_ANCHOR_CHARS, MAX_ANCHOR_WORDS = 60, 8


def _gold_id(item: tuple[str, Any]) -> str:
    return item[1].fact_id if hasattr(item[1], "fact_id") else item[1].conflict_id


def test_the_dev_set_is_as_large_and_varied_as_issue_15_asks() -> None:
    assert len(DEV.articles) >= 15
    assert len({a.outlet for a in DEV.articles}) >= 8
    assert len({a.story for a in DEV.articles}) >= 3


@pytest.mark.parametrize("name", SETS)
def test_no_set_is_about_the_seeds_story(name: str) -> None:
    dev = LOADED[name]
    stories = {a.story for a in dev.articles} | {g.entity.lower() for g in dev.gold}
    assert not any("north korea" in s or "dprk" in s or "pyongyang" in s for s in stories)  # South Korean airlines are another story


@pytest.mark.parametrize(("one", "other"), list(itertools.combinations(SETS, 2)))
def test_no_two_sets_share_an_article_or_a_story(one: str, other: str) -> None:
    dev, held = LOADED[one], LOADED[other]
    assert not {a.url for a in dev.articles} & {a.url for a in held.articles}
    assert not {a.story for a in dev.articles} & {a.story for a in held.articles}
    assert not {a.file_id for a in dev.articles} & {a.file_id for a in held.articles}


@pytest.mark.parametrize("name", SETS)
def test_articles_are_listed_once_with_a_query_a_date_and_a_hash(name: str) -> None:
    articles = LOADED[name].articles
    for field in ("file", "file_id", "article_id", "url"):
        values = [getattr(a, field) for a in articles]
        assert len(values) == len(set(values)), field
    for a in articles:
        assert a.file.startswith(a.file_id + "_") and a.file.endswith(".txt")
        assert re.fullmatch(r"[0-9a-f]{64}", a.sha256) and a.article_id == "a_" + a.sha256[:16]
        assert partial_iso_date(a.published) == a.published
        assert a.url.startswith(("https://", "http://")) and a.query.strip() and a.outlet.strip()


_DIGEST = re.compile(r"sha256:[0-9a-f]{64}|sha256-(?:start|end):\d+:[0-9a-f]{64}")


@pytest.mark.parametrize("name", SETS)
def test_no_dropped_line_of_more_than_eight_words_is_committed_in_words(name: str) -> None:
    # Captions, headlines and bylines are other authors' sentences: a long one is listed by its digest.
    for a in LOADED[name].articles:
        for line in a.dropped_lines:
            assert _DIGEST.fullmatch(line) or len(line.split()) <= 8, (a.file, line[:40])


@pytest.mark.parametrize("item", ALL_GOLD, ids=_gold_id)
def test_gold_fact_follows_the_contract(item: tuple[str, DevGold]) -> None:
    name, gold = item
    article = next(a for a in LOADED[name].articles if a.article_id == gold.article_id)
    assert gold.fact_id.startswith(f"gold_{SETS[name]}_{article.file_id}_") and gold.story == article.story
    assert gold.metric in METRICS and all(m in METRICS for m in gold.metric_also)
    assert (gold.metric == "other") == bool(getattr(gold, "metric_label", None))
    if gold.metric in METRIC_UNIT_CLASS:
        assert unit_class(gold.unit) == METRIC_UNIT_CLASS[gold.metric]
    assert gold.qualifier in get_args(Qualifier) and getattr(gold, "status") in get_args(Status)
    assert (gold.value_max is not None) == (gold.qualifier in ("range", "several"))
    assert gold.value_max is None or gold.value_max >= gold.value  # a fall's range runs from its larger size


@pytest.mark.parametrize("item", ALL_GOLD, ids=_gold_id)
def test_gold_anchor_is_the_numbers_own_short_phrase(item: tuple[str, DevGold]) -> None:
    gold = item[1]
    assert len(gold.anchor) <= MAX_ANCHOR_CHARS and len(gold.anchor.split()) <= MAX_ANCHOR_WORDS
    assert not re.search(r"[.!?]$", gold.anchor), "an anchor is a phrase, not a sentence"
    assert re.search(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|half|fifth|quarter|full|double|triple|"
                     r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|forty|sixty|seventy|"
                     r"eighty|ninety|hundred|thousand|doubling|tripled|quadrupled|"
                     r"twenty|thirty|fifty|twice|tripling|single|several|billions|multi-billion|multibillion|multimillion|sixth|thousands|hundreds|dozens?|doubled|zero|"
                     r"minutes|hours|decade\w*|a century|a degree|a year|a month|a day|an hour|a minute|week-long|month-long|"
                     r"a million|millions|a man)\b", gold.anchor, re.IGNORECASE)
    assert gold.span is not None and gold.span[1] - gold.span[0] == len(gold.anchor)


@pytest.mark.parametrize("name", SETS)
def test_gold_ids_are_unique_and_no_two_share_a_span(name: str) -> None:
    golds = LOADED[name].gold
    assert len({g.fact_id for g in golds}) == len(golds)
    places = [(g.article_id, g.span) for g in golds]
    assert len(places) == len(set(places))


@pytest.mark.parametrize("item", ALL_CONFLICTS, ids=_gold_id)
def test_a_real_conflict_joins_differing_values_of_one_story_across_sources(item: tuple[str, DevConflict]) -> None:
    name, conflict = item
    gold_ids = {g.fact_id: g for g in LOADED[name].gold}
    members = [gold_ids[i] for i in conflict.fact_ids]
    assert {g.story for g in members} == {conflict.story}
    assert len({g.article_id for g in members}) >= 2 and len({(g.value, g.value_max) for g in members}) >= 2
    assert len({(g.entity, g.metric, getattr(g, "metric_label", None)) for g in members}) == 1


# Scoring, on hand-made facts.

def gold(fact_id: str, article_id: str, value: float, span: tuple[int, int], **more: Any) -> DevGold:
    base = dict(fact_id=fact_id, article_id=article_id, entity="Ruritania", metric="gdp_real_growth", value=value,
                unit="percent", anchor="placeholder", span=span, story="ruritania-gdp")
    return DevGold(**(base | more))


def fact(fact_id: str, article_id: str, value: float, span: tuple[int, int], **more: Any) -> QuantFact:
    base = dict(fact_id=fact_id, article_id=article_id, entity="Ruritania", metric="gdp_real_growth", value=value,
                unit="percent", quote="quarterly growth figure", span=span)
    return QuantFact(**(base | more))


def group(verdict: str, *fact_ids: str) -> AgreementGroup:
    return AgreementGroup(key="Ruritania | gdp_real_growth | 2023", entity="Ruritania", metric="gdp_real_growth",
                          period="2023", verdict=verdict, fact_ids=list(fact_ids), detail="", unit="percent")


def article(article_id: str) -> DevArticle:
    return DevArticle(file=f"{article_id}_x.txt", file_id=article_id, article_id=article_id, outlet=article_id,
                      url="https://example.org", published="2024", story="ruritania-gdp", query="q", sha256="0" * 64, chars=1)


TOY = DevSet(
    articles=[article("a1"), article("a2")],
    gold=[gold("g1", "a1", -0.3, (10, 20)), gold("g2", "a1", 5.9, (40, 50), metric="inflation_rate"),
          gold("g3", "a1", 820, (60, 70), metric="other", metric_label="deaths", unit="people", metric_also=["casualties"]),
          gold("g4", "a2", -2.9, (10, 20)), gold("g5", "a2", 1.1, (30, 40), status="forecast")],
    conflicts=[DevConflict(conflict_id="c1", story="ruritania-gdp", entity="Ruritania", metric="gdp_real_growth",
                           period="2023", fact_ids=["g1", "g4"], reason="stale figure")],
)
TOY_FACTS = [
    fact("f1", "a1", 0.3, (5, 25)),  # found, sign wrong
    fact("f2", "a1", 5.9, (38, 52), metric="unemployment_rate", entity="Freedonia"),  # found, metric and entity wrong
    fact("f3", "a1", 820, (55, 75), metric="casualties", unit="people", entity="Ruritanian"),  # found, an accepted metric
    fact("f4", "a1", 7.0, (80, 90)),  # matches nothing
    fact("f5", "a2", -2.9, (10, 20), entity="unknown"),  # found, right, no entity
    fact("f6", "a2", 1.1, (100, 110)),  # right value in the wrong place
    fact("f7", "a3", 1.0, (0, 5)),  # an article outside the set: not scored
]


def test_scoring_counts_found_facts_labels_and_unmatched_facts() -> None:
    s = score_realworld(TOY_FACTS, TOY, [])
    assert (s.gold, s.extracted, s.found) == (5, 6, 4)
    assert (s.right_metric, s.right_sign, s.right_metric_and_sign) == (3, 3, 2)
    assert (s.right_entity, s.unknown_entity) == (2, 1)  # f1 and f3 ("Ruritanian" names Ruritania); f5 has none
    assert s.missed == ["g5"] and s.unmatched_facts == ["f4", "f6"] and s.unmatched_per_article == 1.0
    assert s.wrong_labels == [("f1", "g1"), ("f2", "g2")]


def test_a_range_given_as_a_fall_is_found_and_scored_as_a_wrong_sign() -> None:
    """A loss of "$2 billion to $9 billion" extracted as -9e9..-2e9 is the gold's range with the other sign;
    a duration in another unit of time is the gold's once converted."""
    dev = DevSet(articles=[article("a1")],
                 gold=[gold("g1", "a1", 2e9, (10, 20), unit="USD", value_max=9e9, qualifier="several"),
                       gold("g2", "a1", 207, (30, 40), unit="seconds", metric="other", metric_label="margin")], conflicts=[])
    facts = [fact("f1", "a1", -9e9, (10, 20), unit="USD", value_max=-2e9, qualifier="several"),
             fact("f2", "a1", 3.45, (30, 40), unit="minutes", metric="other", metric_label="margin")]
    s = score_realworld(facts, dev, [])
    assert (s.found, s.right_sign) == (2, 1)


def test_a_reported_conflict_is_real_only_when_it_joins_differing_gold_values_of_a_real_conflict() -> None:
    groups = [group("conflict", "f1", "f5"),  # g1 (-0.3) against g4 (-2.9): c1
              group("conflict", "f2", "f5"),  # no real conflict holds g2
              group("conflict", "f5", "f6"),  # f6 matches no gold fact
              group("agree", "f1", "f5")]  # not a conflict
    s = score_realworld(TOY_FACTS, TOY, groups)
    assert (s.conflicts_reported, s.conflicts_real, s.real_conflicts, s.real_conflicts_shown) == (3, 1, 1, 1)
    assert len(s.false_conflicts) == 2


def test_run_costs_are_per_article_done() -> None:
    run = {"articles": [
        {"article_id": "a1", "status": "done", "seconds": 10.0, "usage": {"calls": 4, "prompt_tokens": 1000}},
        {"article_id": "a2", "status": "done", "seconds": 30.0, "usage": {"calls": 6, "prompt_tokens": 3000}},
        {"article_id": "a3", "status": "skipped", "seconds": 0.0, "usage": {"calls": 0, "prompt_tokens": 0}},
        {"article_id": None, "status": "invalid", "seconds": 0.0}]}
    assert run_costs(run) == (20.0, 5.0, 2000.0)
    assert run_costs({}) == (0.0, 0.0, 0.0)


def test_the_gold_scored_against_itself_is_perfect() -> None:
    groups = [group("conflict", *c.fact_ids) for c in DEV.conflicts]
    s = score_realworld(gold_as_facts(DEV.gold), DEV, groups)
    assert s.found == s.right_metric == s.right_sign == s.right_metric_and_sign == s.right_entity == s.gold == len(DEV.gold)
    assert s.unmatched == 0 and not s.missed and not s.wrong_labels
    assert s.conflicts_reported == s.conflicts_real == s.real_conflicts_shown == len(DEV.conflicts)


def test_missing_or_changed_texts_are_named(tmp_path: Path) -> None:
    assert fetched_problems(tmp_path / "nowhere", TOY.articles) == [f"{tmp_path / 'nowhere'} is missing."]
    (tmp_path / "a1_x.txt").write_text("changed text")
    problems = fetched_problems(tmp_path, TOY.articles)
    assert any("a1_x.txt differs" in p for p in problems) and any("a2_x.txt is missing" in p for p in problems)
    assert any("meta.json is missing" in p for p in problems)


def test_realworld_without_texts_says_how_to_fill_them_and_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(quality.REAL_SETS, "realworld", (quality.REALWORLD, tmp_path / "articles"))
    monkeypatch.setattr("sys.argv", ["quality.py", "--set", "realworld", "--candidate", "m=default", "--prompt", "p@1"])
    with pytest.raises(SystemExit) as exit_info:
        quality.main()
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "is missing" in err and "pages" in err and "README.md" in err


def saved_texts(name: str) -> list[tuple[str, list[DevGold]]]:
    """Each saved text of a set with its gold facts; skips the test when the set's folder is not filled."""
    dev, folder = LOADED[name], set_folders(name)[1]
    if not folder.is_dir():
        pytest.skip(f"{folder} is not filled (tests/data/realworld/README.md)")
    return [((folder / a.file).read_text(encoding="utf-8"), [g for g in dev.gold if g.article_id == a.article_id])
            for a in dev.articles]


@pytest.mark.parametrize("name", SETS)
def test_gold_spans_match_the_saved_texts(name: str) -> None:
    for article, (text, golds) in zip(LOADED[name].articles, saved_texts(name)):
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == article.sha256, article.file
        for g in golds:
            assert g.span is not None and text[g.span[0]:g.span[1]] == g.anchor, g.fact_id


@pytest.mark.parametrize("name", SETS)
def test_every_place_an_anchor_occurs_is_a_gold_fact_with_that_anchor(name: str) -> None:
    """Evaluation also matches a fact whose quote holds the anchor: an anchor found elsewhere would steal facts."""
    for text, golds in saved_texts(name):
        places = {(g.span[0], g.anchor) for g in golds if g.span}
        for g in golds:
            starts = [m.start() for m in re.finditer(re.escape(g.anchor), text)]
            assert all((start, g.anchor) in places for start in starts), g.fact_id


def test_filling_drops_the_tools_date_and_the_listed_lines_then_cleans() -> None:
    from benchmarks.fill_fetched import saved_text
    long_line = "A caption of more than eight words that must not be committed here."
    digest = hashlib.sha256(long_line.encode()).hexdigest()
    listed = article("a_x").model_copy(update={"dropped_lines": [
        "Read more", f"sha256:{digest}", "Most Read from …", "… all rights reserved.",
        f"sha256-start:9:{hashlib.sha256(b'Photo: AP').hexdigest()}"]})
    excerpt = (" date 2024-05-20 Prices rose 3% on Monday.\n  Read more  \n" + long_line + "\nMost Read from Elsewhere\n"
               "Photo: AP / some credit\nThe site, all rights reserved.\n\n\n\nOutput fell 2%.")
    assert saved_text(excerpt, listed) == "Prices rose 3% on Monday.\n\nOutput fell 2%."
