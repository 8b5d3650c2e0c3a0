"""Extraction on a Dask cluster (``kg build --dask ADDRESS`` or ``--dask local``).

Extraction is a pure function of an article's text and metadata, so a cluster can map it; the
graphs then go through the same transactional store path as a local build (the store stays on
this machine, written by this process), so a build with ``--dask`` gives the same store as one
without. Articles are read and checked here, before any task is sent: bad input fails the whole
build before anything is written, as locally.

Every worker must run the same kg (``pip install 'kg[dask]'`` of the same version, or the same
checkout) as the client; this is checked before any task is sent. dask is an optional extra.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from kg.errors import ClusterError, KgError
from kg.model import Article, Extraction

#: Articles per task: large enough that scheduling costs little, small enough to spread well.
CHUNK = 16
#: Seconds to wait for a scheduler to answer.
CONNECT_TIMEOUT = 20


def extract_chunk(articles: Sequence[Article]) -> list[Extraction]:
    """Extract a chunk of articles (the task each worker runs)."""
    from kg.extract import extract

    return [extract(article) for article in articles]


def _kg_version() -> str:
    import kg

    return kg.__version__


def extract_on_dask(articles: Sequence[Article], address: str,
                    progress: Callable[[int], None] | None = None,
                    workers: int = 1) -> Iterator[Extraction]:
    """Extract ``articles`` on the Dask cluster at ``address`` and yield the extractions in the
    articles' order. ``address`` ``"local"`` starts a cluster of ``workers`` processes (at least
    two) on 127.0.0.1 for the duration of the call.

    Raises:
        KgError: dask is not installed.
        ClusterError: the scheduler does not answer, or its workers cannot run kg.
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise KgError("--dask needs dask.distributed: pip install 'kg[dask]'") from None
    articles = list(articles)
    cluster = None
    try:
        if address == "local":
            cluster = LocalCluster(n_workers=max(workers, 2), threads_per_worker=1,
                                   processes=True, host="127.0.0.1", dashboard_address=None)
            address = cluster.scheduler_address
        try:
            client = Client(address, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as error:
            raise ClusterError(f"--dask {address}: cannot reach the scheduler ({error})") from None
        with client:
            _check_workers(client, address)
            chunks = [articles[i:i + CHUNK] for i in range(0, len(articles), CHUNK)]
            futures = client.map(extract_chunk, chunks, pure=False)
            try:
                for future, chunk in zip(futures, chunks):
                    yield from future.result()
                    if progress:
                        progress(len(chunk))
            finally:
                client.cancel(futures)
    finally:
        if cluster is not None:
            cluster.close()


def _check_workers(client, address: str) -> None:
    from kg import __version__

    try:
        versions = client.run(_kg_version)
    except Exception as error:  # noqa: BLE001 - any failure here means the workers cannot run kg
        raise ClusterError(f"--dask {address}: workers cannot import kg ({error})") from None
    if not versions:
        raise ClusterError(f"--dask {address}: the cluster has no workers")
    other = {worker: v for worker, v in versions.items() if v != __version__}
    if other:
        worker, version = next(iter(other.items()))
        raise ClusterError(f"--dask {address}: worker {worker} runs kg {version}, this is kg "
                           f"{__version__}; install the same kg on every worker")
