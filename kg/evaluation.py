"""Score extractions against gold annotations, following the rules in SCHEMA.md.

The predictions are read back from the built RDF graph (:mod:`kg.readback`), never taken from the
extractor's Python objects, so the score measures what the graph says.

>>> match_names("Antony J. Blinken", "antony blinken")
True
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.aliases import AliasTable
from kg.articles import find_article_paths, read_article, read_sidecar
from kg.build import build_in_memory
from kg.errors import ArticleError
from kg.iris import article_segment
from kg.model import Article
from kg.readback import read_extraction


def name_key(name: str) -> str:
    """A name for comparison: case-folded, accents, dots and middle initials removed.

    >>> name_key("Recep Tayyip Erdoğan") == name_key("recep tayyip erdogan")
    True
    >>> name_key("Antony J. Blinken")
    'antony blinken'
    """
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    plain = plain.casefold().replace("ı", "i")
    words = re.sub(r"[.]", " ", plain).split()
    if len(words) > 2:
        words = [words[0]] + [w for w in words[1:-1] if len(w) > 1] + [words[-1]]
    return " ".join(words)


def match_names(a: str, b: str) -> bool:
    """Whether two surface names are the same name under the scoring rules."""
    return name_key(a) == name_key(b)


def loose_match(predicted: str | None, gold: str | None) -> bool:
    """Case-folded containment either way (positions and governments)."""
    if not predicted or not gold:
        return False
    p, g = name_key(predicted), name_key(gold)
    return p in g or g in p


@dataclass
class Counts:
    """True positives, false positives and false negatives, with the derived scores."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def scores(self) -> dict[str, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.correct += ok
        self.total += 1

    def merge(self, other: Accuracy) -> None:
        self.correct += other.correct
        self.total += other.total

    def value(self) -> float | None:
        return round(self.correct / self.total, 4) if self.total else None


@dataclass
class ArticleScore:
    """The comparison of one article's predictions with its gold annotation."""

    article_id: str
    officials: Counts = field(default_factory=Counts)
    communications: dict[str, Counts] = field(
        default_factory=lambda: {"contact": Counts(), "statement": Counts()})
    accuracy: dict[str, Accuracy] = field(default_factory=lambda: {
        k: Accuracy() for k in ("date", "mode", "initiator", "position", "government")})
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)


@dataclass
class Report:
    """Scores over a set of annotated articles (micro-averaged)."""

    articles: list[ArticleScore]

    def to_dict(self) -> dict:
        officials, contacts, statements = Counts(), Counts(), Counts()
        accuracy = {k: Accuracy() for k in ("date", "mode", "initiator", "position", "government")}
        for score in self.articles:
            officials.add(score.officials)
            contacts.add(score.communications["contact"])
            statements.add(score.communications["statement"])
            for key, value in score.accuracy.items():
                accuracy[key].merge(value)
        communications = Counts()
        communications.add(contacts)
        communications.add(statements)
        return {
            "articles": len(self.articles),
            "officials": officials.scores(),
            "communications": {
                **communications.scores(),
                "by_kind": {"contact": contacts.scores(), "statement": statements.scores()},
            },
            **{f"{key}_accuracy": value.value() for key, value in accuracy.items()},
        }


def read_gold(path: Path) -> dict:
    """The ``gold`` object of an article's sidecar.

    Raises:
        ArticleError: no sidecar, or no gold annotation in it.
    """
    sidecar = path.with_suffix(".json")
    if not sidecar.exists():
        raise ArticleError(f"{path}: no sidecar {sidecar.name} with a gold annotation")
    gold = read_sidecar(sidecar).get("gold")
    if not isinstance(gold, dict):
        raise ArticleError(f"{sidecar}: no 'gold' annotation")
    return gold


def evaluate(sources: Sequence[str | Path], predictions: Path | None = None,
             aliases: AliasTable | None = None) -> Report:
    """Build each annotated article, read its graph back and score it against its gold.

    ``predictions``, when given, is a folder that receives each article's read-back extraction
    as ``ID.json``; ``aliases`` is a user's alias table (:mod:`kg.aliases`).
    """
    paths = find_article_paths(sources)
    annotated: list[tuple[Article, dict]] = [(read_article(p), read_gold(p)) for p in paths]
    store = build_in_memory([article for article, _ in annotated], aliases)
    scores = []
    for article, gold in annotated:
        predicted = read_extraction(store, article.id)
        if predictions is not None:
            write_prediction(predictions, article.id, predicted)
        scores.append(score_article(article.id, predicted, gold))
    return Report(scores)


