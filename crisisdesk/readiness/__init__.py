"""The readiness check: does a valid package hold for the whole exercise?

``check_package(package)`` returns a :class:`ReadinessReport` of structured findings
(overload, dead time, windows crossing a boundary, coverage, pace) with the load tables;
``render`` turns it into text, JSON or HTML. No Qt here.
"""

from crisisdesk.readiness.check import check_package
from crisisdesk.readiness.findings import (
    ALERT,
    KINDS,
    NOTE,
    Finding,
    LoadTable,
    Pace,
    ReadinessReport,
    RoleLoad,
)

__all__ = [
    "ALERT",
    "KINDS",
    "NOTE",
    "Finding",
    "LoadTable",
    "Pace",
    "ReadinessReport",
    "RoleLoad",
    "check_package",
]
