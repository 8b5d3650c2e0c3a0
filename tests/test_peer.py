"""The extractor on an external gold set: PLOVER records coded by the Open Event Data Alliance.

The set lives outside the project (its licence, CC BY-SA 4.0); these tests skip when it is absent.
Its actors are marked text and country codes, not canonical names, so an adapter matches each
side's marked text against what the built graph says: an official whose name the text contains,
or a government the text names (name, demonym or capital) that a participant represents or that
takes part as an unnamed counterpart.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import pytest

from kg.build import build_in_memory
from kg.extract.names import normalise_name
from kg.knowledge import load_knowledge
from kg.model import Article, Meta
from kg.readback import read_extraction
from tests.conftest import PEER

RECORDS = PEER / "plover-gsr-consult.jsonl"
pytestmark = pytest.mark.skipif(not RECORDS.exists(), reason="peer set not present")
#: PLOVER dates are placeholders, so the sentences get a neutral publication date.
PUBLISHED = dt.date(2000, 1, 1)


@dataclass(frozen=True)
class PeerScores:
    contacts_found: int
    contacts: int
    modes_right: int
    modes: int
    planned_right: int
    planned: int
    distractor_contacts: int
    distractors: int


def _records() -> list[dict]:
    return [json.loads(line) for line in RECORDS.read_text(encoding="utf-8").splitlines() if line]


def _governments_named(text: str) -> set[str]:
    knowledge = load_knowledge()
    found = {government for surface, government in knowledge.government_by_surface.items()
             if surface in text}
    return found | {g for capital, g in knowledge.government_by_capital.items() if capital in text}


def _side_matches(actor: str, communication: dict, officials: dict[str, dict]) -> bool:
    actor_key = normalise_name(actor)
    for name in communication["participants"]:
        official = officials.get(name, {})
        if normalise_name(name.split()[-1]) in actor_key:
            return True
        if official.get("government") in _governments_named(actor):
            return True
    return bool(set(communication["counterpart_governments"]) & _governments_named(actor))


def _contacts_matching(expected: dict, extraction: dict) -> list[dict]:
    officials = {o["name"]: o for o in extraction["officials"]}
    return [c for c in extraction["communications"] if c["kind"] == "contact"
            and _side_matches(expected["source_name"], c, officials)
            and _side_matches(expected["target_name"], c, officials)]


@pytest.fixture(scope="module")
def peer_scores() -> PeerScores:
    records = _records()
    articles = [Article(Meta(id=r["id"], published=PUBLISHED), r["text"]) for r in records]
    store = build_in_memory(articles)
    counts = dict.fromkeys(PeerScores.__dataclass_fields__, 0)
    for record in records:
        extraction = read_extraction(store, record["id"])
        relevance = (record.get("review") or {}).get("kg_relevance")
        if record["role"] == "distractor":
            counts["distractors"] += 1
            counts["distractor_contacts"] += any(c["kind"] == "contact"
                                                 for c in extraction["communications"])
            continue
        if relevance not in ("contact", "contact-planned"):
            continue
        for expected in record["expected"]:
            counts["contacts"] += 1
            found = _contacts_matching(expected, extraction)
            counts["contacts_found"] += bool(found)
            hint = expected.get("hint") or {}
            if found and hint.get("mode") and hint["mode"] != "unspecified":
                counts["modes"] += 1
                counts["modes_right"] += any(c["mode"] == hint["mode"] for c in found)
            if found and relevance == "contact-planned":
                counts["planned"] += 1
                counts["planned_right"] += any(c["status"] == "planned" for c in found)
    return PeerScores(**counts)


def test_peer_contacts_are_found(peer_scores):
    # Measured 8 of 22 (README, "Peer set"); a drop below this is a regression. Most misses are
    # contacts between unnamed sides ("Israel and Lebanon renewed negotiations"), which the
    # graph keeps only with a named official, and mediation between third parties.
    assert peer_scores.contacts >= 20
    assert peer_scores.contacts_found / peer_scores.contacts >= 0.3


def test_peer_modes_and_planned_status_agree_where_found(peer_scores):
    assert peer_scores.modes and peer_scores.modes_right / peer_scores.modes >= 0.8
    assert peer_scores.planned and peer_scores.planned_right == peer_scores.planned


def test_peer_distractors_rarely_give_contacts(peer_scores):
    assert peer_scores.distractor_contacts / peer_scores.distractors <= 0.1
