"""The ``kg`` command: a thin click layer over the library.

Every command parses its arguments, calls the library and formats the result. Library errors
(:class:`kg.errors.KgError`) become one line on stderr and the exit code of their class.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import sys
import textwrap
from collections.abc import Sequence
from functools import wraps
from pathlib import Path

import click

from kg import __version__
from kg.errors import EXIT_INTERRUPTED, KgError, QueryError, StoreError

EXIT_INTERNAL = 70


def _fail(message: str, code: int) -> None:
    click.echo(f"kg: error: {message}", err=True)
    sys.exit(code)


def handle_errors(command):
    """Turn library errors into one line on stderr and a documented exit code, never a traceback."""

    @wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except KgError as error:
            _fail(str(error), error.exit_code)
        except KeyboardInterrupt:
            _fail("interrupted", EXIT_INTERRUPTED)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:
            # The reader went away (`kg query ... | head`): stop quietly, and keep Python's
            # final flush of stdout from reporting the broken pipe.
            devnull = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(devnull, sys.stdout.fileno())
            except (OSError, ValueError):
                pass
            sys.exit(0)
        except Exception as error:
            if os.environ.get("KG_DEBUG"):
                raise
            _fail(f"internal error: {type(error).__name__}: {error} (set KG_DEBUG=1 for details)",
                  EXIT_INTERNAL)

    return wrapper


def store_option(command):
    return click.option(
        "--store", "store_path", type=click.Path(path_type=Path), default=None,
        help="Store folder (default: $KG_STORE or exports/store).",
    )(command)


class KgGroup(click.Group):
    """click's group with usage errors on one line (``kg: error: …``, exit 2), like every other
    error of kg, instead of click's three-line usage block."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as error:
            hint = f" (see 'kg {error.ctx.info_name} --help')" if error.ctx and \
                error.ctx.info_name != "kg" else " (see 'kg --help')"
            _fail(f"{error.format_message()}{hint}".replace("\n", " "), 2)
        except click.ClickException as error:
            _fail(error.format_message(), error.exit_code)
        except click.Abort:
            _fail("aborted", 1)


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def cli():
    """Turn news about diplomacy into a knowledge graph you can query, measure and look at."""


def _warn(message: str) -> None:
    click.echo(f"kg: warning: {message}", err=True)


def _load_aliases(path: Path | None, warn=_warn):
    from kg.aliases import load_aliases

    return load_aliases(path, warn=warn) if path else None


aliases_option = click.option(
    "--aliases", "aliases_path", type=click.Path(path_type=Path), default=None, metavar="CSV",
    help="Alias table (name, aliases, wikidata, government, post) that names and links officials.")


keep_option = click.option(
    "--no-keep", is_flag=True,
    help="Do not answer the parameterless shipped queries after writing (their first query "
         "then evaluates them; saves seconds per small update of a large store).")


@cli.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@store_option
@aliases_option
@click.option("--exports", "exports_dir", type=click.Path(path_type=Path), default=None,
              help="Folder for graph.ttl and graph.jsonld (default: the folder that holds the "
                   "store, exports/ for exports/store).")
@click.option("--no-exports", is_flag=True, help="Only update the store (large corpora).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes for the extraction step (with --dask local: Dask workers).")
@click.option("--dask", "dask_address", default=None, metavar="ADDRESS",
              help="Extract on a Dask cluster: a scheduler address (tcp://HOST:8786) or 'local' "
                   "(a cluster of --jobs processes on this machine). Needs kg[dask].")
@click.option("--batch-size", type=click.IntRange(min=1), default=500, show_default=True,
              help="Articles written per transaction.")
