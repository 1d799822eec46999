"""docs/msel-import.md lists every recognised header, channel word and time form."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crisisdesk.msel.channels import WORDS
from crisisdesk.msel.columns import HEADERS
from crisisdesk.msel.times import parse_when

DOC = (Path(__file__).resolve().parents[2] / "docs" / "msel-import.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("meaning", sorted(HEADERS))
def test_every_header_is_documented(meaning):
    row = next(line for line in DOC.splitlines() if line.startswith(f"| `{meaning}` |"))
    for header in HEADERS[meaning]:
        assert f" {header}," in row or f" {header} |" in row, header


def test_every_channel_word_is_documented():
    for word, channel in WORDS.items():
        row = next(line for line in DOC.splitlines() if line.startswith(f"| `{channel}` |"))
        assert f" {word}," in row or f" {word} |" in row, word


def test_every_time_example_of_the_table_parses():
    table = DOC.split("## Times", 1)[1].split("**Bare times**", 1)[0]
    examples = [found for line in table.splitlines() if line.startswith("| `")
                for found in re.findall(r"`([^`]+)`", line.split("|")[1])]
    assert len(examples) > 25
    for example in examples:
        parse_when(example)
