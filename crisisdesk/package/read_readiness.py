"""Read exercise.yaml's optional ``readiness:`` thresholds for ``crisisdesk check``."""

from __future__ import annotations

from crisisdesk.package.cross_refs import Known
from crisisdesk.package.fields import Record, hm, is_null
from crisisdesk.package.model import ReadinessSettings


def read_readiness(exercise: Record, known: Known) -> ReadinessSettings | None:
    """Read the thresholds; absent fields keep their defaults. Briefings are checked with msel.yaml."""
    node = exercise.values.get("readiness")
    if node is None or is_null(node):
        return ReadinessSettings()
    rec = Record(
        exercise.report, node, "readiness", required=(),
        optional=(
            "window", "max_responses_due", "max_injects_received", "max_dead_time", "max_quiet",
            "min_injects_per_objective", "briefings",
        ),
    )
    if not rec.ok:
        return None
    defaults = ReadinessSettings()
    values: dict[str, object] = {}
    ok = True
    for key in ("window", "max_dead_time", "max_quiet"):
        if key in rec.values:
            seconds = rec.duration(key)
            if key == "window" and seconds is not None and seconds < 60:
                # The check counts every window of the exercise: one-second windows over a
                # 999-hour exercise took 53 s (3.6 million windows); one minute is the finest useful.
                rec.error(key, f"{hm(seconds)} is shorter than a minute; give \"0:01\" or more")
                seconds = None
            ok = ok and seconds is not None
            values[key] = seconds
    for key in ("max_responses_due", "max_injects_received", "min_injects_per_objective"):
        if key in rec.values:
            number = rec.whole_number(key, default=getattr(defaults, key))
            ok = ok and number is not None
            values[key] = number
    if "briefings" in rec.values:
        items = rec.text_items("briefings")
        if items is None:
            ok = False
        else:
            values["briefings"] = tuple(text.strip() for text, _ in items)
            # Checked against msel.yaml once its inject ids are known.
            known.briefing_items = [(rec, text.strip(), item) for text, item in items]
    if not ok:
        return None
    return ReadinessSettings(**{**defaults.__dict__, **values})
