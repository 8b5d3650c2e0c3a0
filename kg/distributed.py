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


class DaskCluster:
    """A connection to the Dask cluster at ``address``, checked before any task is sent; with
    ``"local"``, a cluster of ``workers`` processes (at least two) on 127.0.0.1 that lives as
    long as the connection. Use it as a context manager.

    Raises:
        KgError: dask is not installed.
        ClusterError: the scheduler does not answer, or its workers cannot run kg.
    """

    def __init__(self, address: str, workers: int = 1):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise KgError("--dask needs dask.distributed: pip install 'kg[dask]'") from None
        self.address, self.cluster = address, None
        try:
            if address == "local":
                self.cluster = LocalCluster(n_workers=max(workers, 2), threads_per_worker=1,
                                            processes=True, host="127.0.0.1",
                                            dashboard_address=None)
                address = self.cluster.scheduler_address
            try:
                self.client = Client(address, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError) as error:
                raise ClusterError(f"--dask {self.address}: cannot reach the scheduler "
                                   f"({error})") from None
            try:
                _check_workers(self.client, self.address)
            except BaseException:
                self.client.close()
                raise
        except BaseException:
            if self.cluster is not None:
                self.cluster.close()
            raise

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def extract(self, articles: Sequence[Article],
                progress: Callable[[int], None] | None = None) -> Iterator[Extraction]:
        """Extract ``articles`` on the cluster; the extractions come in the articles' order."""
        articles = list(articles)
        chunks = [articles[i:i + CHUNK] for i in range(0, len(articles), CHUNK)]
        futures = self.client.map(extract_chunk, chunks, pure=False)
        try:
            for future, chunk in zip(futures, chunks):
                yield from future.result()
                if progress:
                    progress(len(chunk))
        finally:
            self.client.cancel(futures)


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
