"""Scoring rules of SCHEMA.md on hand-built predictions."""

from __future__ import annotations

import json

from kg.evaluation import evaluate, name_key, score_article

GOLD = {
    "officials": [
        {"name": "Antony Blinken", "aliases": ["Blinken"], "position": "Secretary of State",
         "government": "United States"},
        {"name": "Mahmoud Abbas", "aliases": [], "position": "Chairman of the Palestinian Authority",
         "government": "Palestinian Authority"},
    ],
    "communications": [
        {"kind": "contact", "mode": "phone", "participants": ["Antony Blinken", "Mahmoud Abbas"],
         "counterpart_governments": [], "initiator": "Antony Blinken", "date": "2021-05-12",
         "status": "occurred", "evidence": "x"},
        {"kind": "contact", "mode": "meeting", "participants": ["Antony Blinken", "Mahmoud Abbas"],
         "counterpart_governments": [], "initiator": None, "date": "2021-05-20",
         "status": "occurred", "evidence": "y"},
        {"kind": "statement", "mode": "press_statement", "participants": [],
         "counterpart_governments": [], "initiator": None, "date": None, "status": "occurred",
         "evidence": "unscored"},
    ],
}


def contact(date, mode="unspecified", initiator=None, participants=("Blinken", "Mahmoud Abbas")):
    return {"kind": "contact", "mode": mode, "participants": list(participants),
            "counterpart_governments": [], "initiator": initiator, "date": date,
            "status": "occurred"}


def test_evaluation_name_key_drops_case_accents_dots_and_middle_initials():
    assert name_key("Antony J. Blinken") == name_key("ANTONY BLINKEN")
    assert name_key("Mevlüt Çavuşoğlu") == "mevlut cavusoglu"


def test_evaluation_perfect_prediction_scores_one():
    score = score_article("a", {"officials": GOLD["officials"],
                                "communications": GOLD["communications"]}, GOLD)
    assert (score.officials.tp, score.officials.fp, score.officials.fn) == (2, 0, 0)
    assert score.communications["contact"].tp == 2
    assert score.communications["statement"].tp == 0  # no named participant: not scored
    assert (score.missed, score.spurious, score.wrong) == ([], [], [])


def test_evaluation_aliases_count_and_duplicates_are_false_positives():
    predicted = {"officials": [
        {"name": "Blinken", "position": "Secretary", "government": "US"},
        {"name": "Antony Blinken", "position": None, "government": None},
        {"name": "Hady Amr", "position": None, "government": None},
    ], "communications": []}
    score = score_article("a", predicted, GOLD)
    assert (score.officials.tp, score.officials.fp, score.officials.fn) == (1, 2, 1)
    # "Secretary" is contained in "Secretary of State"; "US" is not "United States".
    assert (score.accuracy["position"].correct, score.accuracy["position"].total) == (1, 1)
    assert (score.accuracy["government"].correct, score.accuracy["government"].total) == (0, 1)


def test_evaluation_matching_is_one_to_one_and_equal_dates_pair_first():
    predicted = {"officials": [], "communications": [
        contact("2021-05-20", mode="meeting"),
        contact("2021-05-12", mode="phone", initiator="Antony Blinken"),
        contact("2021-05-12"),
    ]}
    score = score_article("a", predicted, GOLD)
    counts = score.communications["contact"]
    assert (counts.tp, counts.fp, counts.fn) == (2, 1, 0)
    assert score.accuracy["date"].value() == 1.0
    assert score.accuracy["mode"].value() == 1.0
    assert score.accuracy["initiator"].value() == 1.0


def test_evaluation_reads_the_graph_and_writes_predictions(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a1.txt").write_text(
        "Russian President Vladimir Putin phoned French President Emmanuel Macron on Thursday.",
        encoding="utf-8")
    gold = {"officials": [
        {"name": "Vladimir Putin", "aliases": [], "position": "President", "government": "Russia"},
        {"name": "Emmanuel Macron", "aliases": [], "position": "President", "government": "France"},
    ], "communications": [
        {"kind": "contact", "mode": "phone", "participants": ["Vladimir Putin", "Emmanuel Macron"],
         "counterpart_governments": [], "initiator": "Vladimir Putin", "date": "2022-03-10",
         "status": "occurred", "evidence": "phoned"}]}
    (folder / "a1.json").write_text(json.dumps({"meta": {"id": "a1", "published": "2022-03-11"},
                                                "gold": gold}))
    report = evaluate([folder], predictions=tmp_path / "predictions")
    totals = report.to_dict()
    assert totals["officials"]["f1"] == 1.0 and totals["communications"]["f1"] == 1.0
    assert totals["date_accuracy"] == totals["initiator_accuracy"] == 1.0
    written = json.loads((tmp_path / "predictions" / "a1.json").read_text())
    assert [c["participants"] for c in written["communications"]] == [["Emmanuel Macron", "Vladimir Putin"]]


def test_evaluation_equal_dates_pair_first_whatever_the_order_of_predictions():
    # An undated prediction listed first must not take the gold that a dated one matches exactly.
    predicted = {"officials": GOLD["officials"],
                 "communications": [contact(None), contact("2021-05-20"), contact("2021-05-12")]}
    score = score_article("a", predicted, GOLD)
    assert score.communications["contact"].tp == 2
    assert score.communications["contact"].fp == 1
    assert (score.accuracy["date"].correct, score.accuracy["date"].total) == (2, 2)
