"""Pausing the cyclic garbage collector around bulk work restores it exactly as it was."""

from __future__ import annotations

import gc

import pytest

from crisisdesk import collector


def test_paused_holds_the_collector_and_gives_it_back_even_on_error():
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
        with collector.paused():  # nested: the inner block does not switch it back on
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector.paused():
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_paused_leaves_a_disabled_collector_disabled():
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_settle_freezes_what_is_alive_and_unsettle_gives_it_back():
    before = gc.get_freeze_count()
    kept = [{"entry": n} for n in range(1000)]  # noqa: F841  (alive while settled)
    collector.settle()
    try:
        assert gc.get_freeze_count() >= before + 1000
    finally:
        collector.unsettle()
    assert gc.get_freeze_count() == 0
