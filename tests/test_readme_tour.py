"""The README's tour is the real output of its commands on the seed, not typed figures.

The test runs every ``$ kg ...`` command of the tour's console block in a fresh folder holding a
copy of ``seeds/`` and compares the whole block with what the commands print (stdout and stderr,
as a terminal shows them; ``kg query`` and ``kg metrics`` in their terminal format, a table).
After a change that moves a figure, check the difference and rewrite the block with
``KG_UPDATE_README=1 pytest tests/test_readme_tour.py``.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil

from click.testing import CliRunner

from kg.cli import cli
from tests.conftest import ROOT

README = ROOT / "README.md"
TOUR = re.compile(r"(## A tour\n\n```console\n)(.*?)(```\n)", re.DOTALL)


def tour_commands(block: str) -> list[str]:
    """The commands of a console block (lines starting with ``$ ``)."""
    return [line[2:] for line in block.splitlines() if line.startswith("$ ")]


def render_tour(commands: list[str], folder) -> str:
    """Run ``commands`` in ``folder`` (which holds ``seeds/``) and write them as a console block."""
    runner = CliRunner()
    parts = []
    here = os.getcwd()
    os.chdir(folder)
    try:
        for command in commands:
            args = shlex.split(command)
            assert args[0] == "kg", command
            args = args[1:]
            if args[0] in ("query", "metrics") and not {"-f", "--format"} & set(args):
                args += ["--format", "table"]  # what a terminal shows
            result = runner.invoke(cli, args, catch_exceptions=False, env={"KG_STORE": None})
            assert result.exit_code == 0, (command, result.output)
            parts.append(f"$ {command}\n{result.output.rstrip()}\n")
    finally:
        os.chdir(here)
    return "\n".join(parts)


def test_readme_tour_is_the_real_output(tmp_path):
    readme = README.read_text(encoding="utf-8")
    match = TOUR.search(readme)
    assert match, "README.md has no '## A tour' console block"
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    commands = tour_commands(match.group(2))
    assert commands[0] == "kg build" and len(commands) >= 4
    rendered = render_tour(commands, tmp_path)
    if os.environ.get("KG_UPDATE_README"):
        README.write_text(readme[:match.start(2)] + rendered + readme[match.end(2):],
                          encoding="utf-8")
        return
    assert match.group(2) == rendered
