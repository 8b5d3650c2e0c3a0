"""``kg build --dask``: extraction on a real Dask cluster (a LocalCluster of two worker processes
on 127.0.0.1 started here) gives the same store as a local build, and bad input writes nothing."""

from __future__ import annotations

import hashlib
import json

import pytest

from kg.cli import cli
from tests.conftest import DEV, folder_digest

distributed = pytest.importorskip("dask.distributed")


@pytest.fixture(scope="module")
def scheduler():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       host="127.0.0.1", dashboard_address=None)
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


def _nq_digest(runner, store, out) -> str:
    result = runner.invoke(cli, ["export", "--format", "nq", "--store", str(store), "--out",
                                 str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return hashlib.sha256(out.read_bytes()).hexdigest()


def test_dask_build_gives_the_same_store_as_a_local_build(scheduler, tmp_path, runner,
                                                          monkeypatch):
    monkeypatch.chdir(tmp_path)
    on_dask = runner.invoke(cli, ["build", str(DEV), "--store", "dask/store", "--dask",
                                  scheduler], catch_exceptions=False)
    local = runner.invoke(cli, ["build", str(DEV), "--store", "local/store"],
                          catch_exceptions=False)
    assert on_dask.exit_code == local.exit_code == 0
    assert on_dask.stdout.replace("dask/", "local/") == local.stdout
    assert _nq_digest(runner, "dask/store", tmp_path / "dask.nq") == \
        _nq_digest(runner, "local/store", tmp_path / "local.nq")
    assert (tmp_path / "dask.nq").stat().st_size > 100_000


def test_dask_build_with_a_bad_article_writes_nothing(scheduler, tmp_path, runner, monkeypatch):
    monkeypatch.chdir(tmp_path)
    good = {"id": "a1", "text": "Blinken met Abbas on Wednesday.",
            "meta": {"published": "2021-05-13"}}
    (tmp_path / "ok.jsonl").write_text(json.dumps(good) + "\n", encoding="utf-8")
    assert runner.invoke(cli, ["build", "ok.jsonl", "-q"]).exit_code == 0
    before = folder_digest(tmp_path / "exports")
    (tmp_path / "bad.jsonl").write_text(json.dumps({**good, "id": "b1"}) + "\n{oops\n",
                                        encoding="utf-8")
    result = runner.invoke(cli, ["build", "bad.jsonl", "--dask", scheduler])
    assert (result.exit_code, result.stderr) == (
        3, ("kg: error: bad.jsonl:2:2: invalid JSON (Expecting property name enclosed in double "
            "quotes)\n"))
    assert folder_digest(tmp_path / "exports") == before


def test_dask_unreachable_scheduler_is_exit_7(tmp_path, runner, monkeypatch):
    import socket

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("kg.distributed.CONNECT_TIMEOUT", 2)
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    (tmp_path / "a.txt").write_text("Blinken met Abbas.", encoding="utf-8")
    result = runner.invoke(cli, ["build", "a.txt", "-q", "--dask", f"tcp://127.0.0.1:{port}"])
    assert result.exit_code == 7, result.output
    assert result.stderr.startswith(f"kg: error: --dask tcp://127.0.0.1:{port}: cannot reach "
                                    f"the scheduler")
    assert not (tmp_path / "exports").exists()
