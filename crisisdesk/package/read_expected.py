"""Read an inject's ``expected`` responses: who should do what, within which delay, for which criterion."""

from __future__ import annotations

from typing import Literal

from crisisdesk.package.cross_refs import Known
from crisisdesk.package.fields import Record, Records, did_you_mean, hm, is_null, show
from crisisdesk.package.model import Expected


def read_expected(
    rec: Record, known: Known, at: int | None, to: tuple[str, ...] | None
) -> tuple[Expected, ...] | None:
    items = rec.sequence("expected", required=False)
    if items is None:
        return None
    if not items:
        return ()  # most injects expect nothing: no list to walk
    expected: list[Expected] = []
    items_read = Records(rec.report, items, f"{rec.subject} expected response ",
                         required=("role", "action", "within"), optional=("criterion",))
    for _, sub in items_read:
        role = sub.text("role", one_line=True)
        if role is not None:
            role = role.strip()
            if known.roles is not None and role not in known.role_lines:
                sub.error("role", f"no role {show(role)} in roles.yaml{did_you_mean(role, known.role_lines)}")
                role = None
            elif known.roles is not None and role in known.roles and not known.roles[role].played:
                sub.warning("role", f"{role} is a simulated role: nobody at the table can respond")
            elif to is not None and role not in to:
                sub.warning("role", f"{role} does not receive this inject (to: {', '.join(to) or 'nobody'})")
        action = sub.text("action")
        within = sub.duration("within")
        if (
            within is not None and at is not None and known.duration is not None
            and at + within > known.duration
        ):
            sub.warning("within", f"the response is due after the end of the exercise ({hm(at + within)})")
        criterion = _read_criterion(sub, known)
        if role is None or action is None or within is None or criterion is False:
            items_read.broken()
            continue
        expected.append(Expected(role=role, action=action.strip(), within=within, criterion=criterion or None))
    return tuple(expected) if items_read.complete else None


def _read_criterion(sub: Record, known: Known) -> str | Literal[False] | None:
    """Read an expected response's optional ``criterion: O2.3``; False when it is wrong.

    The objective id is everything before the last dot (ids may hold dots), the
    criterion a 1-based number in that objective's ``criteria`` list.
    """
    value = sub.text("criterion", required=False, one_line=True)
    if value is None:
        return False if "criterion" in sub.values and not is_null(sub.values["criterion"]) else None
    value = value.strip()
    ident, dot, number = value.rpartition(".")
    if not dot or not ident or not number.isdigit() or int(number) < 1:
        sub.error("criterion", f"{show(value)} is not an objective id and a criterion number, like O2.3")
        return False
    if known.criteria_counts is None:
        return value  # exercise.yaml could not be read: nothing to check against
    if ident not in known.criteria_counts:
        sub.error("criterion", f"no objective {show(ident)} in exercise.yaml"
                  f"{did_you_mean(ident, known.criteria_counts)}")
        return False
    count = known.criteria_counts[ident]
    if int(number) > count:
        sub.error("criterion", f"objective {ident} has {count} criteri{'on' if count == 1 else 'a'}, "
                  f"not {int(number)}")
        return False
    return f"{ident}.{int(number)}"
