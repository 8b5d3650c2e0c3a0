"""Answers of the parameterless shipped queries, kept per store generation.

``timeline`` and ``evidence`` list the whole corpus (30k and 50k rows at 10^4 articles); on-disk
Oxigraph spends most of their time joining and handing out strings, however the triples are laid
out. Their answer only changes when the store does, so the first evaluation after a write is kept
in a file and later ones read it back.

Exactness rests on the store's *generation* (:meth:`kg.store.GraphStore.generation`): a random
token that every write replaces in its own transaction. A result is kept under the generation it
was computed from, so after a write (committed, or rolled back by a crash) the store names
another generation or the same contents, and a result of another generation is never read.
Files are written atomically (temporary file, fsync, rename) and those of other generations are
removed when a new one is kept. The results live beside the store, in ``STORE.cache/`` (the store
``exports/store`` keeps them in ``exports/store.cache``), as SPARQL TSV results (every RDF term
exactly as the engine gave it).

>>> cache_folder("exports/store").as_posix()
'exports/store.cache'
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import pyoxigraph as ox

#: The format results are kept in: TSV writes RDF terms in full (datatypes, languages).
FORMAT = ox.QueryResultsFormat.TSV


def cache_folder(store_path: str | Path) -> Path:
    """The folder of the results kept for the store at ``store_path``: a sibling named after it."""
    path = Path(store_path)
    return path.with_name(f"{path.name}.cache")


def cache_file(store_path: str | Path, generation: str, sparql: str) -> Path:
    """Where the answer to ``sparql`` at ``generation`` is kept."""
    digest = hashlib.sha256(sparql.encode("utf-8")).hexdigest()[:32]
    return cache_folder(store_path) / f"{generation}-{digest}.tsv"


def cached_solutions(store, sparql: str) -> ox.QuerySolutions:
    """The solutions of the SELECT ``sparql`` on ``store`` (a :class:`kg.store.GraphStore`):
    read from the result kept for the store's generation, or evaluated and then kept. A store
    in memory, or one without a generation yet, is simply queried."""
    generation = store.generation() if store.location else None
    if generation is None:
        return store.query(sparql)
    path = cache_file(store.location, generation, sparql)
    try:
        return ox.parse_query_results(path.read_bytes(), format=FORMAT)
    except (OSError, SyntaxError):
        pass  # not kept yet (or unreadable): evaluate it
    data = store.query(sparql).serialize(format=FORMAT)
    # The query reads a snapshot taken between the two reads of the generation: when they agree,
    # no write came in between and the snapshot is of this generation.
    if store.generation() == generation:
        _keep(path, data)
    return ox.parse_query_results(data, format=FORMAT)


def _keep(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically and remove the results of other generations; a
    folder that cannot be written (a read-only store on read-only media) keeps nothing."""
    generation = path.name.split("-", 1)[0]
    partial = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".partial-", delete=False) as out:
            partial = Path(out.name)
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
        for other in path.parent.iterdir():
            # Partial files of a writer killed mid-way go too (a live writer's rename then
            # fails and it keeps nothing, which is harmless).
            if not other.name.startswith(generation):
                other.unlink(missing_ok=True)
    except OSError:
        if partial is not None:
            partial.unlink(missing_ok=True)
