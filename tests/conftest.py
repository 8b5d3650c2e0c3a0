"""Shared fixtures: the seed article, its gold annotation and graphs built from it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.articles import read_article
from kg.build import build_in_memory

ROOT = Path(__file__).resolve().parent.parent
SEED_ID = "blinken-abbas-netanyahu-2021-05-12"
SEED = ROOT / "seeds" / f"{SEED_ID}.txt"
DEV = ROOT / "corpus" / "dev"
PEER = ROOT.parent / "shared" / "corpus" / "peer"
#: The seed's officials as (name, post, government), sorted by name: what every reader of the
#: seed graph (read-back, shipped queries) must give.
SEED_OFFICIALS = [
    ("Antony Blinken", "Secretary of State", "United States"),
    ("Benjamin Netanyahu", "Prime Minister", "Israel"),
    ("Hady Amr", "Deputy Assistant Secretary for Israel-Palestinian Affairs", "United States"),
    ("Joe Biden", "President", "United States"),
    ("Mahmoud Abbas", "Chairman", "Palestinian Authority"),
]


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="Rewrite tests/golden/ from the current build instead of comparing.")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture(scope="session")
def seed_article():
    return read_article(SEED)


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads(SEED.with_suffix(".json").read_text(encoding="utf-8"))["gold"]


@pytest.fixture(scope="session")
def seed_store(seed_article):
    return build_in_memory([seed_article])


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def folder_digest(folder: Path) -> str:
    """A digest of every file's name and bytes under ``folder``: equal digests, equal folders."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
