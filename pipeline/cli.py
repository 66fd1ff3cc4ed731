"""Entry point (CLI): thin commands — parse options, call one library function, render the result.

Exit codes (each condition its own, so CI can tell a crash from a conflict):
  0  ok;
  1  findings at or above --fail-on (or, with --fail-on conflict, a conflict);
  2  usage, configuration, a prompt, or an unreadable input of a single-input command
     (`validate`, `eval`, `prompts render`), with the file and line named;
  3  some articles failed (their reasons are in run.json; a rerun retries them);
  4  some input files of a run were not read (unreadable, unsupported, a FIFO, a link out of the
     input folders; each named in findings and run.json); the others were processed;
  5  the fact store cannot be opened, read or written;
  6  the output folder cannot be written (checked before any model call);
  7  a cassette cannot be loaded safely (a YAML tag, broken YAML); nothing was replayed;
  8  rate-limited, resume later: a 429 asked to wait longer than NEWSFACTS_MAX_RATE_LIMIT_WAIT;
     the articles not done stay pending and a rerun continues them;
 70  an unexpected error (a bug): the traceback is printed, and the exit code is never 1.
Precedence after a run: 8, then 3, then 4, then 1. Any other error of ours is 3.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from .errors import (AuthError, CassetteError, ConfigError, InputError, ModelServerError, NewsfactsError, OutputError,
                     PromptError, StoreError)
from .render import (eval_json, mention_lines, open_text, print_eval, print_mentions, print_summary, print_validation,
                     status_lines)
from .settings import Settings

# Each command imports the stages it uses (the run engine loads openai and instructor, the article
# reader trafilatura), so `newsfacts --help` and the light commands start fast.
if TYPE_CHECKING:
    from schemas.facts import Finding
    from schemas.validation import AgreementGroup

    from .console import BarProgress, LogProgress
    from .run.runner import RunResult

EXIT_FINDINGS, EXIT_USAGE, EXIT_FAILED, EXIT_INPUTS, EXIT_STORE, EXIT_OUTPUT, EXIT_CASSETTE = 1, 2, 3, 4, 5, 6, 7
EXIT_RATE_LIMITED = 8  # stopped by a long Retry-After; the same command resumes
EXIT_BUG = 70  # EX_SOFTWARE: an uncaught exception must not read as "findings"
UNREAD_STATUSES = frozenset({"invalid", "too_large", "unsupported"})  # "empty" and "duplicate" are not faults
console = Console(stderr=True, width=None if sys.stderr.isatty() else 160)
# Plain (click) help: it reads well at 80 columns, and rich would eat "[env ...]" as markup.
app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Extract, ground and cross-check numbers in news articles.")
prompts_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="List, render and lock versioned prompts.")
app.add_typer(prompts_app, name="prompts")
batches_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="Batch API jobs saved in the store: list, resume, cancel.")
app.add_typer(batches_app, name="batches")
OutOption = Annotated[Path, typer.Option(help="Output folder (its newsfacts.db is the store).")]
DbOption = Annotated[str | None, typer.Option(help="Store: an SQLite file, or a postgresql:// URL (default: OUT/newsfacts.db).")]


def about(name: str, env: bool = False) -> str:
    """A setting's environment variable and default, as --help shows them."""
    shown = f"env NEWSFACTS_{name.upper()}; " if env else ""
    return f"  [{shown}default: {Settings.model_fields[name].default}]"


def show_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"newsfacts {version('newsfacts')}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=show_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Extract, ground and cross-check numbers in news articles."""


class Format(str, Enum):
    table = "table"
    json = "json"


class FailOn(str, Enum):
    never = "never"
    info = "info"
    warning = "warning"
    error = "error"
    conflict = "conflict"


def fails(fail_on: FailOn, findings: list[Finding], groups: list[AgreementGroup]) -> bool:
    """True when the findings or verdicts reach the --fail-on level ("conflict": any conflicting group)."""
    if fail_on is FailOn.conflict:
        return any(g.verdict == "conflict" for g in groups)
    threshold = {"never": 99, "info": 0, "warning": 1, "error": 2}[fail_on.value]
    from schemas.facts import SEVERITY_RANK

    return any(SEVERITY_RANK[f.severity] >= threshold for f in findings)