@keep_option
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@handle_errors
def build(sources: tuple[Path, ...], store_path: Path | None, aliases_path: Path | None,
          exports_dir: Path | None, no_exports: bool, jobs: int, dask_address: str | None,
          batch_size: int, no_keep: bool, quiet: bool):
    """Build the graph of SOURCES: article files (ID.txt + ID.json), JSON Lines corpora (.jsonl),
    folders of them (recursively), or - for JSON Lines on standard input (default: seeds/).

    Each article replaces its own named graph in the store (same id or same text); the
    exports beside the store are rewritten.
    """
    from kg.build import BESIDE_STORE, DEFAULT_SOURCES
    from kg.build import build as run_build

    def warn(message: str) -> None:
        if not quiet:
            click.echo(f"kg: warning: {message}", err=True)

    aliases = _load_aliases(aliases_path, warn)
    exports = None if no_exports else (exports_dir or BESIDE_STORE)
    show_progress = not quiet and sys.stderr.isatty()
    with click.progressbar(length=0, label="extracting", file=sys.stderr,
                           hidden=not show_progress) as bar:
        summary = run_build(sources or DEFAULT_SOURCES, store_path, exports, warn=warn,
                            progress=bar.update if show_progress else None, jobs=jobs,
                            batch_size=batch_size, aliases=aliases, dask=dask_address,
                            keep_answers=not no_keep)
    if not quiet:
        replaced = f", {summary.replaced} replaced by the same text" if summary.replaced else ""
        click.echo(
            f"built {summary.articles} article(s): {summary.officials} officials, "
            f"{summary.communications} communications, {summary.triples_written} triples, "
            f"{len(summary.warnings)} warning(s){replaced} "
            f"({summary.store_triples} triples in the store at {summary.store})"
        )
        for path in summary.exports:
            click.echo(f"wrote {path}")


@cli.command()
@click.argument("article_ids", nargs=-1, required=True)
@store_option
@click.option("--exports", "exports_dir", type=click.Path(path_type=Path), default=None,
              help="Folder whose graph exports are rewritten (default: the folder that holds "
                   "the store).")
@keep_option
@handle_errors
def remove(article_ids: tuple[str, ...], store_path: Path | None, exports_dir: Path | None,
           no_keep: bool):
    """Remove articles (by id) and everything only they supported from the store.

    An id that is not in the store is an error, and then nothing is removed."""
    from kg.build import BESIDE_STORE
    from kg.build import remove as run_remove

    removed = run_remove(article_ids, store_path, exports_dir or BESIDE_STORE,
                         warn=lambda message: click.echo(f"kg: warning: {message}", err=True),
                         keep_answers=not no_keep)
    for article_id in removed:
        click.echo(f"removed: {article_id}")


@cli.command()
@click.argument("query")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a query variable (repeatable); values never enter the query text.")
@click.option("--format", "-f", "output_format",
              type=click.Choice(["table", "csv", "tsv", "json", "jsonl"]), default=None,
              help="Output format (default: table on a terminal, csv otherwise); jsonl is one "
                   "JSON object per line.")
@click.option("--limit", type=click.IntRange(min=0), default=None, metavar="N",
              help="At most N rows (the query stops there).")
@click.option("--offset", type=click.IntRange(min=0), default=0, metavar="N",
              help="Skip the first N rows.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              metavar="SECONDS",
              help="Stop a query that keeps kg waiting longer (default 30, or $KG_QUERY_TIMEOUT).")
@click.option("--allow-service", is_flag=True,
              help="Run SERVICE clauses, which send requests to other servers (refused otherwise).")
@store_option
@click.option("--endpoint", default=None, metavar="URL",
              help="Query a remote SPARQL endpoint instead of the local store.")
@handle_errors
def query(query: str, params: tuple[str, ...], output_format: str | None, limit: int | None,
          offset: int, timeout: float | None, allow_service: bool, store_path: Path | None,
          endpoint: str | None):
    """Run QUERY: a shipped query's name, a .rq file, or SPARQL text.

    Shipped queries: officials, contacts (-p name=...), timeline, dyads, evidence. Rows are
    printed as the engine finds them; the query runs in a child process that Ctrl-C and
    --timeout stop at once. Updates are refused, and so is SERVICE without --allow-service.
    """
    from kg.queries import (
        QueryProcess,
        check_query,
        default_timeout,
        prepare_query,
        query_notes,
        stream_remote,
    )
    from kg.store import default_store_path

    bindings = {}
    for param in params:
        name, sep, value = param.partition("=")
        if not sep or not name:
            raise QueryError(f"--param {param!r}: expected NAME=VALUE")
        bindings[name] = value
    sparql = prepare_query(query, bindings)
    check_query(sparql, allow_service)
    notes = query_notes(sparql)
    fmt = output_format or ("table" if sys.stdout.isatty() else "csv")
    seconds = timeout or default_timeout()
    if endpoint:
        from kg.remote import RemoteStore

        stream = stream_remote(RemoteStore(endpoint, timeout=seconds), sparql, bindings, limit,
                               offset)
        _print_stream(stream, fmt, lambda wait: False)
    else:
        with QueryProcess(store_path or default_store_path(), sparql, bindings, seconds, limit,
                          offset) as process:
            _print_stream(process.stream(), fmt, process.connection.poll)
    # Notes are for a reader of the table; csv, tsv and json stay data alone.
    for note in notes if fmt == "table" else ():
        click.echo(f"note: {note}", err=True)


