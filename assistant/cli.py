"""The ``minutes`` command: a thin layer over `assistant.Assistant`.

Each command parses options, makes one API call and formats the result;
``--json`` prints the same data the API returns. This module is the
composition root: the only one in `assistant/` that loads `eval/` and `ui/`,
and only inside the commands that need them.
"""
from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import click

from assistant.errors import MinutesError


def _index_options(command):
    """--index / --chroma-host / --chroma-port for every command, which gets the opened `Assistant`.

    This is also where a `MinutesError` (from opening the index or from the
    command) becomes its one sentence and exit status 1.
    """

    @click.option("--index", "index_dir", type=click.Path(file_okay=False, path_type=Path),
                  help="Index folder (default: $MINUTES_INDEX, the config file, or ./index).")
    @click.option("--chroma-host", help="Use a Chroma server at this host instead of the index folder.")
    @click.option("--chroma-port", type=int, help="Chroma server port (default 8000).")
    @functools.wraps(command)
    def wrapper(index_dir, chroma_host, chroma_port, **kwargs):
        from assistant.api import Assistant

        try:
            bot = Assistant.open(index_dir, chroma_host=chroma_host, chroma_port=chroma_port, llm=kwargs.pop("llm", None))
            return command(bot, **kwargs)
        except MinutesError as error:  # a person's mistake: one sentence, exit status 1; anything else is a bug
            raise click.ClickException(one_line(str(error))) from error

    return wrapper


def one_line(message: str) -> str:
    """`message` with line breaks and other control characters written as escapes (``\\n``).

    Messages name files, and a file name may hold a newline: printed raw, a
    file called ``x\\nerror: forged`` would add a line of its own to the output.
    """
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in message)


def _llm_option(command):
    """--llm SPEC for commands that answer questions."""
    return click.option("--llm", metavar="SPEC",
                        help="Write answers with a model: gguf:PATH or openai:BASE_URL#MODEL (default: $MINUTES_LLM, "
                             "else extractive answers).")(command)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Ask questions of council committee minutes; every answer cites its source."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--prune", is_flag=True,
              help="Remove meetings whose source file under PATHS is gone (unless its content is there under "
                   "another name: a renamed file keeps its meeting).")
@click.option("--wait", type=click.FloatRange(0), default=0, show_default=True, metavar="SECONDS",
              help="If another ingest is writing to the index, wait this long for it instead of stopping at once.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary and the per-file parse report as JSON.")
@_index_options
def ingest(bot, paths: tuple[Path, ...], prune: bool, wait: float, as_json: bool) -> None:
    """Parse, chunk, embed and index the minutes files under PATHS (txt, html, pdf).

    Lists each file the parser had to fall back on (no items recognised,
    no date, no committee, guessed item boundaries) and what it did instead.
    """
    summary = bot.ingest(list(paths), prune=prune, wait=wait, on_wait=lambda note: click.echo(note, err=True))
    if as_json:
        click.echo(json.dumps(summary.to_dict(), indent=2, ensure_ascii=False))
    else:
        _report(summary)
        if summary.reports:
            click.echo(f"Parse report: {len(summary.reports)} of {summary.files - summary.unchanged} files parsed "
                       "needed a fallback")
            click.echo("".join(f"  {one_line(report.line())}\n" for report in summary.reports), nl=False)
        click.echo(summary.line())
    if summary.errors:
        sys.exit(1)


def _report(summary) -> None:
    """An ingest's warnings and errors, one line each."""
    for warning in summary.warnings:
        click.echo(f"warning: {one_line(warning)}", err=True)
    for error in summary.errors:
        click.echo(f"error: {one_line(error)}", err=True)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@_index_options
def doctor(bot, paths: tuple[Path, ...]) -> None:
    """Check the index; if it is damaged, rebuild it from its files (and PATHS) without embedding again.

    PATHS are only needed when the index cannot even say which files it held.
    Exit status 1 if the index was damaged and could not be rebuilt.
    """
    checkup = bot.doctor(list(paths))
    if checkup.rebuilt is not None:
        _report(checkup.rebuilt)
    click.echo(one_line(checkup.line()))
    if checkup.problem is not None and checkup.rebuilt is None:
        sys.exit(1)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@_index_options
def meetings(bot, as_json: bool) -> None:
    """List indexed meetings."""
    records = bot.meetings()
    if as_json:
        click.echo(json.dumps([record.to_dict() for record in records], indent=2))
        return
    if not records:
        click.echo(f"No meetings in the index at {bot.settings.location}: run 'minutes ingest PATH' first.")
    for r in records:
        date = r.date.isoformat() if r.date else "undated"
        click.echo(f"{r.id:<48} {date:<10}  {r.items:>3} items {r.chunks:>4} chunks  {r.body}")