@contextmanager
def errors_to_exit_codes() -> Iterator[None]:
    """Turn our errors into one clear line and the documented exit code."""
    try:
        yield
    except NewsfactsError as exc:
        console.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(exit_code_of(exc)) from None


_ERROR_CODES: tuple[tuple[type[NewsfactsError] | tuple[type[NewsfactsError], ...], int], ...] = (
    (CassetteError, EXIT_CASSETTE), (StoreError, EXIT_STORE), (OutputError, EXIT_OUTPUT),
    ((ConfigError, InputError, PromptError, AuthError, ModelServerError), EXIT_USAGE),
)


def exit_code_of(exc: NewsfactsError) -> int:
    """The documented exit code for one of our errors (by its class, never its message)."""
    return next((code for kind, code in _ERROR_CODES if isinstance(exc, kind)), EXIT_FAILED)


def exit_code(result: RunResult, fail_on: FailOn) -> int:
    if result.summary["counts"]["by_status"].get("rate_limited"):
        return EXIT_RATE_LIMITED
    if result.summary["counts"]["failed"]:
        return EXIT_FAILED
    if any(o.article_id is None and o.status in UNREAD_STATUSES for o in result.outcomes):
        return EXIT_INPUTS
    return EXIT_FINDINGS if fails(fail_on, result.findings, result.validation.groups) else 0


@app.command()
def run(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders.", exists=True)],
    out: Annotated[Path, typer.Option(help="Output folder.")] = Path("out"),
    db: DbOption = None,
    model: Annotated[str | None, typer.Option(help="Model name." + about("model", env=True))] = None,
    base_url: Annotated[str | None, typer.Option(help="OpenAI-compatible endpoint.  [env NEWSFACTS_BASE_URL; default: the embedded model]")] = None,
    prompt: Annotated[str | None, typer.Option(help="Prompt as id@version." + about("prompt", env=True))] = None,
    replay: Annotated[bool, typer.Option("--replay", help="Answer from recorded cassettes; no model, no network.")] = False,
    record: Annotated[bool, typer.Option("--record", help="Re-record the cassettes from the model.")] = False,
    cassettes: Annotated[Path | None, typer.Option(help="Cassette folder." + about("cassette_dir", env=True))] = None,
    force: Annotated[bool, typer.Option("--force", help="Redo articles already done.")] = False,
    follow_links: Annotated[bool, typer.Option("--follow-links", help="Read symbolic links that lead out of the input folders (skipped and named by default).")] = False,
    keep_history: Annotated[bool, typer.Option("--keep-history", help="Keep an edited file's earlier version and its facts in the store (by default a new version replaces them).")] = False,
    concurrency: Annotated[int | None, typer.Option(min=1, help="Articles in flight at once." + about("concurrency", env=True))] = None,
    rpm: Annotated[int | None, typer.Option(min=1, help="At most this many requests per minute.")] = None,
    tpm: Annotated[int | None, typer.Option(min=1, help="At most this many tokens per minute (estimated).")] = None,
    max_tokens: Annotated[int | None, typer.Option(min=1, help="Start no article once the run has used this many tokens.")] = None,
    max_cost: Annotated[float | None, typer.Option(min=0.0, help="Start no article once the run has cost this many USD.")] = None,
    max_output_tokens: Annotated[int | None, typer.Option(min=1, help="Cap on generated tokens per call.")] = None,
    batch_api: Annotated[bool, typer.Option("--batch-api", help="Send the calls as one OpenAI Batch API job (half price, within 24 h).")] = False,
    engine: Annotated[str | None, typer.Option(help="local (this process) or ray (Ray Data; needs newsfacts[ray])." + about("engine", env=True))] = None,
    ray_address: Annotated[str | None, typer.Option(help="Ray cluster address, e.g. ray://head:10001 (default: local Ray).")] = None,
    ray_workers: Annotated[int | None, typer.Option(min=1, help="Ray Data workers extracting at once." + about("ray_workers", env=True))] = None,
    poll_seconds: Annotated[float | None, typer.Option(min=0.01, help="Seconds between polls of a Batch API job." + about("poll_seconds", env=True))] = None,
    fail_on: Annotated[FailOn, typer.Option(help="Exit 1 when a finding reaches this severity.")] = FailOn.never,
) -> None:
    """Extract facts from articles, ground them, store them, and write the reports."""
    with errors_to_exit_codes():
        settings = Settings.from_env(model=model, base_url=base_url, prompt=prompt, replay=replay or None,
                                     record=record or None, cassette_dir=cassettes, force=force or None,
                                     follow_links=follow_links or None, keep_history=keep_history or None,
                                     concurrency=concurrency, rpm=rpm, tpm=tpm, max_tokens=max_tokens, max_cost=max_cost,
                                     max_output_tokens=max_output_tokens, db=db, batch_api=batch_api or None,
                                     poll_seconds=poll_seconds, engine=engine, ray_address=ray_address, ray_workers=ray_workers)
        from .run.runner import run_batch

        result = _run_with_bar(lambda bar: run_batch(list(paths), settings, out, bar), settings.heartbeat_seconds)
    print_summary(result, console)
    raise typer.Exit(exit_code(result, fail_on))


