"""crisisdesk core: exercise packages, clock, scheduler, session store and report.

This package never imports Qt, qasync or ``ui``: everything here runs and is tested
without a display, and the command line uses it directly.
"""

__version__ = "0.1.0"
