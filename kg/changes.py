"""The record of what the last build wrote, so ``kg validate`` can check only that.

The record is a small JSON file beside the store folder (``exports/store.changes.json`` for the
store ``exports/store``), replaced atomically (temporary file, fsync, rename). A build writes it
twice: before its first transaction, with every article it is about to write and
``"complete": false``, and after its last, with the articles it wrote and ``"complete": true``.
A build killed in between so leaves a record that still covers every graph it may have written.

>>> import tempfile, pathlib
>>> store = pathlib.Path(tempfile.mkdtemp()) / "store"
>>> write_changes(store, ["a1", "a2"], complete=True)
>>> read_changes(store)
Changes(articles=('a1', 'a2'), complete=True)
>>> read_changes(store.parent / "other") is None
True
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

FORMAT = 1


@dataclass(frozen=True)
class Changes:
    """The article graphs the last build wrote (or set out to write, when not ``complete``)."""

    articles: tuple[str, ...]
    complete: bool


def changes_path(store: str | Path) -> Path:
    """The record's file for the store folder ``store``: a sibling named after it."""
    store = Path(store)
    return store.with_name(f"{store.name}.changes.json")


def write_changes(store: str | Path, articles: Iterable[str], complete: bool) -> None:
    """Replace the record of ``store`` atomically."""
    path = changes_path(store)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = json.dumps({"format": FORMAT, "articles": sorted(set(articles)), "complete": complete},
                      ensure_ascii=False)
    partial = path.with_name(f".{path.name}.partial")
    try:
        with partial.open("w", encoding="utf-8") as stream:
            stream.write(body + "\n")
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(partial, path)
    finally:
        if partial.exists():
            partial.unlink()


def read_changes(store: str | Path) -> Changes | None:
    """The record of ``store``, or None when there is none (or it cannot be read)."""
    try:
        content = json.loads(changes_path(store).read_text(encoding="utf-8"))
        articles = content["articles"]
        if content.get("format") != FORMAT or not all(isinstance(a, str) for a in articles):
            return None
        return Changes(tuple(articles), bool(content.get("complete")))
    except (OSError, ValueError, KeyError, TypeError):
        return None