@app.command("eval")
def eval_command(
    facts: Annotated[Path, typer.Argument(help="facts.jsonl from a run.", exists=True, dir_okay=False)],
    gold: Annotated[Path, typer.Option(help="Gold facts (JSON lines with anchors).", exists=True, dir_okay=False)],
    format: Annotated[Format, typer.Option(help="table for people, json for machines.")] = Format.table,
) -> None:
    """Score extracted facts against gold facts: precision, recall, F1, grounding, value accuracy."""
    with errors_to_exit_codes():
        from schemas.facts import QuantFact

        from .check.evaluation import GoldFact, evaluate
        from .ingest.jsonl import read_jsonl

        report = evaluate(read_jsonl(facts, QuantFact), read_jsonl(gold, GoldFact))
    if format is Format.json:
        typer.echo(eval_json(report))
    else:
        print_eval(report)


def _run_with_bar(call: Callable[[BarProgress | LogProgress], RunResult], heartbeat: float) -> RunResult:
    """Run with a bar in a terminal, or with plain progress lines when stderr goes to a log."""
    from .console import BarProgress, LogProgress

    bar = BarProgress(console) if sys.stderr.isatty() else LogProgress(sys.stderr, heartbeat)
    try:
        return call(bar)
    finally:
        bar.stop()


@app.command("status")
def status_command(out: OutOption = Path("out"), db: DbOption = None,
                   answers: Annotated[bool, typer.Option(help="Also print the last answer of each validation_failed article.")] = False) -> None:
    """Where every article in the store stands: counts by status, and each failed one with its reason."""
    with errors_to_exit_codes():
        from .run.runner import extraction_states

        states = extraction_states(Settings.from_env(db=db), out)
    for line in status_lines(states, answers):
        typer.echo(line)


@batches_app.command("list")
def batches_list(out: OutOption = Path("out"), db: DbOption = None) -> None:
    """Every Batch API job this store knows, newest first."""
    with errors_to_exit_codes():
        from .run.runner import list_batch_jobs

        records = list_batch_jobs(Settings.from_env(db=db), out)
    for r in records:
        typer.echo(f"{r.batch_id}\t{r.status}\t{r.requests} requests\t{len(r.article_ids)} articles\t{r.model}\t{r.created_at}")


@batches_app.command("resume")
def batches_resume(batch_id: str, out: OutOption = Path("out"), db: DbOption = None,
                   poll_seconds: Annotated[float | None, typer.Option(min=0.01)] = None) -> None:
    """Wait for a saved batch to finish and store its facts, as the run that sent it would have."""
    with errors_to_exit_codes():
        settings = Settings.from_env(db=db, poll_seconds=poll_seconds)
        from .run.runner import resume_batch_job

        result = _run_with_bar(lambda bar: resume_batch_job(batch_id, settings, out, bar), settings.heartbeat_seconds)
    print_summary(result, console)
    raise typer.Exit(exit_code(result, FailOn.never))


