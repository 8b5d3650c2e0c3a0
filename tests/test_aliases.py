"""One node per person across articles: identity keys, alias tables and owl:sameAs links."""

from __future__ import annotations

import json

import pytest

from kg.aliases import AliasTableError, identity_key, load_aliases
from kg.build import build
from kg.cli import cli
from kg.store import GraphStore
from tests.conftest import folder_digest


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Sergei Lavrov", "Sergey Lavrov", True),
    ("Volodymyr Zelenskyy", "Volodymyr Zelensky", True),
    ("Volodymyr Zelenskiy", "Volodymyr Zelensky", True),
    ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan", True),
    ("Antony J. Blinken", "Antony Blinken", True),
    ("Mohammed bin Salman", "Salman bin Abdulaziz", False),
    ("Narendra Modi", "Narendra Mody", False),
    ("King Abdullah II", "Abdullah II", True),
    ("King Salman", "Salman bin Hamad Al Khalifa", False),
])
def test_identity_key_folds_spelling_not_people(a, b, same):
    assert (identity_key(a) == identity_key(b)) is same


def article(article_id: str, text: str) -> dict:
    return {"id": article_id, "text": text, "meta": {"published": "2022-03-11"}}


def write_corpus(path, *records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def officials(store: GraphStore) -> dict[str, set[str]]:
    rows = store.select("SELECT ?o ?name WHERE { ?o a diplo:Official ; foaf:name ?name }")
    found: dict[str, set[str]] = {}
    for row in rows:
        found.setdefault(str(row["o"]), set()).add(row["name"])
    return found


def test_build_merges_transliterations_across_articles_and_keeps_namesakes_apart(tmp_path):
    corpus = write_corpus(
        tmp_path / "c.jsonl",
        article("a", "Russian Foreign Minister Sergei Lavrov met Turkish Foreign Minister "
                     "Mevlüt Çavuşoğlu on Thursday."),
        article("b", "Russian Foreign Minister Sergey Lavrov met Indian Foreign Minister "
                     "Subrahmanyam Jaishankar on Friday."),
        article("c", "Saudi Crown Prince Mohammed bin Salman received King Salman bin Abdulaziz "
                     "on Friday."),
    )
    build([corpus], tmp_path / "store", None)
    names = officials(GraphStore.open(tmp_path / "store"))
    lavrov = [spellings for spellings in names.values() if "Sergey Lavrov" in spellings]
    assert lavrov == [{"Sergei Lavrov", "Sergey Lavrov"}]
    salmans = [s for s in names.values() if any("Salman" in n for n in s)]
    assert len(salmans) == 2


def test_alias_table_names_links_and_fixes_officials(tmp_path):
    table = tmp_path / "aliases.csv"
    table.write_text("name,aliases,wikidata,government,post\n"
                     "Vladimir Putin,Putin|Vladimir Vladimirovich Putin,Q7747,Russia,"
                     "President\n", encoding="utf-8")
    corpus = write_corpus(
        tmp_path / "c.jsonl",
        article("a", "Vladimir Vladimirovich Putin met Turkish President Recep Tayyip Erdoğan "
                     "on Thursday. Putin said the talks were useful."))
    build([corpus], tmp_path / "store", None, aliases=load_aliases(table))
    store = GraphStore.open(tmp_path / "store")
    rows = store.select(
        "SELECT ?name ?same ?government WHERE { ?o foaf:name ?name ; owl:sameAs ?same ; "
        "diplo:represents/skos:prefLabel ?government }")
    assert [(r["name"], str(r["same"]), r["government"]) for r in rows] == [
        ("Vladimir Putin", "http://www.wikidata.org/entity/Q7747", "Russia")]
    contacts = store.select(
        "SELECT ?name WHERE { ?c a diplo:Contact ; diplo:hasParticipant/foaf:name ?name }")
    assert {r["name"] for r in contacts} == {"Vladimir Putin", "Recep Tayyip Erdoğan"}


@pytest.mark.parametrize(("content", "message"), [
    ("who,aliases\nX,Y\n", "aliases.csv:1: an alias table needs a 'name' column"),
    ("name,aliases\nSergey Lavrov,Lavrov\n,Blinken\n", "aliases.csv:3: the row has no name"),
    ("name,wikidata\nSergey Lavrov,lavrov\n", "aliases.csv:2: 'lavrov' is not a Wikidata ID"),
])
def test_bad_alias_table_is_a_one_line_error_naming_file_and_line(tmp_path, content, message):
    table = tmp_path / "aliases.csv"
    table.write_text(content, encoding="utf-8")
    with pytest.raises(AliasTableError, match=message):
        load_aliases(table)


def test_cli_bad_alias_table_changes_nothing(tmp_path, runner, monkeypatch):
    monkeypatch.chdir(tmp_path)
    corpus = write_corpus(tmp_path / "c.jsonl", article("a", "Russian Foreign Minister Sergey "
                                                             "Lavrov met Turkish Foreign Minister "
                                                             "Mevlüt Çavuşoğlu on Thursday."))
    assert runner.invoke(cli, ["build", str(corpus), "-q"]).exit_code == 0
    before = folder_digest(tmp_path / "exports")
    (tmp_path / "aliases.csv").write_text("name\n\n,\n", encoding="utf-8")
    result = runner.invoke(cli, ["build", str(corpus), "--aliases", "aliases.csv"])
    assert result.exit_code == 3
    assert result.output.strip().startswith("kg: error: aliases.csv:")
    assert len(result.output.strip().splitlines()) == 1
    assert folder_digest(tmp_path / "exports") == before
    missing = runner.invoke(cli, ["eval", str(corpus), "--aliases", "nope.csv"])
    assert missing.exit_code == 3 and "nope.csv" in missing.output


def _load(tmp_path, content: str, encoding: str = "utf-8"):
    table = tmp_path / "aliases.csv"
    table.write_text(content, encoding=encoding)
    warnings: list[str] = []
    return load_aliases(table, warn=warnings.append), [w.replace(str(table), "T") for w in warnings]


def test_alias_table_accepts_excels_byte_order_mark(tmp_path):
    table, warnings = _load(tmp_path, "name,aliases,government\nVladimir Putin,Putin,Russia\n",
                            encoding="utf-8-sig")
    assert (table.person("Putin").name, warnings) == ("Vladimir Putin", [])


def test_alias_table_warns_on_likely_mistakes(tmp_path):
    table, warnings = _load(tmp_path, (
        "name,aliases,wikidata,government,post\n"
        "Vladimir Putin,Putin,Q7747,Russia,President\n"          # 2: fine
        "Joe Biden,Biden,,USA\n"                                 # 3: 4 cells; USA is known
        "Joko Widodo,Jokowi,,Indonesia,President,extra\n"        # 4: 6 cells
        "Mohammed bin Salman,MBS,,Narnia,\n"                     # 5: unknown government
        "Vladimir V. Putin,Putin,,Russia,\n"                     # 6: a name of line 2's
        'Sergey Lavrov,"Lavrov|Sergei Lavrov,,Russia,\n'         # 7: quote left open
        "Antony Blinken,Blinken,,United States,\n"))            # 8: swallowed by line 7
    assert warnings == [
        "T:3: 4 cell(s) where the header has 5",
        "T:4: 6 cell(s) where the header has 5 (the extra ones are ignored)",
        ("T:5: government 'Narnia' is not one kg knows (kg/knowledge/governments.csv); it is "
         "used as written"),
        ("T:6: 'Vladimir V. Putin' is also a name of 'Vladimir Putin' (line 2); it stays "
         "'Vladimir Putin''s"),
        "T:6: 'Putin' is also a name of 'Vladimir Putin' (line 2); it stays 'Vladimir Putin''s",
        "T:7: a quote opened on this line runs to line 8; those lines were read as one cell",
    ]
    assert table.person("Biden").government == "United States"
    assert table.person("Putin").name == "Vladimir Putin"


def test_cli_alias_warnings_go_to_stderr_and_the_build_goes_on(tmp_path, runner, monkeypatch):
    monkeypatch.chdir(tmp_path)
    corpus = write_corpus(tmp_path / "c.jsonl", article("a", "Russian Foreign Minister Sergey "
                                                             "Lavrov met Turkish Foreign Minister "
                                                             "Mevlüt Çavuşoğlu on Thursday."))
    (tmp_path / "aliases.csv").write_text("name,government\nSergey Lavrov,Narnia\n",
                                          encoding="utf-8")
    result = runner.invoke(cli, ["build", str(corpus), "--aliases", "aliases.csv"])
    assert result.exit_code == 0
    assert result.stderr == ("kg: warning: aliases.csv:2: government 'Narnia' is not one kg knows "
                             "(kg/knowledge/governments.csv); it is used as written\n")
