"""Stage (reports): report.html — one self-contained page for people who check facts.

It shows the run's overview, every cross-source group with the sources' values side by side and a
small SVG chart of their intervals, and each article's text with its facts highlighted where they
sit, coloured by grounding and linked to their rows. Rendered with Jinja2, autoescape on; all CSS
and SVG are inline, a Content-Security-Policy forbids scripts and network loads, and only http(s)
links from article metadata are kept. Article text is untrusted and is only ever escaped text.
A fact whose quote is not in its article (grounding "none") is not in an article's table of
facts: it is listed below it as rejected, with the reason from its findings.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from schemas.facts import Finding, QuantFact
from schemas.validation import AgreementGroup

from ..check.validation.intervals import describe_bounds, human

CHART_WIDTH, ROW_HEIGHT, LABEL_WIDTH = 760, 22, 220
COLOURS = ("#2563eb", "#dc2626", "#059669", "#d97706", "#7c3aed", "#0891b2")


@dataclass(frozen=True)
class Piece:
    """A run of article text, highlighted when it is a fact's evidence."""

    text: str
    fact: str | None = None
    grounding: str | None = None


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s); anything else (javascript:, data:) is dropped."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def highlight(text: str, facts: list[QuantFact]) -> list[Piece]:
    """The text cut into pieces, each fact's number (or quote) a highlighted piece; overlaps skipped."""
    spans = []
    for fact in facts:
        span = getattr(fact, "mention_span", None) or fact.span
        if span and 0 <= span[0] < span[1] <= len(text):
            spans.append((span[0], span[1], fact))
    pieces, cursor = [], 0
    for start, end, fact in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < cursor:
            continue
        pieces += [Piece(text[cursor:start]), Piece(text[start:end], fact.fact_id, fact.grounding or "none")]
        cursor = end
    return pieces + [Piece(text[cursor:])]


def chart(group: AgreementGroup) -> Markup:
    """An SVG of each source's interval on one axis; open ends run to the edge with an arrow."""
    bounds = [b for m in group.members for b in (m.low, m.high) if b is not None and math.isfinite(b)]
    if not bounds:
        return Markup("")
    low, high = min(bounds), max(bounds)
    pad = (high - low) * 0.1 or abs(high) * 0.1 or 1.0
    low, high = (low - pad if low < 0 else max(0.0, low - pad)), high + pad
    width = CHART_WIDTH - LABEL_WIDTH

    def x(value: float) -> float:
        value = min(max(value, low), high)
        return LABEL_WIDTH + (value - low) / (high - low) * width

    rows = []
    for i, m in enumerate(group.members):
        y = 10 + i * ROW_HEIGHT
        colour = COLOURS[i % len(COLOURS)]
        label = html.escape((m.source or m.article_id)[:34])
        rows.append(f'<text x="0" y="{y + 4}">{label}</text>')
        if m.low is None or m.high is None:
            rows.append(f'<text x="{LABEL_WIDTH}" y="{y + 4}" fill="#777">not compared</text>')
            continue
        x1, x2 = x(m.low), x(m.high)
        rows.append(f'<line class="interval" x1="{x1:.1f}" y1="{y}" x2="{max(x2, x1 + 2):.1f}" y2="{y}" '
                    f'stroke="{colour}" stroke-width="8" stroke-linecap="round"/>')
        if not math.isfinite(m.high):
            rows.append(f'<text x="{CHART_WIDTH - 10}" y="{y + 4}" fill="{colour}">→</text>')
    height = 20 + len(group.members) * ROW_HEIGHT
    axis = (f'<text x="{LABEL_WIDTH}" y="{height - 2}" fill="#777">{html.escape(human(low))}</text>'
            f'<text x="{CHART_WIDTH}" y="{height - 2}" fill="#777" text-anchor="end">{html.escape(human(high))} {html.escape(group.unit)}</text>')
    return Markup(f'<svg class="chart" width="{CHART_WIDTH}" height="{height + 6}" role="img" '
                  f'xmlns="http://www.w3.org/2000/svg">{"".join(rows)}{axis}</svg>')



def render_html(facts: list[QuantFact], findings: list[Finding], groups: list[AgreementGroup],
                summary: dict[str, Any], articles: list[dict[str, Any]]) -> Iterator[str]:
    """The whole page, in pieces as Jinja renders it. `articles` are stored article rows: article_id,
    text, title, path, source, url, published; each is highlighted only when its turn comes."""
    env = Environment(loader=PackageLoader("pipeline.report", "templates"), autoescape=select_autoescape(["html"]))
    by_article: dict[str, list[QuantFact]] = {}
    rejected: dict[str, list[QuantFact]] = {}
    for fact in facts:
        (rejected if fact.grounding == "none" else by_article).setdefault(fact.article_id, []).append(fact)
    reasons: dict[str, list[str]] = {}
    for finding in findings:
        for fid in finding.fact_ids:
            reasons.setdefault(fid, []).append(finding.message)
    shown = (a | {"safe_url": safe_url(a.get("url")), "facts": by_article.get(a["article_id"], []),
                  "rejected": rejected.get(a["article_id"], []),
                  "pieces": highlight(a["text"], by_article.get(a["article_id"], []))} for a in articles)
    counts = summary["counts"]
    order = {"conflict": 0, "agree": 1, "incomparable": 2, "single_source": 3}
    ordered = sorted(groups, key=lambda g: order[g.verdict])
    return env.get_template("report.html").generate(
        summary=summary, counts=counts, groups=ordered, charts=[chart(g) for g in ordered], findings=findings,
        articles=shown, number=human, interval=describe_bounds, reasons=reasons,
        rejected_ids={f.fact_id for own in rejected.values() for f in own},
        grounded_share=f"{counts['grounded'] / counts['facts']:.0%}" if counts.get("facts") else "–",
        cost="unknown" if counts.get("cost_usd") is None else f"${counts['cost_usd']:.4f}",
    )