def _print_stream(stream, fmt: str, pending) -> None:
    """Print a query's answer as it arrives: Turtle for graphs, rows in ``fmt`` otherwise."""
    if stream.kind == "graph":
        from kg.exports import triples_to_turtle

        click.echo(triples_to_turtle(stream.triples()), nl=False)
        return
    writer = RowWriter(stream.columns, fmt, _stdout_write)
    for batch in stream.batches():
        writer.write(batch, more_soon=lambda: pending(TABLE_WAIT_S))
    writer.close()


def _stdout_write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


@cli.command()
@store_option
@click.option("--all", "check_all", is_flag=True,
              help="Check every article graph, not only those the last build wrote.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes.")
@handle_errors
def validate(store_path: Path | None, check_all: bool, jobs: int):
    """Check the article graphs the last build wrote (--all: every one) against the SHACL
    shapes; a progress bar shows on a terminal."""
    from kg.errors import ValidationError
    from kg.validate import changed_articles, validate_store

    store = _open_store(store_path)
    present = store.article_ids()
    if check_all:
        ids, changes = present, None
    else:
        ids, changes = changed_articles(store)
        if changes is not None and not changes.complete:
            _warn("the last build did not finish: checking every article it set out to write")
    show_progress = sys.stderr.isatty()
    with click.progressbar(length=len(ids), label="validating", file=sys.stderr,
                           hidden=not show_progress) as bar:
        report = validate_store(store, ids, jobs=jobs,
                                progress=bar.update if show_progress else None)
    scope = "" if len(ids) == len(present) else \
        f" (written by the last build; --all checks all {len(present)})"
    if report.conforms:
        click.echo(f"conforms: {report.articles} article graph(s){scope} pass "
                   f"ontology/shapes.ttl")
        return
    for violation in report.violations:
        click.echo(str(violation))
    raise ValidationError(
        f"{len(report.violations)} violation(s) in {report.articles} article graph(s)")


