"""Reading articles and sidecars, and the errors bad files produce."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.articles import find_article_paths, load_articles, read_article
from kg.errors import ArticleError


def write(folder, name, content):
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_articles_read_text_and_meta(tmp_path):
    write(tmp_path, "a1.txt", "Blinken spoke with Abbas.")
    write(tmp_path, "a1.json", '{"meta": {"id": "a1", "title": "T", "published": "2021-05-13", '
                               '"source": "newspaper", "language": "en"}}')
    article = read_article(tmp_path / "a1.txt")
    assert (article.id, article.meta.title, article.meta.published, article.meta.source) == (
        "a1", "T", dt.date(2021, 5, 13), "newspaper")


def test_articles_without_sidecar_are_accepted_with_a_warning(tmp_path):
    warnings = []
    write(tmp_path, "lonely.txt", "Text.")
    article = read_article(tmp_path / "lonely.txt", warnings.append)
    assert article.id == "lonely" and article.meta.published is None
    assert len(warnings) == 1 and "no sidecar" in warnings[0] and "published" in warnings[0]


def test_articles_folders_are_searched_recursively(tmp_path):
    (tmp_path / "deep" / "er").mkdir(parents=True)
    write(tmp_path / "deep" / "er", "b.txt", "B.")
    write(tmp_path, "a.txt", "A.")
    assert [p.name for p in find_article_paths([tmp_path])] == ["a.txt", "b.txt"]
    assert [a.id for a in load_articles([tmp_path])] == ["a", "b"]


@pytest.mark.parametrize(
    ("name", "content", "sidecar", "message"),
    [
        ("empty.txt", "  \n", None, "empty article"),
        ("binary.txt", b"abc\x00def", None, "binary file (NUL byte at offset 3)"),
        ("latin.txt", b"line one\n" + "café".encode("latin-1"), None, ":2: not UTF-8"),
        ("bad.txt", "Text.", '{"meta": {"id": "bad",\n "title": }', "bad.json:2:11: invalid JSON"),
        ("date.txt", "Text.", '{"meta": {"published": "2021-13-40"}}',
         "meta.published: invalid date '2021-13-40' (expected YYYY-MM-DD)"),
        ("type.txt", "Text.", '{"meta": {"title": 42}}', "meta.title must be a string, not int"),
        ("list.txt", "Text.", "[1, 2]", "expected a JSON object"),
    ],
)
def test_articles_bad_input_names_file_and_problem(tmp_path, name, content, sidecar, message):
    path = write(tmp_path, name, content)
    if sidecar is not None:
        write(tmp_path, name.replace(".txt", ".json"), sidecar)
    with pytest.raises(ArticleError) as caught:
        read_article(path)
    assert message in str(caught.value)
    assert name.split(".")[0] in str(caught.value)
    assert "\n" not in str(caught.value)


def test_articles_missing_path_is_an_error(tmp_path):
    with pytest.raises(ArticleError, match="no such file or folder"):
        find_article_paths([tmp_path / "nowhere"])


def test_articles_over_the_size_limit_are_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_MAX_ARTICLE_BYTES", "10")
    path = write(tmp_path, "big.txt", "x" * 11)
    with pytest.raises(ArticleError, match="11 bytes is over the limit of 10 bytes"):
        read_article(path)


def test_articles_a_publication_date_in_the_future_is_warned_about(tmp_path):
    import datetime as dt
    import json as json_

    from kg.articles import read_article

    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    (tmp_path / "a.txt").write_text("Blinken met Wang Yi.", encoding="utf-8")
    (tmp_path / "a.json").write_text(json_.dumps({"meta": {"id": "a", "published": future}}),
                                     encoding="utf-8")
    warnings = []
    read_article(tmp_path / "a.txt", warnings.append)
    assert warnings == [f"{tmp_path / 'a.json'}: meta.published {future} is in the future"]
