"""The knowledge tables are well-formed: a row that CSV or the regex engine reads differently
from what its author meant is caught here, not by a silently dead trigger."""

from __future__ import annotations

import re

import pytest

from kg.knowledge import load_knowledge
from kg.model import Kind, Mode

KNOWLEDGE = load_knowledge()
CONTACT_MODES = {"phone", "meeting", "video", "correspondence", "unspecified"}


@pytest.mark.parametrize("trigger", KNOWLEDGE.triggers, ids=lambda t: t.pattern[:30])
def test_every_trigger_row_is_a_valid_pattern_with_a_kind_mode_and_initiator(trigger):
    re.compile(trigger.pattern)
    assert Kind(trigger.kind)
    assert Mode(trigger.mode)
    assert (trigger.mode in CONTACT_MODES) == (trigger.kind == "contact") or \
        trigger.mode == "unspecified"
    assert trigger.initiator in ("", "subject", "object", "chair")


def test_factuality_effects_and_government_kinds_are_known():
    assert set(KNOWLEDGE.factuality) == {"planned", "negated", "hypothetical"}
    assert {g.kind for g in KNOWLEDGE.governments} == {"state", "authority", "organisation"}
    assert len([g for g in KNOWLEDGE.governments if g.kind == "state"]) >= 193


@pytest.mark.parametrize(("surface", "government"), [
    ("Gambian", "Gambia"), ("Ivorian", "Côte d'Ivoire"), ("Kremlin", "Russia"),
    ("Emirati", "United Arab Emirates"), ("Economic Community of West African States", "ECOWAS"),
])
def test_demonyms_aliases_and_organisations_name_their_government(surface, government):
    assert KNOWLEDGE.government_by_surface[surface] == government


@pytest.mark.parametrize(("cell", "last", "expected"), [
    ("2009", True, "2009-12-31"), ("2016-02", True, "2016-02-29"), ("2016-02", False, "2016-02-01"),
    ("2021-01-20", False, "2021-01-20"), ("", True, None),
])
def test_office_holder_dates_may_give_a_year_or_a_month(cell, last, expected):
    from kg.knowledge import _partial_date

    found = _partial_date(cell, last=last)
    assert (found.isoformat() if found else None) == expected


@pytest.mark.parametrize("cell", ["2016-02-30", "20xx", "2016/02/01"])
def test_office_holder_dates_that_do_not_parse_are_errors_not_open_terms(cell):
    from kg.knowledge import _partial_date

    with pytest.raises(ValueError, match="bad date"):
        _partial_date(cell, last=True)


def test_every_office_holder_has_a_known_government_and_post():
    posts = {p.name for p in KNOWLEDGE.posts}
    for holder in KNOWLEDGE.office_holders:
        for term in holder.terms:
            assert KNOWLEDGE.government(term.government) is not None, (holder.name, term)
            assert term.post in posts, (holder.name, term)
            assert term.end is None or term.start <= term.end, (holder.name, term)


def test_every_honorific_of_one_state_names_a_known_government():
    assert KNOWLEDGE.government_by_honorific["Shri"] == "India"
    assert all(KNOWLEDGE.government(g) is not None
               for g in KNOWLEDGE.government_by_honorific.values())


def test_a_trigger_row_cut_by_an_unquoted_comma_is_named_by_its_line(monkeypatch):
    from kg import knowledge
    from kg.errors import KgError

    rows = [{"trigger": "met", "kind": "contact", "mode": "meeting", "initiator": ""},
            # "(?:\w+ ){1,6}" written without quotes: CSV splits the pattern at its comma
            {"trigger": "raised (?:\\w+ ){1", "kind": "6}?with", "mode": "contact",
             "initiator": "unspecified"}]
    monkeypatch.setattr(knowledge, "_rows", lambda name: rows)
    with pytest.raises(KgError, match=r"communication_triggers\.csv:3: kind '6}\?with'"):
        knowledge._triggers({})
