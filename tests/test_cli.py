"""The command line, end to end with CliRunner: happy paths and every documented error path."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from kg.cli import cli
from tests.conftest import ROOT, SEED, SEED_ID, folder_digest


@pytest.fixture
def project(tmp_path, monkeypatch, runner):
    """A working folder with the seed article, built once into exports/store."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KG_STORE", raising=False)
    result = runner.invoke(cli, ["build"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return tmp_path


def test_cli_build_writes_store_and_exports(project, runner):
    result = runner.invoke(cli, ["build"], catch_exceptions=False)
    first = result.output.splitlines()[0]
    assert re.fullmatch(r"built 1 article\(s\): 5 officials, 5 communications, \d+ triples, "
                        r"0 warning\(s\) \(\d+ triples in the store at exports/store\)", first)
    assert result.output.splitlines()[1:] == ["wrote exports/graph.ttl", "wrote exports/graph.jsonld"]
    jsonld = json.loads((project / "exports" / "graph.jsonld").read_text())
    assert set(jsonld["@context"]) >= {"diplo", "official", "foaf", "prov"}
    assert "owl" not in jsonld["@context"]
    assert "official:antony-blinken" in (project / "exports" / "graph.ttl").read_text()


def test_cli_rebuild_is_idempotent(project, runner):
    before = (project / "exports" / "graph.ttl").read_text()
    runner.invoke(cli, ["build"], catch_exceptions=False)
    from rdflib import Graph
    from rdflib.compare import isomorphic

    after = (project / "exports" / "graph.ttl").read_text()
    assert isomorphic(Graph().parse(data=before, format="turtle"),
                      Graph().parse(data=after, format="turtle"))


def test_cli_query_formats(project, runner):
    result = runner.invoke(cli, ["query", "contacts", "-p", "name=Blinken", "-f", "csv"],
                           catch_exceptions=False)
    assert result.output == (
        "name,official,counterpart,date,mode,status\n"
        "Blinken,Antony Blinken,Benjamin Netanyahu,2021-05-12,unspecified,occurred\n"
        "Blinken,Antony Blinken,Mahmoud Abbas,2021-05-12,unspecified,occurred\n"
    )
    table = runner.invoke(cli, ["query", "officials", "-f", "table"]).output.splitlines()
    assert table[0].split() == ["name", "post", "government", "articles"]
    assert table[-1] == "(5 rows)"
    rows = json.loads(runner.invoke(cli, ["query", "dyads", "-f", "json"]).stdout)
    assert rows[0] == {"government1": "Israel", "government2": "United States", "contacts": 2,
                       "first": "2021-05-12", "last": "2021-05-12"}
    tsv = runner.invoke(cli, ["query", "officials", "-f", "tsv"]).output.splitlines()
    assert tsv[1].split("\t")[:3] == ["Antony Blinken", "Secretary of State", "United States"]


def test_cli_validate_passes_on_the_seed(project, runner):
    result = runner.invoke(cli, ["validate"], catch_exceptions=False)
    assert (result.exit_code, result.output) == (
        0, "conforms: 1 article graph(s) pass ontology/shapes.ttl\n")


def test_cli_extract_json_reads_the_graph_back(project, runner):
    result = runner.invoke(cli, ["extract", str(SEED), "--json"], catch_exceptions=False)
    extraction = json.loads(result.output)
    assert [o["name"] for o in extraction["officials"]] == [
        "Antony Blinken", "Benjamin Netanyahu", "Hady Amr", "Joe Biden", "Mahmoud Abbas"]
    assert len(extraction["communications"]) == 5


def test_cli_eval_seed_is_one_everywhere(project, runner, tmp_path):
    result = runner.invoke(cli, ["eval", "seeds", "--json", "--predictions", str(tmp_path / "p")],
                           catch_exceptions=False)
    scores = json.loads(result.output)
    assert scores["articles"] == 1
    assert scores["officials"]["f1"] == scores["communications"]["f1"] == 1.0
    assert all(scores[f"{k}_accuracy"] == 1.0
               for k in ("date", "mode", "initiator", "position", "government"))
    assert (tmp_path / "p" / f"{SEED_ID}.json").exists()
    human = runner.invoke(cli, ["eval", "seeds"]).output
    assert f"{SEED_ID}: ok" in human and "communications  P 1.000  R 1.000  F1 1.000" in human


def _bad_inputs(folder):
    (folder / "bad").mkdir()
    cases = {}
    (folder / "bad" / "empty.txt").write_text("")
    cases["empty"] = (["build", "bad/empty.txt"], 3, "bad/empty.txt: empty article")
    (folder / "bad" / "bin.txt").write_bytes(b"\x00\x01")
    cases["binary"] = (["build", "bad/bin.txt"], 3, "bad/bin.txt: binary file")
    (folder / "bad" / "latin.txt").write_bytes("caf\xe9".encode("latin-1"))
    cases["encoding"] = (["build", "bad/latin.txt"], 3, "bad/latin.txt:1: not UTF-8")
    (folder / "bad" / "j.txt").write_text("Text.")
    (folder / "bad" / "j.json").write_text('{"meta": {\n"id": }')
    cases["json"] = (["build", "bad/j.txt"], 3, "bad/j.json:2:7: invalid JSON")
    (folder / "bad" / "d.txt").write_text("Text.")
    (folder / "bad" / "d.json").write_text('{"meta": {"published": "13/05/2021"}}')
    cases["date"] = (["build", "bad/d.txt"], 3, "invalid date '13/05/2021'")
    cases["missing"] = (["build", "nowhere"], 3, "nowhere: no such file or folder")
    cases["query-name"] = (["query", "nope"], 4, "unknown query 'nope'")
    cases["query-syntax"] = (["query", "SELECT ?x WHERE {"], 4, "SPARQL syntax error: error at 1:")
    cases["query-param"] = (["query", "contacts"], 4, "needs --param name=VALUE")
    cases["extract-missing"] = (["extract", "nowhere.txt"], 3, "nowhere.txt: cannot read")
    cases["eval-no-gold"] = (["eval", "bad/d.txt"], 3, "invalid date")
    return cases


@pytest.mark.parametrize("case", ["empty", "binary", "encoding", "json", "date", "missing",
                                  "query-name", "query-syntax", "query-param", "extract-missing",
                                  "eval-no-gold"])
def test_cli_bad_input_one_line_error_and_store_unchanged(project, runner, case):
    args, code, message = _bad_inputs(project)[case]
    before = folder_digest(project / "exports")
    result = runner.invoke(cli, args)
    assert result.exit_code == code, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: ") and message in lines[0]
    assert "Traceback" not in result.output
    assert folder_digest(project / "exports") == before


def test_cli_query_without_a_store_says_how_to_make_one(tmp_path, runner, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KG_STORE", raising=False)
    result = runner.invoke(cli, ["query", "officials"])
    assert result.exit_code == 5
    assert result.stderr == "kg: error: exports/store: no store here; run 'kg build' first or pass --store\n"


def test_cli_store_location_from_option_and_environment(project, runner, monkeypatch):
    runner.invoke(cli, ["build", "--store", "elsewhere", "--exports", "out"], catch_exceptions=False)
    assert (project / "elsewhere").is_dir() and (project / "out" / "graph.ttl").exists()
    monkeypatch.setenv("KG_STORE", "elsewhere")
    result = runner.invoke(cli, ["query", "officials", "-f", "csv"], catch_exceptions=False)
    assert result.output.count("\n") == 6


def test_cli_every_command_has_help_and_is_in_the_readme(runner):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in cli.commands.items():
        assert command.help and len(command.help) > 20, name
        assert runner.invoke(cli, [name, "--help"]).exit_code == 0
        assert f"kg {name}" in readme, f"'kg {name}' is not documented in README.md"


def test_cli_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    test_command = next(line.split("#")[0].strip() for line in readme.splitlines()
                        if "pytest" in line and line.startswith("pip install"))
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_cli_metrics_table_for_the_seed(project, runner):
    rows = json.loads(runner.invoke(cli, ["metrics", "-f", "json"], catch_exceptions=False).output)
    assert [(r["name"], r["degree"]) for r in rows] == [
        ("Antony Blinken", 2), ("Benjamin Netanyahu", 1), ("Mahmoud Abbas", 1)]
    government = runner.invoke(cli, ["metrics", "--level", "government", "-f", "csv", "--top", "1"],
                               catch_exceptions=False).output.splitlines()
    assert len(government) == 2 and government[1].split(",")[1] == "United States"
    windowed = json.loads(runner.invoke(cli, ["metrics", "--window", "30d", "-f", "json"]).output)
    assert {r["window_start"] for r in windowed} == {"2021-05-12"}


@pytest.mark.parametrize(("args", "code", "message"), [
    (["metrics", "--window", "soon"], 2,
     "Invalid value for '--window': 'soon': expected a length such as 30d"),
    (["metrics", "--window", "0d"], 2, "Invalid value for '--window': '0d'"),
    (["metrics", "--window", "100000y"], 2, "at most 9000 years"),
    (["metrics", "--window", "99999999999d"], 2, "Invalid value for '--window'"),
    (["metrics", "--since", "2021-06-01", "--until", "2021-05-01"], 2,
     "Invalid value for '--since': 2021-06-01 is after --until 2021-05-01"),
    (["export", "-f", "gexf", "--since", "2021-06-01", "--until", "2021-05-01"], 2,
     "is after --until"),
    (["viz", "--government", "Atlantis"], 4, "no such government"),
])
def test_cli_network_commands_reject_bad_windows(project, runner, args, code, message):
    result = runner.invoke(cli, args)
    assert result.exit_code == code, result.output
    assert message in result.stderr and len(result.stderr.splitlines()) == 1


def test_cli_viz_and_export_write_files(project, runner):
    result = runner.invoke(cli, ["viz", "--png", "exports/c.png"], catch_exceptions=False)
    assert result.output.splitlines()[0] == "wrote exports/contacts.html (3 nodes, 2 ties)"
    assert (project / "exports" / "c.png").read_bytes()[:4] == b"\x89PNG"
    for fmt, name in (("gexf", "contacts-official.gexf"), ("trig", "graph.trig"),
                      ("jsonld", "graph.jsonld")):
        out = runner.invoke(cli, ["export", "-f", fmt], catch_exceptions=False).output
        assert out == f"wrote exports/{name}\n" and (project / "exports" / name).stat().st_size > 100


@pytest.mark.parametrize(("args", "message"), [
    (["export", "-f", "xml"], "Invalid value for '--format'"),
    (["metrics", "--since", "2021-13-01"], "Invalid value for '--since'"),
    (["frobnicate"], "No such command 'frobnicate'"),
    (["query"], "Missing argument 'QUERY'"),
])
def test_cli_usage_errors_are_one_line_with_exit_2(project, runner, args, message):
    before = folder_digest(project / "exports")
    result = runner.invoke(cli, args)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr
    assert folder_digest(project / "exports") == before


def test_cli_huge_article_is_refused_and_nothing_is_written(project, runner, monkeypatch):
    monkeypatch.setenv("KG_MAX_ARTICLE_BYTES", "1000")
    (project / "huge.txt").write_text("Blinken met Abbas. " * 100)
    before = folder_digest(project / "exports")
    result = runner.invoke(cli, ["build", "huge.txt"])
    assert result.exit_code == 3
    assert result.stderr == "kg: error: huge.txt: 1900 bytes is over the limit of 1000 bytes\n"
    assert folder_digest(project / "exports") == before


def test_cli_article_over_the_memory_limit_fails_alone_and_nothing_is_written(project):
    # A fresh process, so that memory freed by other tests cannot hide the article's growth.
    line = "Russian President Vladimir Putin met Chinese President Xi Jinping on Monday.\n"
    (project / "dense.txt").write_text(line * 2000, encoding="utf-8")
    before = folder_digest(project / "exports")
    env = {**os.environ, "KG_MAX_EXTRACT_MB": "5", "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "kg", "build", "dense.txt"], env=env,
                            capture_output=True, text=True, timeout=300, check=False)
    assert (result.returncode, result.stderr.splitlines()[-1]) == (3, (
        "kg: error: dense: extraction stopped after it took 5 MiB of memory; the text is too "
        "long or dense to read in that memory (KG_MAX_EXTRACT_MB raises the limit)"))
    assert folder_digest(project / "exports") == before


def test_cli_build_with_store_writes_exports_beside_it(project, runner):
    before = folder_digest(project / "exports")
    result = runner.invoke(cli, ["build", "--store", "news/store"], catch_exceptions=False)
    assert result.output.splitlines()[1:] == ["wrote news/graph.ttl", "wrote news/graph.jsonld"]
    assert folder_digest(project / "exports") == before
    removed = runner.invoke(cli, ["remove", SEED_ID, "--store", "news/store"],
                            catch_exceptions=False)
    assert removed.output == f"removed: {SEED_ID}\n"
    assert folder_digest(project / "exports") == before
    assert "antony-blinken" not in (project / "news" / "graph.ttl").read_text()


def test_cli_build_refuses_duplicate_ids_and_writes_nothing(project, runner):
    (project / "twice.jsonl").write_text(
        "".join(json.dumps({"id": "x", "text": f"Blinken met Abbas on day {i}.",
                            "meta": {"published": "2021-05-12"}}) + "\n"
                for i in range(2)), encoding="utf-8")
    before = folder_digest(project / "exports")
    result = runner.invoke(cli, ["build", "twice.jsonl"])
    assert (result.exit_code, result.stderr) == (3, (
        "kg: error: twice.jsonl:2: article id 'x' is already used by twice.jsonl:1 "
        "(each article needs its own id)\n"))
    assert folder_digest(project / "exports") == before


def test_cli_remove_unknown_id_is_an_error_on_stderr(project, runner):
    before = folder_digest(project / "exports")
    result = runner.invoke(cli, ["remove", SEED_ID, "nope"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == ("kg: error: exports/store: no article 'nope' in the store "
                             "(nothing removed)\n")
    assert folder_digest(project / "exports") == before


def test_cli_csv_and_tsv_cells_cannot_run_as_formulas(project, runner):
    (project / "aliases.csv").write_text(
        'name,aliases\n"=HYPERLINK(""http://evil/"",""x"")",Antony Blinken\n', encoding="utf-8")
    runner.invoke(cli, ["build", "--aliases", "aliases.csv", "-q"], catch_exceptions=False)
    officials = runner.invoke(cli, ["query", "officials", "-f", "csv"]).stdout.splitlines()
    assert officials[1] == ('"\'=HYPERLINK(""http://evil/"",""x"")",Secretary of State,'
                            'United States,1')
    tsv = runner.invoke(cli, ["query", "officials", "-f", "tsv"]).stdout.splitlines()
    assert tsv[1].split("\t")[0] == '"\'=HYPERLINK(""http://evil/"",""x"")"'
    metrics = runner.invoke(cli, ["metrics", "-f", "csv"]).stdout.splitlines()
    assert metrics[1].split(",")[1] == '"\'=HYPERLINK(""http://evil/""'
    # Numbers stay numbers, negative ones too.
    negative = runner.invoke(cli, ["query", "SELECT (-1.5 AS ?x) WHERE {}", "-f", "csv"]).stdout
    assert negative == "x\n-1.5\n"


def test_cli_query_table_caps_text_and_never_cuts_iris(project, runner):
    text = ("SELECT ?c ?s WHERE { ?c a diplo:Contact ; diplo:hasEvidence/diplo:sentence ?s } "
            "ORDER BY ?c")
    contacts = runner.invoke(cli, ["query", text, "-f", "table"],
                             catch_exceptions=False).stdout.splitlines()
    iris = [row["c"] for row in json.loads(runner.invoke(
        cli, ["query", "SELECT ?c WHERE { ?c a diplo:Contact } ORDER BY ?c", "-f", "json"]).stdout)]
    assert len(iris[0]) > 60
    assert sorted({line.split()[0] for line in contacts[2:-1]}) == iris
    sentences = [line[len(contacts[1].split()[0]) + 2:] for line in contacts[2:-1]]
    assert max(map(len, sentences)) == 60 and all(s.endswith("…") for s in sentences
                                                 if len(s) == 60)


def test_cli_query_limit_offset_and_json_lines(project, runner):
    every = runner.invoke(cli, ["query", "timeline", "-f", "jsonl"]).stdout.splitlines()
    assert len(every) == 5 and all(json.loads(line)["kind"] for line in every)
    page = runner.invoke(cli, ["query", "timeline", "-f", "jsonl", "--limit", "2", "--offset",
                               "1"], catch_exceptions=False).stdout.splitlines()
    assert page == every[1:3]
    assert runner.invoke(cli, ["query", "timeline", "-f", "json", "--limit", "0"]).stdout == "[]\n"


def test_cli_query_dyads_says_which_statuses_it_counts(project, runner):
    result = runner.invoke(cli, ["query", "dyads", "-f", "table"], catch_exceptions=False)
    assert result.stderr == "note: dyads counts contacts of every status, occurred and planned " \
                            "alike\n"
    assert runner.invoke(cli, ["query", "dyads", "-f", "csv"]).stderr == ""


@pytest.mark.parametrize(("text", "message"), [
    ("INSERT DATA { <http://a/b> <http://a/c> <http://a/d> }",
     "updates are not allowed: kg query only reads the store (INSERT is an update)"),
    ("PREFIX a: <http://a/>\nLOAD <http://127.0.0.1:9/data.ttl>",
     "updates are not allowed: kg query only reads the store (LOAD is an update)"),
    ("DELETE WHERE { ?s ?p ?o }",
     "updates are not allowed: kg query only reads the store (DELETE is an update)"),
])
def test_cli_query_refuses_updates(project, runner, text, message):
    before = folder_digest(project / "exports")
    result = runner.invoke(cli, ["query", text])
    assert result.exit_code == 4 and result.stderr == f"kg: error: {message}\n"
    assert folder_digest(project / "exports") == before


def test_cli_query_refuses_service_unless_allowed_and_maps_its_failure(project, runner):
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(20)
    port = listener.getsockname()[1]
    seen = []

    def accept():
        try:
            connection, _ = listener.accept()
            seen.append(connection.recv(4096))
            connection.sendall(b"HTTP/1.1 500 Broken\r\nContent-Length: 0\r\n\r\n")
            connection.close()
        except OSError:
            pass

    text = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
    refused = runner.invoke(cli, ["query", text])
    assert refused.exit_code == 4 and refused.stderr == (
        "kg: error: SERVICE is not allowed: it sends requests to other servers "
        "(--allow-service runs it)\n")
    thread = threading.Thread(target=accept)
    thread.start()
    allowed = runner.invoke(cli, ["query", text, "--allow-service"])
    thread.join()
    listener.close()
    assert seen and seen[0].split(b" ")[1].startswith(b"/sparql")  # the request left
    assert allowed.exit_code == 4 and allowed.stderr.startswith("kg: error: query failed: ")
    assert len(allowed.stderr.splitlines()) == 1


def test_cli_corrupt_store_is_a_store_error(project, runner):
    for table in (project / "exports" / "store").glob("*.sst"):
        table.write_bytes(b"not a table")
    for args in (["query", "officials"], ["validate"], ["metrics"]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 5, (args, result.output)
        assert result.stderr.startswith("kg: error: exports/store: ")
        assert "Corruption" in result.stderr and len(result.stderr.splitlines()) == 1
