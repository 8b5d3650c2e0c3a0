"""Read articles from disk: ``ID.txt`` with its optional sidecar ``ID.json`` (SCHEMA.md ``meta``).

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a1.txt").write_text("Blinken spoke with Abbas.", encoding="utf-8")
>>> _ = (folder / "a1.json").write_text('{"meta": {"id": "a1", "published": "2021-05-13"}}')
>>> [article.meta.published for article in load_articles([folder])]
[datetime.date(2021, 5, 13)]
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.errors import ArticleError
from kg.model import Article, Meta

#: Articles larger than this are refused (bytes); override with the environment variable.
DEFAULT_MAX_ARTICLE_BYTES = 10 * 1024 * 1024
META_FIELDS = ("id", "title", "published", "source", "language")

Warn = Callable[[str], None]


def max_article_bytes() -> int:
    """The size limit for one article file, from ``KG_MAX_ARTICLE_BYTES`` or the default."""
    value = os.environ.get("KG_MAX_ARTICLE_BYTES")
    return int(value) if value and value.isdigit() else DEFAULT_MAX_ARTICLE_BYTES


ARTICLE_SUFFIXES = (".txt", ".jsonl")


def find_article_paths(sources: Iterable[str | Path]) -> list[Path]:
    """Expand files and folders (recursively) into a sorted list of article files: ``.txt``
    articles and ``.jsonl`` corpora.

    Raises:
        ArticleError: a source does not exist, or a folder holds no article.
    """
    paths: list[Path] = []
    for source in sources:
        source = Path(source)
        if source.is_dir():
            found = sorted(p for p in source.rglob("*") if p.suffix in ARTICLE_SUFFIXES
                           and p.is_file())
            if not found:
                raise ArticleError(f"{source}: folder holds no article (*.txt or *.jsonl)")
            paths.extend(found)
        elif source.is_file():
            paths.append(source)
        else:
            raise ArticleError(f"{source}: no such file or folder")
    return paths


def load_articles(sources: Iterable[str | Path], warn: Warn | None = None) -> list[Article]:
    """Read every article found under ``sources`` (``-`` is JSON Lines on standard input);
    see :func:`read_article` and :func:`read_jsonl`."""
    return list(iter_articles(sources, warn))


def check_unique_ids(articles: Iterable[Article]) -> None:
    """Refuse two articles with one id in one batch: they would merge into one named graph.

    >>> from kg.model import Meta
    >>> check_unique_ids([Article(Meta("a"), "x", path="c.jsonl:1"),
    ...                   Article(Meta("a"), "y", path="c.jsonl:2")])
    Traceback (most recent call last):
    ...
    kg.errors.ArticleError: c.jsonl:2: article id 'a' is already used by c.jsonl:1 (each article needs its own id)

    Raises:
        ArticleError: naming both sources.
    """
    seen: dict[str, Article] = {}
    for article in articles:
        first = seen.setdefault(article.id, article)
        if first is not article:
            raise ArticleError(f"{_source(article)}: article id {article.id!r} is already used by "
                               f"{_source(first)} (each article needs its own id)")


def _source(article: Article) -> str:
    """Where an article's id comes from: its JSON Lines line, else its sidecar, else its file."""
    path = article.path or "<memory>"
    if path.endswith(".txt") and Path(path).with_suffix(".json").exists():
        return str(Path(path).with_suffix(".json"))
    return path


def iter_articles(sources: Iterable[str | Path], warn: Warn | None = None) -> Iterator[Article]:
    """Like :func:`load_articles`, one article at a time."""
    sources = list(sources)
    for source in sources:
        if str(source) == "-":
            yield from parse_jsonl(sys.stdin, "<stdin>", warn)
    for path in find_article_paths(s for s in sources if str(s) != "-"):
        if path.suffix == ".jsonl":
            yield from read_jsonl(path, warn)
        else:
            yield read_article(path, warn)


def read_jsonl(path: Path, warn: Warn | None = None) -> Iterator[Article]:
    """Articles from a JSON Lines corpus: one ``{"id", "text", "meta": {...}}`` object per line."""
    try:
        stream = path.open(encoding="utf-8")
    except OSError as error:
        raise ArticleError(f"{path}: cannot read ({error.strerror})") from None
    with stream:
        yield from parse_jsonl(stream, str(path), warn)


