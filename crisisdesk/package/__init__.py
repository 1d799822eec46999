"""Exercise packages in the crisisdesk/1 format: typed model, loading and validation."""

from crisisdesk.package.model import (
    CHANNELS,
    ROLE_KINDS,
    Exercise,
    Expected,
    Indicator,
    Inject,
    Objective,
    Package,
    Phase,
    Role,
)

__all__ = [
    "CHANNELS",
    "ROLE_KINDS",
    "Exercise",
    "Expected",
    "Indicator",
    "Inject",
    "Objective",
    "Package",
    "Phase",
    "Role",
]
