"""A child for ui.background_job.ChildProcess that misbehaves on demand (run by the job tests).

    python -m tests.helpers.job_child killed|error|silent|ok
"""

from __future__ import annotations

import os
import signal
import sys

from ui.child_protocol import run_in_child


def main(how: str) -> int:
    if how == "killed":  # dies mid-job, as when the system kills it: no last line
        print("step 0", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    if how == "silent":  # exits 0 without saying "done"
        print("step 0", flush=True)
        return 0

    def work(say):
        say("step 0")
        if how == "error":
            raise OSError("disque plein\nsur /tmp")
        if how == "bug":
            raise KeyError("oops")

    return run_in_child(work)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
