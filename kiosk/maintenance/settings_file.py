"""The settings an administrator may change at the kiosk, found in the typed configuration itself.

A field is offered when its ``Field`` carries ``json_schema_extra={"staff_editable": True}``; the
screen shows its description, unit (in its name) and current value. A change is validated by the
same model as at start-up, written into the TOML file by editing only that key's line (comments and
everything else stay as the court wrote them), read back, and only then applied to the running kiosk.
"""

from __future__ import annotations

import os
import re
import tempfile
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from kiosk.config import Settings

EDITABLE_MARK = "staff_editable"


class SettingRefused(ValueError):
    """A value could not be saved; ``message_key`` says why on the screen."""

    def __init__(self, message_key: str) -> None:
        super().__init__(message_key)
        self.message_key = message_key


@dataclass(frozen=True)
class SettingRow:
    """One editable setting: ``path`` is its dotted name in the TOML file (``timeouts.idle_timeout_s``)."""

    path: str
    description: str
    value: str


def editable_paths(model: type[BaseModel] = Settings, prefix: str = "") -> Iterator[str]:
    """Dotted paths of every field marked staff-editable, in declaration order."""
    for name, info in model.model_fields.items():
        annotation = info.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            yield from editable_paths(annotation, f"{prefix}{name}.")
        elif isinstance(info.json_schema_extra, dict) and info.json_schema_extra.get(EDITABLE_MARK):
            yield f"{prefix}{name}"


def setting_rows(settings: Settings) -> tuple[SettingRow, ...]:
    """The editable settings with their current values."""
    rows = []
    for path in editable_paths():
        section, name = _section(settings, path)
        info = type(section).model_fields[name]
        rows.append(SettingRow(path, info.description or "", _show(getattr(section, name))))
    return tuple(rows)


def current_value(settings: Settings, path: str) -> str:
    """The value of ``path`` as the edit field starts with it."""
    section, name = _section(settings, path)
    return _show(getattr(section, name))


def save_setting(settings: Settings, path: str, text: str) -> None:
    """Validate ``text`` for ``path``, write it into the configuration file, then apply it.

    Raises :class:`SettingRefused` when the value is out of range or the file cannot take the edit.
    """
    if path not in set(editable_paths()):
        raise SettingRefused("maintenance.settings.not_editable")
    section, name = _section(settings, path)
    try:
        checked = type(section).model_validate({**section.model_dump(), name: text.strip()})
    except ValidationError:
        raise SettingRefused("maintenance.settings.out_of_range") from None
    value = getattr(checked, name)
    file = settings.config_file
    table, _, key = path.rpartition(".")
    try:
        original = file.read_text(encoding="utf-8") if file.exists() else ""
        edited = set_toml_value(original, table, key, _literal(value))
        _write_atomically(file, edited)
    except (OSError, ValueError):
        raise SettingRefused("maintenance.settings.file_refused") from None
    setattr(section, name, value)


def set_toml_value(text: str, table: str, key: str, literal: str) -> str:
    """``text`` with ``key`` in ``[table]`` set to ``literal``: that one line replaced or added.

    Raises ``ValueError`` when the result does not read back as intended (the key written another
    way, as a dotted key or in an inline table): such a file is better edited by hand.
    """
    lines = text.splitlines()
    header = re.compile(rf"^\s*\[\s*{re.escape(table)}\s*\]\s*(#.*)?$")
    start = next((i for i, line in enumerate(lines) if header.match(line)), None)
    if start is None:
        lines += ["", f"[{table}]", f"{key} = {literal}"]
    else:
        end = next((i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("[")), len(lines))
        assignment = re.compile(rf"^\s*{re.escape(key)}\s*=")
        found = next((i for i in range(start + 1, end) if assignment.match(lines[i])), None)
        if found is not None:
            lines[found] = f"{key} = {literal}"
        else:
            last = max((i for i in range(start, end) if lines[i].strip()), default=start)
            lines.insert(last + 1, f"{key} = {literal}")
    edited = "\n".join(lines).lstrip("\n") + "\n"
    parsed: Any = tomllib.loads(edited)
    for part in (*table.split("."), key):
        parsed = parsed[part]
    if _literal(parsed) != literal:
        raise ValueError(f"{table}.{key} did not read back as {literal}")
    return edited


def _section(settings: Settings, path: str) -> tuple[BaseModel, str]:
    *parts, name = path.split(".")
    section: BaseModel = settings
    for part in parts:
        section = getattr(section, part)
    return section, name


def _show(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _literal(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(float(value)) if isinstance(value, float) else str(value)
    raise ValueError(f"only numbers are editable here, not {type(value).__name__}")


def _write_atomically(file: Path, text: str) -> None:
    """Write beside the file and rename over it, so a power cut leaves the old or the new file whole."""
    file.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=".kiosk-", suffix=".toml", dir=file.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if file.exists():
            os.chmod(temp, file.stat().st_mode & 0o777)
        os.replace(temp, file)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
