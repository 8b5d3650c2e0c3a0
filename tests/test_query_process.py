"""``kg query`` as a real process: rows stream out, Ctrl-C stops it at once, --timeout stops it.

The slow query joins the seed store with itself four times (about 10^11 combinations behind a
filter that no row passes) after a first part that answers at once: the engine finds the first
row immediately and would then search for hours.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT

SLOW = ('SELECT ?x WHERE { { VALUES ?x { "first" } } UNION { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . '
        '?j ?k ?l FILTER (CONCAT(STR(?c), STR(?f), STR(?i), STR(?l)) = "never") BIND (?a AS ?x) } }')


@pytest.fixture(scope="module")
def seed_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("query")
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    subprocess.run([sys.executable, "-m", "kg", "build", "-q"], cwd=folder, check=True,
                   env=_environment())
    return folder


def _environment() -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("KG_STORE", "KG_QUERY_TIMEOUT")}
    environment["PYTHONPATH"] = str(ROOT)
    return environment


def _start(folder, *args):
    # A session of its own, so the test can send Ctrl-C to the whole group as a terminal does,
    # with Ctrl-C's default action as a terminal's foreground job has it: a test run started in
    # the background of a script inherits SIGINT ignored, and kg (as Python) keeps it so.
    return subprocess.Popen([sys.executable, "-m", "kg", "query", *args], cwd=folder,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=_environment(), start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def _group_is_gone(pgid: int, within: float = 10.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


def test_query_streams_the_first_row_and_stops_at_once_on_ctrl_c(seed_folder):
    process = _start(seed_folder, SLOW, "-f", "csv", "--timeout", "600")
    try:
        # The first row arrives while the engine still searches for the second.
        assert process.stdout.readline() == "x\n"
        assert process.stdout.readline() == "first\n"
        assert process.poll() is None
        os.killpg(process.pid, signal.SIGINT)
        assert process.wait(timeout=20) == 130
        assert process.stderr.read() == "kg: error: interrupted\n"
        # The query's child process was stopped too: nothing of the group is left.
        assert _group_is_gone(process.pid)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)


def test_query_timeout_stops_the_engine(seed_folder):
    process = _start(seed_folder, SLOW, "-f", "csv", "--timeout", "2")
    try:
        out, err = process.communicate(timeout=60)
        assert process.returncode == 8
        assert out == "x\nfirst\n"
        assert err == ("kg: error: query stopped after the timeout of 2 s (--timeout or "
                       "$KG_QUERY_TIMEOUT allow longer)\n")
        assert _group_is_gone(process.pid)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGKILL])
def test_query_engine_ends_with_a_parent_killed_from_outside(seed_folder, stop):
    # SIGTERM and SIGKILL give kg no chance to stop its query process: that process notices it
    # has lost its parent and ends, instead of searching on for hours.
    process = _start(seed_folder, SLOW, "-f", "csv", "--timeout", "600")
    try:
        assert process.stdout.readline() == "x\n"
        os.kill(process.pid, stop)
        assert process.wait(timeout=20) == -stop
        assert _group_is_gone(process.pid)
    finally:
        with contextlib.suppress(ProcessLookupError):  # whatever of the group is left
            os.killpg(process.pid, signal.SIGKILL)