def write_prediction(folder: Path, article_id: str, predicted: dict) -> Path:
    """Write one read-back extraction as ``folder/ID.json`` (the id made safe as a file name)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{article_segment(article_id)}.json"
    path.write_text(json.dumps(predicted, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def score_article(article_id: str, predicted: dict, gold: dict) -> ArticleScore:
    """Compare one article's predicted extraction with its gold annotation (SCHEMA.md rules)."""
    score = ArticleScore(article_id)
    canonical = _official_matcher(gold.get("officials", []))
    _score_officials(score, predicted.get("officials", []), gold.get("officials", []), canonical)
    _score_communications(score, predicted.get("communications", []),
                          gold.get("communications", []), canonical)
    return score


def _official_matcher(gold_officials: list[dict]):
    """Map a surface name to the gold official's canonical name (aliases count as the name)."""
    keys: dict[str, str] = {}
    for official in gold_officials:
        for surface in [official["name"], *official.get("aliases", [])]:
            keys.setdefault(name_key(surface), official["name"])

    def canonical(name: str) -> str:
        return keys.get(name_key(name), name)

    return canonical


def _score_officials(score, predicted, gold, canonical) -> None:
    gold_by_name = {o["name"]: o for o in gold}
    seen: set[str] = set()
    for official in predicted:
        name = canonical(official["name"])
        if name in gold_by_name and name not in seen:
            seen.add(name)
            score.officials.tp += 1
            truth = gold_by_name[name]
            for key, field_name in (("position", "position"), ("government", "government")):
                if truth.get(field_name):
                    ok = loose_match(official.get(field_name), truth[field_name])
                    score.accuracy[key].add(ok)
                    if not ok:
                        score.wrong.append(f"{key} of {name}: {official.get(field_name)!r}, "
                                           f"gold {truth[field_name]!r}")
        else:
            score.officials.fp += 1
            score.spurious.append(f"official {official['name']}")
    for name in gold_by_name:
        if name not in seen:
            score.officials.fn += 1
            score.missed.append(f"official {name}")


def _signature(communication: dict, canonical) -> tuple:
    return (communication["kind"], communication["status"],
            frozenset(canonical(p) for p in communication.get("participants", [])))


def _describe(communication: dict) -> str:
    who = ", ".join(communication.get("participants", [])) or "-"
    return (f"{communication['kind']}/{communication['mode']} {communication['status']} "
            f"[{who}] {communication.get('date')} «{communication.get('evidence')}»")


def _score_communications(score, predicted, gold, canonical) -> None:
    scored_gold = [c for c in gold if c.get("participants")]
    scored_predicted = [c for c in predicted if c.get("participants")]
    unmatched = list(range(len(scored_gold)))
    # Among several matches, those with equal dates pair first: a first pass pairs equal dates
    # only, so that an undated prediction cannot take the gold a dated one matches exactly.
    pairs: dict[int, int] = {}
    for equal_dates in (True, False):
        for index, communication in enumerate(scored_predicted):
            if index in pairs:
                continue
            signature = _signature(communication, canonical)
            candidates = [i for i in unmatched if _signature(scored_gold[i], canonical) == signature
                          and (not equal_dates
                               or scored_gold[i].get("date") == communication.get("date"))]
            if candidates:
                pairs[index] = candidates[0]
                unmatched.remove(candidates[0])
    for index, communication in enumerate(scored_predicted):
        kind = communication["kind"]
        if index not in pairs:
            score.communications[kind].fp += 1
            score.spurious.append(_describe(communication))
            continue
        truth = scored_gold[pairs[index]]
        score.communications[kind].tp += 1
        if truth.get("date"):
            ok = truth["date"] == communication.get("date")
            score.accuracy["date"].add(ok)
            if not ok:
                score.wrong.append(f"date {communication.get('date')}, gold {truth['date']}: "
                                   f"{_describe(truth)}")
        if truth.get("mode") and truth["mode"] != "unspecified":
            ok = truth["mode"] == communication.get("mode")
            score.accuracy["mode"].add(ok)
            if not ok:
                score.wrong.append(f"mode {communication.get('mode')}, gold {truth['mode']}: "
                                   f"{_describe(truth)}")
        if truth.get("initiator"):
            predicted_initiator = communication.get("initiator")
            ok = bool(predicted_initiator) and canonical(predicted_initiator) == truth["initiator"]
            score.accuracy["initiator"].add(ok)
            if not ok:
                score.wrong.append(f"initiator {predicted_initiator}, gold {truth['initiator']}: "
                                   f"{_describe(truth)}")
    for index in unmatched:
        score.communications[scored_gold[index]["kind"]].fn += 1
        score.missed.append(_describe(scored_gold[index]))