@batches_app.command("cancel")
def batches_cancel(batch_id: str, out: OutOption = Path("out"), db: DbOption = None) -> None:
    """Ask the API to cancel a saved batch."""
    with errors_to_exit_codes():
        from .run.runner import cancel_batch_job

        status = cancel_batch_job(batch_id, Settings.from_env(db=db), out)
    typer.echo(f"{batch_id}: {status}")


@app.command("validate")
def validate_command(
    facts: Annotated[Path, typer.Argument(help="facts.jsonl to check.", exists=True, dir_okay=False)],
    articles: Annotated[Path | None, typer.Option(help="Folder of the articles: adds grounding and coverage checks.", exists=True)] = None,
    format: Annotated[Format, typer.Option(help="table for people, json for machines.")] = Format.table,
    fail_on: Annotated[FailOn, typer.Option(help="Exit 1 at this finding severity, or on any conflict.")] = FailOn.never,
) -> None:
    """Check units, dates and cross-source agreement of facts; no model is called."""
    with errors_to_exit_codes():
        from .check.validation.inputs import validate_file  # reads article files: loads the HTML cleaner

        report = validate_file(facts, articles)
    if format is Format.json:
        typer.echo(report.model_dump_json(indent=2, include={"findings", "groups"}))
    else:
        print_validation(report)
    raise typer.Exit(EXIT_FINDINGS if fails(fail_on, report.findings, report.groups) else 0)


@prompts_app.command("list")
def prompts_list() -> None:
    """Show every prompt version with its hash and lock state."""
    from .extract import prompts as prompt_files

    with errors_to_exit_codes():
        locked = prompt_files.read_lock()
        for p in prompt_files.list_prompts():
            state = "locked" if locked.get(p.name) == p.sha256 else ("CHANGED" if p.name in locked else "unlocked")
            typer.echo(f"{p.ref}\t{state}\t{p.spec.description.strip().splitlines()[0]}")


@prompts_app.command("render")
def prompts_render(ref: str, article: Path) -> None:
    """Print the exact messages a prompt sends for ARTICLE. Calls no model."""
    from .extract.extraction import first_messages  # the model client module and the article reader
    from .extract import prompts as prompt_files
    from .ingest.sources import load_article

    with errors_to_exit_codes():
        messages = first_messages(prompt_files.load_prompt(ref), load_article(article))
    for message in messages:
        typer.echo(f"----- {message['role']} -----\n{message['content']}")


@prompts_app.command("lock")
def prompts_lock() -> None:
    """Record the hashes of new prompt versions. Refuses if a released one changed."""
    from .extract import prompts as prompt_files

    with errors_to_exit_codes():
        added = prompt_files.lock()
    typer.echo("locked: " + (", ".join(added) if added else "nothing new"))


@app.command("mentions")
def mentions_command(
    files: Annotated[list[Path], typer.Argument(help="Article files, or - for standard input.")],
    jsonl: Annotated[bool, typer.Option("--jsonl", help='Read JSON lines {"id", "text"}; write {"id", "mentions": [...]}.')] = False,
) -> None:
    """Print the quantities the scanner finds in each file (no model is called)."""
    from .ingest.sources import load_article  # trafilatura
    with errors_to_exit_codes():
        for path in files:
            if jsonl:
                source = sys.stdin if str(path) == "-" else open_text(path)
                for line in mention_lines(iter(source), "stdin" if str(path) == "-" else str(path)):
                    typer.echo(line)
            else:
                text = sys.stdin.read() if str(path) == "-" else load_article(path).text
                print_mentions("stdin" if str(path) == "-" else str(path), text)


def configure_logging() -> None:
    """Warnings and errors to stderr; instructor's per-attempt chatter is ours to report."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("instructor").setLevel(logging.CRITICAL)


def main(argv: list[str] | None = None) -> Callable[..., Any] | None:
    """Console-script entry point."""
    configure_logging()
    try:
        return app(args=argv if argv is not None else sys.argv[1:], prog_name="newsfacts")
    except Exception:  # not one of ours: a bug, reported as one
        traceback.print_exc()
        print(f"newsfacts: unexpected error (a bug); exit code {EXIT_BUG}", file=sys.stderr)
        raise SystemExit(EXIT_BUG) from None
