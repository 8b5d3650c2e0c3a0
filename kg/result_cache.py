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

:func:`keep_answers` evaluates and keeps them all at once: :func:`kg.build.build` and
:func:`kg.build.remove` call it after their last write, so that the first question after a build
is already answered from a kept result. Keeping is an optimisation, never a condition: a folder
that cannot be written (read-only, disk full) keeps nothing and the answers are evaluated when
first asked, as they would be for any other write.

>>> cache_folder("exports/store").as_posix()
'exports/store.cache'
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreError

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
        # A folder that cannot be written (a read-only store on read-only media) keeps nothing.
        with contextlib.suppress(OSError):
            _keep(path, data)
    return ox.parse_query_results(data, format=FORMAT)


def kept_queries() -> dict[str, str]:
    """The shipped queries whose answers are kept (those without parameters): name -> SPARQL.

    >>> sorted(kept_queries())
    ['dyads', 'evidence', 'officials', 'timeline']
    """
    from kg.ontology_files import shipped_query, shipped_query_names
    from kg.queries import query_parameters  # kg.queries imports this module

    texts = {name: shipped_query(name) for name in shipped_query_names()}
    return {name: text for name, text in texts.items() if not query_parameters(text)}


def keep_answers(store, warn: Callable[[str], None] | None = None) -> dict[str, Path]:
    """Evaluate the parameterless shipped queries on ``store`` (a :class:`kg.store.GraphStore`)
    and keep their answers for its current generation, so that their next questions read them
    back (:func:`cached_solutions`). Call it after a command's last write: ``kg build`` and
    ``kg remove`` do, through :func:`kg.build.build` and :func:`kg.build.remove`.

    Returns the kept files by query name (answers kept already for this generation are not
    evaluated again). Keeping never fails: a store in memory or without a generation keeps
    nothing; a failure to evaluate or to write (a read-only folder, a full disk) stops it,
    tells ``warn`` why, and leaves the answers not kept yet to be evaluated when first asked;
    a write by someone else meanwhile stops it silently (the answers would be of a generation
    that is gone).

    >>> import tempfile
    >>> from kg.ontology_files import ontology_graph
    >>> from kg.store import GraphStore
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     store = GraphStore.open(Path(folder) / "store")
    ...     _ = store.replace_articles([ontology_graph()])
    ...     kept = keep_answers(store)
    ...     print(sorted(kept), kept["timeline"].parent.name)
    ...     del store
    ['dyads', 'evidence', 'officials', 'timeline'] store.cache
    """
    if store.location is None:
        return {}
    kept: dict[str, Path] = {}
    try:
        generation = store.generation()
        if generation is None:
            return {}
        cache_folder(store.location).mkdir(parents=True, exist_ok=True)
        for name, sparql in kept_queries().items():
            path = cache_file(store.location, generation, sparql)
            if not path.is_file():
                data = store.query(sparql).serialize(format=FORMAT)
                if store.generation() != generation:
                    break
                _keep(path, data)
            kept[name] = path
    # Failures to write, and to read the store (pyoxigraph's are OSError or RuntimeError).
    except (OSError, RuntimeError, StoreError) as error:
        if warn:
            lines = str(error).strip().splitlines()
            reason = getattr(error, "strerror", None) or (lines[0] if lines else
                                                          type(error).__name__)
            warn(f"{cache_folder(store.location)}: query answers not kept ({reason}); "
                 f"they are evaluated when first asked")
    return kept


def _keep(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically and remove the results of other generations.

    Raises:
        OSError: the folder cannot be written; nothing is kept (no partial file is left).
    """
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
    except OSError:
        if partial is not None:
            partial.unlink(missing_ok=True)
        raise
    with contextlib.suppress(OSError):  # kept: what is left over is never read
        for other in path.parent.iterdir():
            # Partial files of a writer killed mid-way go too (a live writer's rename then
            # fails and it keeps nothing, which is harmless).
            if not other.name.startswith(generation):
                with contextlib.suppress(OSError):
                    other.unlink(missing_ok=True)
