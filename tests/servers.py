"""Start and stop real servers on 127.0.0.1 for the tests: kg's endpoint and a plain Oxigraph."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from kg.serve import free_port, oxigraph_binary


def _wait(url: str, process: subprocess.Popen, log, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"server exited: {log.read().decode(errors='replace')}")
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return
        except Exception:  # noqa: BLE001 - not up yet
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not come up")


@contextmanager
def _running(command: list[str], probe: str):
    """Run ``command`` until the context ends, once ``probe`` answers. Its output goes to a file:
    a pipe nobody reads fills up and blocks the server's logging, and with it the server."""
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait(probe, process, log)
            yield
        finally:
            process.terminate()
            process.wait(timeout=10)


@contextmanager
def kg_endpoint(store: Path, *options: str):
    """``kg serve`` on a free loopback port; yields the query URL."""
    port = free_port()
    command = [sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", str(port),
               *options]
    with _running(command, f"http://127.0.0.1:{port}/"):
        yield f"http://127.0.0.1:{port}/query"


@contextmanager
def oxigraph_server(location: Path):
    """A read-write Oxigraph server (the remote triple store of ``kg push``); yields its base URL."""
    port = free_port()
    command = [oxigraph_binary(), "serve", "--location", str(location), "--bind",
               f"127.0.0.1:{port}"]
    with _running(command, f"http://127.0.0.1:{port}/"):
        yield f"http://127.0.0.1:{port}"
