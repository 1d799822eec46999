"""An indicator value typed by the controller keeps the kind its package value has."""

from __future__ import annotations

import pytest

from crisisdesk.session import SessionError


def test_indicator_values_typed_by_hand_keep_their_kind():
    from crisisdesk.session.arguments import indicator_value

    assert indicator_value("48", 42) == 48 and isinstance(indicator_value("48", 42), int)
    assert indicator_value(" 47,6 ", 42) == 47.6
    assert indicator_value("12 000", 300) == 12000
    assert indicator_value("rouge", "orange") == "rouge"
    for bad in ("", "   ", "beaucoup", "nan", "inf"):
        with pytest.raises(SessionError):
            indicator_value(bad, 42)
