"""Write a package's files: a whole model (import), or texts (the editor), never half a file.

Two ways in, one way to the disk:

- ``write_package_files(package, folder)`` writes a package model as its three YAML files
  (the spreadsheet import). Deterministic: the same model always gives the same bytes
  (fields in the order of docs/package-format.md, optional fields left out when they hold
  their default), and reading the files back with ``load_package`` gives an equal model.
  Times are written as quoted ``"H:MM"`` (``"H:MM:SS"`` when they have seconds), multi-line
  text as YAML block literals so a person can still edit the files by hand.
- ``write_package_texts(root, texts)`` writes file texts the editor made (it keeps the
  author's comments and layout: see document.py and roundtrip.py).

Every file goes through ``write_text_atomic``: written to a temporary name beside it,
flushed to the disk, then renamed over the old one, so a crash or a full disk in the
middle of a save leaves the old file or the new one, never half of one.
"""

from __future__ import annotations

import os
from dataclasses import fields
from pathlib import Path

import yaml

from crisisdesk.package.model import FORMAT, Exercise, Inject, Package, Role
from crisisdesk.timefmt import DEFAULT_TIMEZONE, format_offset

__all__ = [
    "dump_exercise",
    "dump_msel",
    "dump_roles",
    "write_package_files",
    "write_package_texts",
    "write_text_atomic",
]


class _FlowList(list):
    """A list written on one line: ``[DIR, PP]``."""


class _Time(str):
    """An exercise time, always quoted so YAML 1.1 tools do not read 1:05 as 65."""


# libyaml's emitter when PyYAML has it: 2,000 injects dump in ~0.3 s instead of ~6 s (pure Python).
class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    pass


def _str(dumper, text: str) -> yaml.Node:
    style = "|" if "\n" in text.rstrip("\n") or text.endswith("\n") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(_Time, lambda d, t: d.represent_scalar("tag:yaml.org,2002:str", str(t), style='"'))
_Dumper.add_representer(_FlowList, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True))


def _dump(data: object, header: str) -> str:
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)
    return header + text


def _time(seconds: int) -> _Time:
    return _Time(format_offset(seconds, with_seconds=bool(seconds % 60)))


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def dump_exercise(exercise: Exercise) -> str:
    data: dict[str, object] = {
        "format": FORMAT,
        "id": exercise.id,
        "title": exercise.title,
        "language": exercise.language,
        "summary": exercise.summary,
        "duration": _time(exercise.duration),
        # The report's time zone, issuer and distribution marking: written only when set, as an author would.
        **({"timezone": exercise.timezone} if exercise.timezone and exercise.timezone != DEFAULT_TIMEZONE else {}),
        **({"issuer": exercise.issuer} if exercise.issuer else {}),
        **({"distribution": exercise.distribution} if exercise.distribution else {}),
        "phases": [
            {
                "at": _time(p.at),
                "title": p.title,
                "scenario_time": p.scenario_time.isoformat(timespec="seconds"),
                **({"scale": _number(p.scale)} if p.scale != 1 else {}),
            }
            for p in exercise.phases
        ],
    }
    if exercise.indicators:
        data["indicators"] = [
            {"id": i.id, "label": i.label, **({"unit": i.unit} if i.unit is not None else {}), "initial": i.initial}
            for i in exercise.indicators
        ]
    data["objectives"] = [{"id": o.id, "title": o.title, "criteria": list(o.criteria)} for o in exercise.objectives]
    readiness = readiness_fields(exercise)
    if readiness:
        data["readiness"] = readiness
    return _dump(data, "")


def readiness_fields(exercise: Exercise) -> dict[str, object]:
    """The readiness thresholds that differ from their defaults, as written in exercise.yaml."""
    settings = getattr(exercise, "readiness", None)
    if settings is None:
        return {}
    defaults = type(settings)()
    out: dict[str, object] = {}
    for f in fields(settings):
        value = getattr(settings, f.name)
        if value == getattr(defaults, f.name):
            continue
        if f.name in ("window", "max_dead_time", "max_quiet"):
            out[f.name] = _time(value)
        elif isinstance(value, tuple):
            out[f.name] = list(value)
        else:
            out[f.name] = value
    return out


def _role(role: Role) -> dict[str, object]:
    data: dict[str, object] = {"id": role.id, "name": role.name, "kind": role.kind, "mission": role.mission}
    for key in ("decisions", "resources"):
        values = list(getattr(role, key))
        if values or role.played:  # required (even empty) for roles played at the table
            data[key] = values
    if role.contacts:
        data["contacts"] = list(role.contacts)
    if role.color is not None:
        data["color"] = role.color
    return data


def dump_roles(roles: tuple[Role, ...] | list[Role]) -> str:
    return _dump([_role(r) for r in roles], "")


def _inject(inject: Inject) -> dict[str, object]:
    data: dict[str, object] = {
        "id": inject.id,
        "at": _time(inject.at),
        "title": inject.title,
        "from": inject.sender,
        "to": "all" if inject.to_all else _FlowList(inject.to),
        "channel": inject.channel,
        "body": inject.body,
    }
    if inject.expected:
        data["expected"] = [
            {"role": e.role, "action": e.action, "within": _time(e.within),
             **({"criterion": e.criterion} if getattr(e, "criterion", None) else {})}
            for e in inject.expected
        ]
    if inject.objectives:
        data["objectives"] = _FlowList(inject.objectives)
    if inject.attachments:
        data["attachments"] = _FlowList(inject.attachments)
    if inject.sets:
        data["sets"] = dict(inject.sets)
    if inject.notes:
        data["notes"] = inject.notes
    if inject.manual != (inject.contingency_for is not None):  # write it only when not the default
        data["manual"] = inject.manual
    if inject.contingency_for is not None:
        data["contingency_for"] = inject.contingency_for
    return data


def dump_msel(injects: tuple[Inject, ...] | list[Inject]) -> str:
    return _dump([_inject(i) for i in injects], "")


def write_package_files(package: Package, folder: str | Path) -> None:
    """Write exercise.yaml, roles.yaml and msel.yaml into ``folder`` (which must exist).

    Attachments are not copied: the caller places the files the injects name.
    """
    write_package_texts(Path(folder), {
        "exercise.yaml": dump_exercise(package.exercise),
        "roles.yaml": dump_roles(package.roles),
        "msel.yaml": dump_msel(package.injects),
    })


def write_text_atomic(path: Path, text: str) -> None:
    """Replace the file at ``path`` with ``text`` (UTF-8) so that it is never half-written."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def write_package_texts(root: Path, texts: dict[str, str]) -> None:
    """Write each ``file name: text`` of ``texts`` into the package folder ``root``."""
    for name, text in texts.items():
        write_text_atomic(Path(root) / name, text)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
