"""The one place that knows about qasync: run the Qt/asyncio loop, run work off the UI thread.

Threading rules (keep them):
- Do: run file, PDF and other slow work through ``run_in_worker`` and await it (Qt painting work
  through ``run_in_qt_thread``); touch widgets only after the await, back on the UI thread.
- Don't: call a modal ``exec()`` (dialogs, message boxes, menus) inside a coroutine — the
  nested Qt loop re-enters asyncio tasks (qasync #59). Ask first in a plain slot, then ``spawn``.
- Don't: ``asyncio.sleep``/``call_later`` for long delays — they ride Qt coarse timers that fire
  up to a second early or late. Inject timing uses a precise QTimer (ui/console/driver.py).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import sys
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

# isort: split
# After PySide6 on purpose: qasync binds to the Qt binding already in sys.modules, else to the
# first it can import (PyQt5 first), so importing PySide6 first keeps it on ours (qasync issue #23).
import qasync

T = TypeVar("T")

asyncSlot = qasync.asyncSlot  # re-exported so no other ui module imports qasync

_executor: concurrent.futures.ThreadPoolExecutor | None = None
_error_handler: Callable[[BaseException], None] | None = None


def _worker_pool() -> concurrent.futures.ThreadPoolExecutor:
    global _executor
    if _executor is None:
        _executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=2, thread_name_prefix="crisisdesk-worker"
        )
    return _executor


def set_error_handler(handler: Callable[[BaseException], None] | None) -> None:
    """Route exceptions of background tasks to ``handler`` (the app's error dialog)."""
    global _error_handler
    _error_handler = handler


async def run_in_worker(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run ``fn(*args, **kwargs)`` on a worker thread and return its result."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_worker_pool(), functools.partial(fn, *args, **kwargs))


class _QtJob(QThread):
    """A one-job QThread: Qt painting (QPdfWriter, QTextDocument) needs a thread that has a Qt event
    dispatcher, which plain Python worker threads lack ("QBasicTimer::start: current thread's event
    dispatcher has already been destroyed", printed when role cards were exported)."""

    def __init__(self, call: Callable[[], Any]) -> None:
        super().__init__()
        self._call = call
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._call()
        except BaseException as error:  # handed to the awaiting coroutine, re-raised there
            self.error = error


async def run_in_qt_thread(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run ``fn(*args, **kwargs)`` on a QThread of its own (for Qt painting work); return its result."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[None] = loop.create_future()
    job = _QtJob(functools.partial(fn, *args, **kwargs))
    job.finished.connect(lambda: loop.call_soon_threadsafe(lambda: done.done() or done.set_result(None)))
    _qt_jobs.add(job)  # alive until it has finished
    job.start()
    try:
        await done
    finally:
        job.wait()
        _qt_jobs.discard(job)
    if job.error is not None:
        raise job.error
    return job.result


_qt_jobs: set[QThread] = set()


def _report_task_error(task: asyncio.Task) -> None:
    if task.cancelled():
        return
    error = task.exception()
    if error is None:
        return
    if _error_handler is not None:
        _error_handler(error)
    else:
        sys.excepthook(type(error), error, error.__traceback__)


def spawn(coro: Awaitable[Any]) -> asyncio.Task:
    """Schedule ``coro`` on the running loop; its exception, if any, reaches the error handler."""
    task = asyncio.ensure_future(coro)
    task.add_done_callback(_report_task_error)
    return task


def run_event_loop(app: QApplication, main: Callable[[], Awaitable[int]]) -> int:
    """Run ``main()`` on a qasync loop driven by ``app`` until it returns; return its status."""
    loop = qasync.QEventLoop(app)
    loop.set_exception_handler(_loop_exception_handler)
    asyncio.set_event_loop(loop)
    try:
        return loop.run_until_complete(main())
    finally:
        shutdown_workers()
        asyncio.set_event_loop(None)
        # No asyncio.Runner here: its close() runs the Qt event loop once more (to shut down async
        # generators) after aboutToQuit, when QtWebEngine has already torn itself down, and
        # QApplication.exit() then segfaults (reproduced on quitting after a PDF report).
        # The loop's own close() runs no event loop: call it now, while its Qt objects live; left to
        # the garbage collector it would run after they are deleted ("Signal source has been deleted").
        loop.close()


def _loop_exception_handler(loop: asyncio.AbstractEventLoop, context: dict) -> None:
    error = context.get("exception")
    if error is not None and _error_handler is not None:
        _error_handler(error)
    else:
        loop.default_exception_handler(context)


async def wait_until_quit(app: QApplication) -> int:
    """Return 0 once the application is about to quit (used as the loop's main coroutine)."""
    done: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    def _quit() -> None:
        # aboutToQuit may fire more than once: settle the future only once.
        if not done.done():
            done.set_result(0)

    app.aboutToQuit.connect(_quit)
    return await done


def shutdown_workers() -> None:
    """Stop the worker threads (waiting for running jobs, dropping queued ones)."""
    global _executor
    if _executor is not None:
        _executor.shutdown(wait=True, cancel_futures=True)
        _executor = None


def install_test_loop(app: QApplication) -> asyncio.AbstractEventLoop:
    """Install a qasync loop that counts as running while Qt spins (for pytest-qt tests)."""
    loop = qasync.QEventLoop(app, already_running=True)
    asyncio.set_event_loop(loop)
    return loop


def remove_test_loop(loop: asyncio.AbstractEventLoop) -> None:
    """Undo ``install_test_loop``: cancel leftover tasks and detach the loop."""
    for task in asyncio.all_tasks(loop):
        task.cancel()
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop(None)
