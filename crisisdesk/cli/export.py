"""``crisisdesk export FILE.crisisdesk --format csv|json [-o OUT]``: the main courante and the event log.

JSON: one document (to OUT, or to standard output) with the courante (every
revision), the expectation checks, ratings, improvements, findings, the injects and
the full event log. CSV: a folder (OUT, default ``<FILE>-export`` beside the
session) with ``main-courante.csv`` and ``events.csv``, separated by semicolons and
encoded UTF-8 with a byte-order mark so French spreadsheet software opens them as is.
The session is opened read-only: an archived copy can be exported.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from crisisdesk.cli import UsageError
from crisisdesk.cli.words import _
from crisisdesk.csvcells import csv_writer, safe_cell
from crisisdesk.printable import printable_json
from crisisdesk.timefmt import format_offset

ENTRY_COLUMNS = ("entry_id", "revision", "supersedes", "superseded_by", "current", "real_time", "elapsed",
                 "scenario_time", "stage", "observer", "role", "kind", "inject_id", "tags", "text")
EVENT_COLUMNS = ("seq", "event_id", "kind", "real_time", "elapsed", "scenario_time", "actor", "payload", "damage")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", metavar="FILE.crisisdesk", help=_("the session file"))
    parser.add_argument("--format", required=True, choices=("csv", "json"), help=_("output format"))
    parser.add_argument("-o", "--output", metavar="OUT",
                        help=_("json: the file to write (default: standard output); "
                               "csv: the folder to write into (default: <FILE>-export beside the session)"))


def run(args: argparse.Namespace) -> int:
    from crisisdesk.cli.session_argument import check_session_argument
    from crisisdesk.session import Session, SessionError

    path = check_session_argument(args.session)
    try:
        with Session.open(path, read_only=True) as session:
            events = session.events_since(0)
            data = export_data(session, events)
    except SessionError as exc:
        raise UsageError(str(exc)) from None
    try:
        if args.format == "json":
            text = printable_json(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"
            if not args.output or args.output == "-":
                sys.stdout.write(text)
                return 0
            out = Path(args.output)
            out.write_text(text, encoding="utf-8")
            print(_("{out}: {entries} entries, {events} events", out=out, entries=len(data["main_courante"]),
                    events=len(data["events"])), file=sys.stderr)
            return 0
        folder = Path(args.output) if args.output else path.with_name(path.stem + "-export")
        folder.mkdir(parents=True, exist_ok=True)
        _write_csv(folder / "main-courante.csv", ENTRY_COLUMNS, data["main_courante"])
        _write_csv(folder / "events.csv", EVENT_COLUMNS, data["events"])
    except OSError as exc:
        why = _("{why}: {path}", why=exc.strerror or exc, path=exc.filename) if exc.filename else str(exc.strerror or exc)
        raise UsageError(_("cannot write the export: {why}", why=why)) from None
    print(_("{folder}: main-courante.csv ({entries} entries), events.csv ({events} events)", folder=folder,
            entries=len(data["main_courante"]), events=len(data["events"])))
    return 0


def export_data(session, events) -> dict[str, Any]:
    """Return everything exported, as JSON-ready values (times as local ISO dates and H:MM:SS)."""
    state = session.state
    superseded_by = {e.supersedes: e.entry_id for e in state.entry_history if e.supersedes}
    current = {e.entry_id for e in state.entries}
    entries = []
    for e in state.entry_history:
        entries.append({
            "entry_id": e.entry_id, "revision": e.revision, "supersedes": e.supersedes,
            "superseded_by": superseded_by.get(e.entry_id), "current": e.entry_id in current,
            "real_time": _when(e.real_time), "elapsed": _offset(e.elapsed), "scenario_time": _iso(e.scenario_time),
            "stage": e.stage, "observer": e.observer, "role": e.role, "kind": e.kind, "inject_id": e.inject_id,
            "tags": " ".join(e.tags), "text": e.text,
        })
    ex = session.package.exercise
    return {
        "session": {"file": str(session.path), "exported_at": datetime.now().astimezone().isoformat(timespec="seconds"),
                    **{k: v for k, v in session.meta().items() if k != "heartbeat"}},
        "exercise": {"id": ex.id, "title": ex.title},
        "clock": {"state": state.clock_state.value, "started_at": _when(state.started_at),
                  "ended_at": _when(state.ended_at), "elapsed": _offset(state.elapsed)},
        "main_courante": entries,
        "expectation_checks": [_record(c) for c in state.check_history],
        "ratings": [_record(r) for r in state.rating_history],
        "improvements": [_record(i) for i in state.improvements],
        "findings": [_record(f) for f in state.findings],
        "injects": [{
            "id": s.id, "title": s.inject.title, "status": s.status.value, "planned_at": _offset(s.planned_at),
            "due_at": _offset(s.due_at), "fired_at": _when(s.fired_at), "fired_elapsed": _offset(s.fired_elapsed),
            "fired_scenario": _iso(s.fired_scenario), "delayed": s.delayed, "adhoc": s.adhoc, "edited": s.edited,
        } for s in state.injects],
        "downtime": [{"from": _when(a), "to": _when(b)} for a, b in state.downtime],
        "events": [{
            "seq": ev.seq, "event_id": ev.event_id, "kind": ev.kind,
            "real_time": None if ev.damage else _when(ev.real_time),
            "elapsed": _offset(ev.elapsed), "scenario_time": _iso(ev.scenario_time), "actor": ev.actor,
            "payload": ev.payload,
            **({"damage": ev.damage} if ev.damage else {}),  # a damaged row: what could not be read
        } for ev in events],
        "anomalies": list(state.anomalies),
    }


def _record(obj) -> dict[str, Any]:
    data = asdict(obj)
    for key, value in data.items():
        if key in ("real_time",):
            data[key] = _when(value)
        elif key in ("elapsed", "delay_since_fire"):
            data[key] = _offset(value)
    return data


def _write_csv(path: Path, columns: tuple[str, ...], rows: list[dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv_writer(handle, delimiter=";")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([safe_cell(_cell(row.get(c))) for c in columns])  # no formula runs in a spreadsheet


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _when(epoch: float | None) -> str | None:
    return None if epoch is None else datetime.fromtimestamp(epoch).astimezone().isoformat(timespec="seconds")


def _offset(seconds: float | None) -> str | None:
    return None if seconds is None else format_offset(seconds)


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(timespec="seconds")