@main.command()
@click.argument("meeting_id")
@click.argument("item", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the parsed meeting or item as JSON.")
@_index_options
def show(bot, meeting_id: str, item: str | None, as_json: bool) -> None:
    """Show a parsed meeting, or one ITEM of it (number as printed, or #position)."""
    from assistant.plaintext import item_text, meeting_text

    meeting = bot.meeting(meeting_id)
    if item is None:
        click.echo(json.dumps(meeting.to_dict(), indent=2) if as_json else meeting_text(meeting))
        return
    found = meeting.item(item)
    if found is None:
        refs = ", ".join(i.ref for i in meeting.items)
        raise click.ClickException(f"meeting '{meeting_id}' has no item '{item}' (items: {refs})")
    click.echo(json.dumps(found.to_dict(), indent=2) if as_json else item_text(meeting, found))


def _filter_options(command):
    @click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Only meetings on or after this date (YYYY-MM-DD).")
    @click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Only meetings on or before this date.")
    @click.option("--meeting", "meeting_id", help="Only this meeting (an id from 'minutes meetings').")
    @click.option("-k", "k", type=click.IntRange(1, 50), default=5, show_default=True, help="How many items to consider.")
    @click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
    @functools.wraps(command)
    def wrapper(*args, since, until, **kwargs):
        return command(*args, since=since.date() if since else None, until=until.date() if until else None, **kwargs)

    return wrapper


@main.command()
@click.argument("question")
@_filter_options
@_llm_option
@_index_options
def ask(bot, question: str, since, until, meeting_id, k: int, as_json: bool) -> None:
    """Answer QUESTION from the minutes, citing the meeting and item of every sentence."""
    answer = bot.ask(question, since=since, until=until, meeting=meeting_id, k=k)
    if as_json:
        click.echo(answer.to_json())
        return
    from assistant.plaintext import answer_text

    click.echo(answer_text(answer))


@main.command()
@click.argument("query")
@_filter_options
@_index_options
def search(bot, query: str, since, until, meeting_id, k: int, as_json: bool) -> None:
    """List the agenda items that best match QUERY, best first."""
    hits = bot.search(query, k=k, since=since, until=until, meeting=meeting_id)
    if as_json:
        click.echo(json.dumps([hit.to_dict() for hit in hits], indent=2, ensure_ascii=False))
        return
    from assistant.plaintext import short_quote

    for rank, hit in enumerate(hits, start=1):
        click.echo(f"{rank}. {hit.heading}  (score {hit.score:.3f})\n   {short_quote(hit.quote)}")
        if hit.link:
            click.echo(f"   {hit.link}")


@main.command("eval")
@click.option("--questions", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Question set (JSON lines; default eval/questions.jsonl).")
@click.option("--data", type=click.Path(exists=True, file_okay=False, path_type=Path), default=Path("data"),
              show_default=True, help="Minutes the questions are about; ingested first (unchanged files cost nothing).")
@click.option("--report", type=click.Path(dir_okay=False, path_type=Path), default=Path("eval/reports/latest.jsonl"),
              show_default=True, help="Per-question report: answer, citations, failed checks.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary and per-question scores as JSON.")
@click.option("--check", is_flag=True, help="Exit non-zero when a metric misses eval/thresholds.toml.")
@_llm_option
@_index_options
def eval_command(bot, questions: Path | None, data: Path, report: Path, as_json: bool, check: bool) -> None:
    """Measure retrieval, citations, facts, grounding, refusals and latency on the question set."""
    from eval.questions import DEFAULT_QUESTIONS, load_questions
    from eval.run import gate, run_eval, table, write_report

    question_set = load_questions(questions or DEFAULT_QUESTIONS)  # a bad file fails before any work
    summary = bot.ingest([data], progress=False)
    if summary.errors:
        raise click.ClickException("could not ingest the eval data: " + "; ".join(summary.errors))
    result = run_eval(bot, question_set)
    write_report(result, report)
    click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) if as_json else table(result))
    click.echo(f"\nPer-question report: {report}", err=True)
    failures = gate(result.summary, mode="extractive" if bot.llm is None else "llm") if check else []
    for failure in failures:
        click.echo(f"gate: {failure}", err=True)
    if failures:
        sys.exit(1)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to serve on. Anything but loopback is refused without --auth, unless "
                   "--insecure-no-auth is given.")
@click.option("--port", default=7860, show_default=True, type=click.IntRange(1, 65535))
@click.option("--auth", envvar="MINUTES_UI_AUTH", metavar="USER:PASSWORD",
              help="Require this login (also $MINUTES_UI_AUTH). Needed to serve beyond loopback.")
@click.option("--insecure-no-auth", is_flag=True,
              help="Serve beyond loopback without a password (trusted networks only).")
@_llm_option
@_index_options
def ui(bot, host: str, port: int, auth: str | None, insecure_no_auth: bool) -> None:
    """Start the chat UI (http://127.0.0.1:7860 by default). It never creates a public share link."""
    from ui.app import launch
    from ui.safety import check_exposure, parse_login

    try:
        login = parse_login(auth)
        check_exposure(host, login, insecure_no_auth)
        click.echo(f"Loading the index at {bot.settings.location} ...", err=True)
        app = launch(bot, host=host, port=port, auth=login, allow_no_auth=insecure_no_auth, block=False)
    except OSError as error:
        raise click.ClickException(f"cannot serve on {host}:{port}: the port is in use or not allowed; "
                                   "pick another with --port") from error
    locked = " (sign-in required)" if login else ""
    click.echo(f"minutes UI on http://{host}:{port}{locked}; Ctrl+C to stop", err=True)
    app.block_thread()
