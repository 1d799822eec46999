"""The console <-> room-server line protocol: a line that is not a JSON object is passed over."""

from __future__ import annotations

import pytest

from crisisdesk.server.wire import read_object


def test_a_json_object_line_is_read():
    assert read_object('{"type": "ready", "port": 8123}\n') == {"type": "ready", "port": 8123}
    assert read_object(b'{"cmd": "stop"}') == {"cmd": "stop"}


@pytest.mark.parametrize("line", [None, "", "\n", "not json", '["a list"]', "42", '"text"', '{"cut": '])
def test_anything_else_is_no_message(line):
    assert read_object(line) is None