@cli.command()
@click.argument("article", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the SCHEMA.md gold form as JSON.")
@aliases_option
@handle_errors
def extract(article: Path, as_json: bool, aliases_path: Path | None):
    """Extract one ARTICLE and print what its graph says (officials, communications)."""
    from kg.articles import read_article
    from kg.build import build_in_memory
    from kg.readback import read_extraction

    def warn(message: str) -> None:
        click.echo(f"kg: warning: {message}", err=True)

    loaded = read_article(article, warn)
    predicted = read_extraction(build_in_memory([loaded], _load_aliases(aliases_path)), loaded.id)
    if as_json:
        click.echo(json.dumps(predicted, indent=2, ensure_ascii=False))
        return
    click.echo(f"{len(predicted['officials'])} officials")
    for official in predicted["officials"]:
        click.echo(f"  {official['name']} — {official['position'] or '?'}, "
                   f"{official['government'] or '?'}")
    click.echo(f"{len(predicted['communications'])} communications")
    for communication in predicted["communications"]:
        who = ", ".join(communication["participants"] + communication["counterpart_governments"])
        click.echo(f"  {communication['date'] or 'undated':10}  {communication['kind']}/"
                   f"{communication['mode']} ({communication['status']}): {who}")
        click.echo(f"      «{communication['evidence']}»")


@cli.command(name="eval")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object of scores.")
@click.option("--predictions", type=click.Path(path_type=Path), default=None,
              help="Also write each article's extraction as DIR/ID.json.")
@aliases_option
@handle_errors
def evaluate(paths: tuple[Path, ...], as_json: bool, predictions: Path | None,
             aliases_path: Path | None):
    """Score the extractor on annotated articles (SCHEMA.md), reading the built graph back."""
    from kg.evaluation import evaluate as run_evaluation

    report = run_evaluation(paths, predictions, _load_aliases(aliases_path))
    totals = report.to_dict()
    if as_json:
        click.echo(json.dumps(totals, indent=2))
        return
    for score in report.articles:
        problems = score.missed + score.spurious + score.wrong
        click.echo(f"{score.article_id}: {'ok' if not problems else f'{len(problems)} issue(s)'}")
        for line in score.missed:
            click.echo(f"  missed    {line}")
        for line in score.spurious:
            click.echo(f"  spurious  {line}")
        for line in score.wrong:
            click.echo(f"  wrong     {line}")
    click.echo("")
    click.echo(format_scores(totals))


def format_scores(totals: dict) -> str:
    """The corpus scores as a short table."""
    lines = [f"articles: {totals['articles']}"]
    for key in ("officials", "communications"):
        s = totals[key]
        lines.append(f"{key:15} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    for kind, s in totals["communications"]["by_kind"].items():
        lines.append(f"  {kind:13} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    for key in ("date", "mode", "initiator", "position", "government"):
        value = totals[f"{key}_accuracy"]
        lines.append(f"{key + ' accuracy':20} {'-' if value is None else f'{value:.3f}'}")
    return "\n".join(lines)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


#: Widest table column for text (IRIs and URLs are never cut).
TABLE_MAX_WIDTH = 60
#: Rows a table reads before it fixes its column widths, and how long it waits for more.
TABLE_SAMPLE = 200
TABLE_WAIT_S = 0.3
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s]+")


def _is_iri(value: object) -> bool:
    from kg.queries import IRI

    return isinstance(value, IRI) or (isinstance(value, str) and "://" in value
                                      and _URL.fullmatch(value) is not None)


class RowWriter:
    """Writes rows as they come: CSV, TSV (cells a spreadsheet would run as formulas are
    neutralised, see :mod:`kg.tabular`), JSON (a list of objects), JSON Lines, or an aligned
    table whose widths come from the first rows, with text capped at :data:`TABLE_MAX_WIDTH`
    characters and IRIs never cut.

    >>> out = []
    >>> writer = RowWriter(["name", "note"], "csv", out.append)
    >>> writer.write([{"name": "Abbas", "note": "=HYPERLINK(1)"}]); writer.close()
    >>> print("".join(out), end="")
    name,note
    Abbas,'=HYPERLINK(1)
    """

    def __init__(self, columns, fmt: str, write):
        self.columns, self.fmt, self._write = list(columns), fmt, write
        self.count = 0
        self.widths: list[int] | None = None
        self.pending: list[dict] = []
        if fmt in ("csv", "tsv"):
            self._csv(self.columns)

    def write(self, rows: Sequence[dict], more_soon=lambda: False) -> None:
        """Write ``rows``; a table keeps its first rows until it has enough to size columns
        (or ``more_soon()`` says no more are coming for now)."""
        self.count += len(rows)
        if self.fmt == "table":
            if self.widths is None:
                self.pending.extend(rows)
                if len(self.pending) < TABLE_SAMPLE and more_soon():
                    return
                self._start_table()
                rows, self.pending = self.pending, []
            self._write("".join(self._line([self._table_cell(row.get(c)) for c in self.columns],
                                           [_is_iri(row.get(c)) for c in self.columns]) + "\n"
                                for row in rows))
        elif self.fmt in ("csv", "tsv"):
            for row in rows:
                self._csv([_cell(row.get(c)) for c in self.columns])
        elif self.fmt == "jsonl":
            self._write("".join(json.dumps({c: _json_value(row.get(c)) for c in self.columns},
                                           ensure_ascii=False) + "\n" for row in rows))
        else:
            parts = []
            for index, row in enumerate(rows, start=self.count - len(rows)):
                body = json.dumps({c: _json_value(row.get(c)) for c in self.columns}, indent=2,
                                  ensure_ascii=False)
                parts.append(("[\n" if index == 0 else ",\n") + textwrap.indent(body, "  "))
            if parts:
                self._write("".join(parts))

    def close(self) -> None:
        """Finish the output (a table's footer, the end of a JSON list)."""
        if self.fmt == "table":
            if self.widths is None:
                self._start_table()
                self._write("".join(
                    self._line([self._table_cell(row.get(c)) for c in self.columns],
                               [_is_iri(row.get(c)) for c in self.columns]) + "\n"
                    for row in self.pending))
            self._write(f"({self.count} row{'s' if self.count != 1 else ''})\n")
        elif self.fmt == "json":
            self._write("\n]\n" if self.count else "[]\n")

    def _csv(self, cells: Sequence[str]) -> None:
        from kg.tabular import spreadsheet_safe

        buffer = io.StringIO()
        delimiter = "," if self.fmt == "csv" else "\t"
        if self.fmt == "tsv":
            cells = [c.replace("\t", " ") for c in cells]
        csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerow(
            [spreadsheet_safe(c) for c in cells])
        self._write(buffer.getvalue())

    @staticmethod
    def _table_cell(value: object) -> str:
        return _cell(value).replace("\n", " ")

    def _start_table(self) -> None:
        widths = [len(c) for c in self.columns]
        for row in self.pending:
            for i, c in enumerate(self.columns):
                value = row.get(c)
                length = len(self._table_cell(value))
                widths[i] = max(widths[i], length if _is_iri(value) else
                                min(length, TABLE_MAX_WIDTH))
        self.widths = widths
        self._write(self._line(self.columns, [True] * len(widths)) + "\n"
                    + self._line(["-" * w for w in widths], [True] * len(widths)) + "\n")

    def _line(self, values: Sequence[str], whole: Sequence[bool]) -> str:
        return "  ".join((v if keep else _clip(v, TABLE_MAX_WIDTH)).ljust(w)
                         for v, keep, w in zip(values, whole, self.widths)).rstrip()


def format_rows(columns: Sequence[str], rows: Sequence[dict], output_format: str) -> str:
    """Rows as an aligned text table, CSV, TSV, JSON (a list of objects) or JSON Lines.

    >>> print(format_rows(["a", "b"], [{"a": 1, "b": None}], "csv"), end="")
    a,b
    1,
    """
    out: list[str] = []
    writer = RowWriter(columns, output_format, out.append)
    writer.write(list(rows))
    writer.close()
    return "".join(out)


def _clip(value: str, width: int) -> str:
    return value if len(value) <= width else value[: width - 1] + "…"


def _json_value(value: object) -> object:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (int, float, bool)) or value is None:
        return value
    return str(value)


def network_options(command):
    """--level, --since, --until, --status and --store, shared by metrics, viz and export."""
    options = [
        click.option("--level", type=click.Choice(["official", "government"]), default="official",
                     show_default=True, help="Nodes are officials or governments."),
        click.option("--since", type=click.DateTime(["%Y-%m-%d"]), default=None,
                     help="Only contacts on or after this date (YYYY-MM-DD)."),
        click.option("--until", type=click.DateTime(["%Y-%m-%d"]), default=None,
                     help="Only contacts on or before this date (YYYY-MM-DD)."),
        click.option("--status", type=click.Choice(["occurred", "planned", "all"]), default="all",
                     show_default=True, help="Which contacts count as ties."),
        store_option,
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _window(since, until, status):
    from kg.network import Window

    window = Window(since.date() if since else None, until.date() if until else None, status)
    if window.since and window.until and window.since > window.until:
        raise click.BadParameter(f"{window.since} is after --until {window.until}",
                                 ctx=click.get_current_context(), param_hint="'--since'")
    return window


def _reader(store_path, endpoint=None):
    """The store to read: a remote endpoint when given, else the local store."""
    from kg.remote import RemoteStore

    if endpoint:
        return RemoteStore(endpoint)
    return _open_store(store_path)


def _open_store(store_path):
    """The local store, read-only; a corrupt one is a store error (RocksDB reports corruption
    as RuntimeError), not an internal one."""
    from kg.store import GraphStore, default_store_path

    try:
        return GraphStore.open(store_path, create=False, read_only=True)
    except RuntimeError as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else "corrupt"
        raise StoreError(f"{store_path or default_store_path()}: cannot open store "
                         f"({first[:300]})") from None


def _contacts(store_path, endpoint=None, with_evidence=True):
    from kg.network import read_contacts

    return read_contacts(_reader(store_path, endpoint), with_evidence=with_evidence)


#: the longest metrics window: a span of dates Python can count (years 1 to 9999)
MAX_WINDOW_DAYS = 9000 * 365


def _parse_days(window: str) -> int:
    match = re.fullmatch(r"(\d+)\s*([dwmy]?)", window.strip().lower())
    days = int(match.group(1)) * {"": 1, "d": 1, "w": 7, "m": 30, "y": 365}[match.group(2)] \
        if match else 0
    # (a window longer than the calendar holds, "100000y", is no length either)
    if not 0 < days <= MAX_WINDOW_DAYS:
        raise click.BadParameter(f"{window!r}: expected a length such as 30d, 2w, 3m or 1y, "
                                 f"at most {MAX_WINDOW_DAYS // 365} years",
                                 ctx=click.get_current_context(), param_hint="'--window'")
    return days


@cli.command()
@network_options
@click.option("--window", "window_length", default=None, metavar="LENGTH",
              help="Metrics per consecutive window (30d, 2w, 3m): one row per node and window.")
@click.option("--top", type=click.IntRange(min=1), default=None, help="Only the first N rows.")
@click.option("--format", "-f", "output_format", type=click.Choice(["table", "csv", "json"]),
              default=None, help="Output format (default: table on a terminal, csv otherwise).")
@click.option("--endpoint", default=None, metavar="URL",
              help="Read the graph from a remote SPARQL endpoint instead of the local store.")
@handle_errors
def metrics(level, since, until, status, store_path, window_length, top, output_format, endpoint):
    """Contact-network metrics: degree, betweenness, closeness, PageRank, communities,
    Burt's constraint, initiative and Gould–Fernandez brokerage roles."""
    from kg.metrics import network_metrics, windowed_metrics

    window = _window(since, until, status)
    # Metrics count contacts; their evidence sentences are not needed (a third of the read).
    contacts = _contacts(store_path, endpoint, with_evidence=False)
    if window_length:
        table = windowed_metrics(contacts, level, _parse_days(window_length), window)
    else:
        table = network_metrics(contacts, level, window)
    rows = list(table.rows[:top] if top else table.rows)
    fmt = output_format or ("table" if sys.stdout.isatty() else "csv")
    columns = [c for c in table.columns if not (fmt == "table" and c == "id")]
    click.echo(format_rows(columns, rows, fmt), nl=False)
    for note in table.notes:
        click.echo(f"note: {note}", err=True)


@cli.command()
@network_options
@click.option("--out", type=click.Path(path_type=Path), default=Path("exports/contacts.html"),
              show_default=True, help="The HTML file to write.")
@click.option("--size-by", type=click.Choice(["weighted_degree", "degree", "betweenness",
                                              "pagerank", "eigenvector", "statements"]),
              default="weighted_degree", show_default=True, help="Metric that sizes the nodes.")
@click.option("--government", default=None, help="Only this government's officials and partners.")
@click.option("--png", type=click.Path(path_type=Path), default=None, help="Also write a PNG image.")
@click.option("--svg", type=click.Path(path_type=Path), default=None, help="Also write an SVG image.")
@click.option("--screenshot", type=click.Path(path_type=Path), default=None,
              help="Also write a PNG of the HTML view as headless Chromium shows it.")
@handle_errors
def viz(level, since, until, status, store_path, out, size_by, government, png, svg, screenshot):
    """Write an interactive, self-contained HTML view of the contact network (works offline)."""
    from kg.exports import is_stdout
    from kg.metrics import metrics_table
    from kg.viz import network_view, with_ties, write_html, write_image
    from kg.viz import screenshot as take_screenshot

    graph, records = network_view(_reader(store_path), level, _window(since, until, status),
                                  government)
    sizes = None
    if size_by not in ("weighted_degree",):
        sizes = {row["id"]: row[size_by] for row in metrics_table(graph).rows}
    title = f"kg contacts — {level}s"
    # With an output on standard output ('-'), the other "wrote" lines go to stderr.
    quiet = any(is_stdout(path) for path in (out, png, svg, screenshot) if path)
    write_html(graph, out, records=records, size_by=sizes, title=title)
    shown = with_ties(graph)[0]
    _report_written(out, quiet, f" ({shown.number_of_nodes()} nodes, {shown.number_of_edges()} ties)")
    for image, image_format in ((png, "png"), (svg, "svg")):
        if image:
            write_image(graph, image, size_by=sizes, title=title, records=records,
                        image_format=image_format)
            _report_written(image, quiet)
    if screenshot:
        take_screenshot(out, screenshot)
        _report_written(screenshot, quiet)


def _report_written(path, quiet: bool, detail: str = "") -> None:
    """Say where an output went; standard output ('-') needs no saying: the data is there."""
    from kg.exports import is_stdout

    if not is_stdout(path):
        click.echo(f"wrote {path}{detail}", err=quiet)


@cli.command(name="export")
@network_options
@click.option("--format", "-f", "export_format", required=True,
              type=click.Choice(["ttl", "nt", "nq", "jsonld", "trig", "graphml", "gexf", "csv",
                                 "json"]),
              help="RDF (ttl, nt, nq, jsonld, trig) or network (graphml, gexf, csv, json).")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Output file (default: graph.EXT or contacts-LEVEL.EXT beside the store).")
@handle_errors
def export_command(level, since, until, status, store_path, export_format, out):
    """Export the graph as RDF, or the contact network as GraphML, GEXF, CSV or node-link JSON."""
    from kg.build import exports_folder
    from kg.exports import RDF_FORMATS, export_network, export_rdf
    from kg.network import project

    # Beside the store it reads, as kg build writes its exports.
    folder = exports_folder(store_path)
    if export_format in RDF_FORMATS or export_format == "jsonld":
        path = out or folder / f"graph.{export_format}"
        written = (export_rdf(_open_store(store_path), path, export_format),)
    else:
        path = out or folder / f"contacts-{level}.{export_format}"
        # Network files carry no evidence: reading it would be most of the export's time.
        graph = project(_contacts(store_path, with_evidence=False), level,
                        _window(since, until, status))
        written = export_network(graph, path, export_format)
    for path in written:
        _report_written(path, quiet=False)


@cli.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback is announced as a warning.")
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True)
@click.option("--timeout", type=click.IntRange(min=1), default=None,
              help="Query timeout in seconds (default 30, or $KG_QUERY_TIMEOUT).")
@click.option("--max-result-bytes", type=click.IntRange(min=1), default=None,
              help="Largest result sent (default 50 MiB, or $KG_MAX_RESULT_BYTES).")
@click.option("--max-request-bytes", type=click.IntRange(min=1), default=None,
              help="Largest request body accepted (default 1 MiB, or $KG_MAX_REQUEST_BYTES).")
@handle_errors
def serve(store_path, host, port, timeout, max_result_bytes, max_request_bytes):
    """Serve the store as a read-only SPARQL 1.1 endpoint (GET/POST /query) until Ctrl-C."""
    from dataclasses import replace

    from kg.serve import environment_limits
    from kg.serve import serve as run_serve
    from kg.store import default_store_path

    limits = environment_limits()
    limits = replace(limits, timeout_s=timeout or limits.timeout_s,
                     max_result_bytes=max_result_bytes or limits.max_result_bytes,
                     max_request_bytes=max_request_bytes or limits.max_request_bytes)
    run_serve(Path(store_path or default_store_path()), host, port, limits,
              announce=lambda message: click.echo(message, err=True))


@cli.command()
@store_option
@click.option("--endpoint", required=True, metavar="URL",
              help="Graph Store Protocol URL (Oxigraph: http://HOST:7878/store) or, with "
                   "--protocol update, a SPARQL Update URL.")
@click.option("--protocol", type=click.Choice(["gsp", "update"]), default="gsp", show_default=True,
              help="Upload one PUT per named graph (gsp) or DROP + INSERT DATA (update).")
@handle_errors
def push(store_path, endpoint, protocol):
    """Upload the graph, named graphs included, to a remote triple store."""
    from kg.remote import push as run_push

    store = _open_store(store_path)
    count = run_push(store, endpoint, protocol)
    click.echo(f"pushed {count} named graph(s) to {endpoint}")


@cli.command()
@click.option("--scales", default=None, metavar="N,N,...",
              help="Corpus sizes in articles (default 1000,10000).")
@click.option("--large", is_flag=True, help="Add the 100,000-article scale (tens of minutes).")
@click.option("--no-baseline", is_flag=True, help="Skip the rdflib and plain-networkx baseline.")
@click.option("--baseline-max", type=int, default=1000, show_default=True,
              help="Largest scale that also runs the (slow) rdflib baseline.")
@click.option("--baseline-cap", type=click.FloatRange(min=1), default=300, show_default=True,
              metavar="SECONDS", help="Stop an rdflib query after this long and count it at the "
              "cap (the speed-up is then a lower bound).")
@click.option("--extraction", "extraction_paths", multiple=True, type=click.Path(path_type=Path),
              help="Also measure extraction throughput on these articles (e.g. corpus/dev).")
@click.option("--dense", is_flag=True,
              help="Also time extraction of long, dense articles (1k, 4k and 16k lines).")
@click.option("--network/--no-network", default=True, show_default=True,
              help="Also time the metrics table on a 10k-official, 100k-tie network.")
@click.option("--seed", type=int, default=42, show_default=True, help="Seed of the synthetic corpus.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@handle_errors
def bench(scales, large, no_baseline, baseline_max, baseline_cap, extraction_paths, dense, network,
          seed, as_json):
    """Benchmark ingest, store size, memory, query latency, incremental add and metrics on
    a seeded synthetic corpus at growing scales, against rdflib and plain networkx."""
    from dataclasses import asdict

    from kg.articles import load_articles
    from kg.bench import (
        DEFAULT_SCALES,
        LARGE_SCALE,
        dense_extraction,
        extraction_throughput,
        network_benchmark,
        ratio_lines,
        run_bench,
    )
    from kg.errors import KgError

    try:
        sizes = tuple(int(s) for s in scales.split(",")) if scales else DEFAULT_SCALES
    except ValueError:
        raise KgError(f"--scales {scales!r}: expected numbers separated by commas") from None
    if large:
        sizes += (LARGE_SCALE,)
    results = run_bench(sizes, seed, not no_baseline,
                        progress=None if as_json else lambda m: click.echo(m, err=True),
                        baseline_max=baseline_max, baseline_cap_s=baseline_cap)
    report = {"scales": [asdict(r) for r in results]}
    if extraction_paths:
        report["extraction"] = extraction_throughput(load_articles(extraction_paths))
    if dense:
        report["dense"] = dense_extraction()
    if network:
        report["network"] = network_benchmark(seed=seed)
    if as_json:
        click.echo(json.dumps(report, indent=2))
        return
    columns = ["articles", "triples", "ingest_articles_per_s", "store_mb", "peak_rss_mb",
               "query_p50_ms", "query_p95_ms", "baseline_query_p50_ms", "query_speedup",
               "add_one_ms", "open_ms", "metrics_s", "baseline_metrics_s"]
    click.echo(format_rows(columns, report["scales"], "table"), nl=False)
    for line in ratio_lines(results):
        click.echo(line)
    for scale in report["scales"]:
        if scale["baseline_capped"]:
            click.echo(f"{scale['articles']} articles: rdflib stopped at the cap on "
                       f"{', '.join(scale['baseline_capped'])}; its p50 and the speed-up are "
                       f"lower bounds")
    if "extraction" in report:
        e = report["extraction"]
        click.echo(f"extraction: {e['articles_per_s']} articles/s, {e['words_per_s']} words/s "
                   f"on one core ({e['articles']} articles), peak {e['peak_rss_mb']} MB")
    if "dense" in report:
        d = report["dense"]
        click.echo("dense articles: " + ", ".join(
            f"{n} lines {r} s repeated / {x} s distinct" for n, r, x in
            zip(d["lines"], d["repeated_s"], d["distinct_s"]))
            + f" (s per 1000 lines: {', '.join(map(str, d['seconds_per_1000_lines']))})")
    if "network" in report:
        n = report["network"]
        notes = f" ({'; '.join(n['notes'])})" if n["notes"] else ""
        click.echo(f"metrics table: {n['nodes']} officials, {n['ties']} ties in {n['metrics_s']} s"
                   f"{notes}")


if __name__ == "__main__":  # pragma: no cover
    cli()