def parse_jsonl(lines: Iterable[str], source: str, warn: Warn | None = None) -> Iterator[Article]:
    """Parse JSON Lines articles; errors name the source and the line."""
    try:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            where = f"{source}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise ArticleError(f"{where}:{error.colno}: invalid JSON ({error.msg})") from None
            if not isinstance(record, dict):
                raise ArticleError(f"{where}: expected a JSON object with id, text and meta")
            text = record.get("text")
            if not isinstance(text, str) or not text.strip():
                raise ArticleError(f"{where}: 'text' must be a non-empty string")
            if len(text.encode("utf-8")) > max_article_bytes():
                raise ArticleError(f"{where}: text is over the limit of {max_article_bytes()} bytes")
            if "\x00" in text:
                raise ArticleError(f"{where}: text holds a NUL character")
            default_id = record.get("id") if isinstance(record.get("id"), str) else None
            meta = parse_meta(record, where, default_id=default_id or f"{Path(source).stem}-{number}")
            if warn:
                _check_published(meta, where, warn)
            yield Article(meta=meta, text=text, path=where)
    except UnicodeDecodeError:
        raise ArticleError(f"{source}: not UTF-8") from None


def read_article(path: str | Path, warn: Warn | None = None) -> Article:
    """Read one article and its sidecar metadata.

    A ``.txt`` without a sidecar is accepted; the missing fields are reported through ``warn``.

    Raises:
        ArticleError: the file is missing, empty, too large, binary or not UTF-8, or the sidecar is
            not valid JSON or has an invalid field.
    """
    path = Path(path)
    text = read_text(path)
    sidecar = path.with_suffix(".json")
    if sidecar.exists():
        meta = parse_meta(read_sidecar(sidecar), sidecar, default_id=path.stem)
    else:
        meta = Meta(id=path.stem)
        if warn:
            warn(f"{path}: no sidecar {sidecar.name}; missing title, published, source, language")
    if warn and sidecar.exists():
        _check_published(meta, sidecar, warn)
    return Article(meta=meta, text=text, path=str(path))


def _check_published(meta: Meta, where, warn: Warn) -> None:
    """Warn about a publication date that is missing (relative dates stay open, unless a
    dateline gives the day) or in the future (likely a typing error: plans would turn past)."""
    if meta.published is None:
        warn(f"{where}: meta.published missing; relative dates stay unresolved unless a dateline "
             f"gives the day")
    elif meta.published > dt.date.today():
        warn(f"{where}: meta.published {meta.published.isoformat()} is in the future")


def read_text(path: Path) -> str:
    """The UTF-8 text of an article file, checked for size, emptiness and binary content."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ArticleError(f"{path}: cannot read ({error.strerror})") from None
    if size > max_article_bytes():
        raise ArticleError(f"{path}: {size} bytes is over the limit of {max_article_bytes()} bytes")
    raw = path.read_bytes()
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise ArticleError(f"{path}: binary file (NUL byte at offset {nul})")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ArticleError(f"{path}:{line}: not UTF-8 (byte {error.start})") from None
    if not text.strip():
        raise ArticleError(f"{path}: empty article")
    return text


def read_sidecar(path: Path) -> dict:
    """The parsed JSON object of a sidecar file."""
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ArticleError(f"{path}: not UTF-8") from None
    except json.JSONDecodeError as error:
        raise ArticleError(f"{path}:{error.lineno}:{error.colno}: invalid JSON ({error.msg})") from None
    if not isinstance(content, dict):
        raise ArticleError(f"{path}: expected a JSON object with a 'meta' key")
    return content


def parse_meta(content: dict, source: Path | str, default_id: str) -> Meta:
    """Turn a sidecar's ``meta`` object into :class:`Meta`, checking each field's type and form."""
    meta = content.get("meta", {})
    if not isinstance(meta, dict):
        raise ArticleError(f"{source}: 'meta' must be an object")
    for key in META_FIELDS:
        if meta.get(key) is not None and not isinstance(meta[key], str):
            raise ArticleError(f"{source}: meta.{key} must be a string, not {type(meta[key]).__name__}")
    return Meta(
        id=meta.get("id") or default_id,
        title=meta.get("title"),
        published=parse_date(meta.get("published"), f"{source}: meta.published"),
        source=meta.get("source"),
        language=meta.get("language"),
    )


def parse_date(value: str | None, where: str) -> dt.date | None:
    """Parse ``YYYY-MM-DD``; ``where`` names the place in error messages.

    >>> parse_date("2021-05-13", "x")
    datetime.date(2021, 5, 13)
    """
    if value is None:
        return None
    try:
        if len(value) != 10:
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ArticleError(f"{where}: invalid date {value!r} (expected YYYY-MM-DD)") from None
