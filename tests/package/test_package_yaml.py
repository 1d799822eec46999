"""Reading one package file: safe composition, line numbers, and refusals with a reason."""

from __future__ import annotations

import os

import pytest

from crisisdesk.package.yamlsource import MAX_FILE_BYTES, MappingNode, line_of, read_yaml


def read(tmp_path, content: bytes | str, name: str = "msel.yaml"):
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return read_yaml(path, name)


def only_problem(result):
    node, problems = result
    assert node is None
    assert len(problems) == 1, problems
    return problems[0]


def test_nodes_keep_their_line_and_the_text_as_written(tmp_path):
    node, problems = read(tmp_path, "# header\na: 1:05\nb: NO\nc: |\n  x\n")
    assert problems == []
    assert isinstance(node, MappingNode)
    values = {key.value: value for key, value in node.value}
    assert values["a"].value == "1:05"  # not YAML 1.1's sexagesimal 65
    assert values["b"].value == "NO"  # not the boolean False
    assert [line_of(values[k]) for k in "abc"] == [2, 3, 4]


def test_missing_file(tmp_path):
    node, problems = read_yaml(tmp_path / "roles.yaml", "pkg/roles.yaml")
    assert node is None
    assert str(problems[0]).startswith("pkg/roles.yaml: file is missing")


@pytest.mark.parametrize("content", ["", "\n\n   \n", "# only a comment\n"])
def test_empty_file(tmp_path, content):
    problem = only_problem(read(tmp_path, content))
    assert "empty" in problem.message


def test_non_utf8_file_names_the_line_of_the_bad_byte(tmp_path):
    problem = only_problem(read(tmp_path, "a: 1\nb: caf\xe9\n".encode("latin-1")))
    assert problem.line == 2
    assert "not UTF-8" in problem.message and "0xE9" in problem.message


def test_utf8_byte_order_mark_is_accepted(tmp_path):
    node, problems = read(tmp_path, b"\xef\xbb\xbfa: \xc3\xa9t\xc3\xa9\n")
    assert problems == []
    assert node.value[0][1].value == "été"


def test_syntax_error_gives_line_and_hint(tmp_path):
    problem = only_problem(read(tmp_path, "- id: I01\n  title: Alerte: rouge\n"))
    assert problem.line == 2
    assert problem.message.startswith("YAML syntax error")
    assert "quoted" in problem.message


def test_unclosed_bracket_is_a_syntax_error_not_a_traceback(tmp_path):
    problem = only_problem(read(tmp_path, "a: [1, 2\nb: 3\n"))
    assert problem.message.startswith("YAML syntax error")
    assert problem.line is not None


def test_two_documents_are_refused(tmp_path):
    problem = only_problem(read(tmp_path, "a: 1\n---\nb: 2\n"))
    assert "single document" in problem.message


def test_control_character_is_refused(tmp_path):
    problem = only_problem(read(tmp_path, "a: 1\nb: x\x00y\n"))
    assert problem.message.startswith("YAML syntax error")
    assert problem.line == 2


def test_python_tags_construct_nothing_and_are_refused(tmp_path):
    marker = tmp_path / "pwned"
    content = (
        "- id: I01\n"
        f"  title: !!python/object/apply:os.system ['touch {marker}']\n"
        "  body: !!python/name:os.system\n"
        "  notes: !custom x\n"
    )
    node, problems = read(tmp_path, content)
    assert node is None
    assert not marker.exists()
    assert [(p.line, p.message.split(":")[0]) for p in sorted(problems, key=lambda p: p.line)] == [
        (2, "tag '!!python/object/apply"),
        (3, "tag '!!python/name"),
        (4, "tag '!custom' is not allowed"),
    ]


def test_exclamation_marks_in_text_are_not_tags(tmp_path):
    node, problems = read(tmp_path, "a: Attention !\nb: 'Vite!'\n")
    assert problems == []


def test_recursive_alias_does_not_hang(tmp_path):
    node, problems = read(tmp_path, "a: &loop [*loop]\n")
    # Refused at once: a list inside itself would send any reader of the data round forever.
    assert node is None
    assert [str(p) for p in problems] == [
        "msel.yaml:1: an alias repeats the list at line 1 inside itself; a package holds plain data, "
        "write the values out"]


def test_huge_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "msel.yaml"
    with path.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)  # sparse: 50 MB of size, nothing to read
    problem = only_problem(read_yaml(path, "msel.yaml"))
    assert "too big" in problem.message and "50.0 MB" in problem.message
    assert MAX_FILE_BYTES < 50 * 1024 * 1024


def test_folder_in_place_of_a_file(tmp_path):
    (tmp_path / "msel.yaml").mkdir()
    problem = only_problem(read_yaml(tmp_path / "msel.yaml", "msel.yaml"))
    assert "not a regular file" in problem.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_named_pipe_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "msel.yaml")
    problem = only_problem(read_yaml(tmp_path / "msel.yaml", "msel.yaml"))
    assert "not a regular file" in problem.message


def test_link_to_a_device_is_refused(tmp_path):
    (tmp_path / "msel.yaml").symlink_to("/dev/zero")
    problem = only_problem(read_yaml(tmp_path / "msel.yaml", "msel.yaml"))
    assert "is a symbolic link" in problem.message
