"""Which minutes files an ingest reads: those named, and those found in the folders named.

Nothing is skipped without a word: a folder that cannot be read, a symlink
loop, a link to nothing and a folder named like a minutes file (``x.txt/``)
are reported, so a person can tell "no minutes there" from "could not look".
Hidden files (``.name``) are left out on purpose.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from assistant.errors import MinutesError
from ingest.read import SUFFIXES


class IngestError(MinutesError):
    """The ingest cannot start (e.g. a path that does not exist); nothing was changed."""


@dataclass
class Found:
    """The files to read, sorted, and what the search could not read (`errors`) or chose not to (`warnings`)."""

    files: list[Path] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    roots: list[Path] = field(default_factory=list)  # the paths as named, to show files relative to them


def discover(paths: list[Path]) -> Found:
    """Minutes files named or found (recursively) under `paths`; `IngestError` for a path that does not exist."""
    missing = [str(path) for path in paths if not os.path.lexists(path)]
    if missing:
        raise IngestError(f"no such file or folder: {', '.join(missing)}")
    found = Found(roots=list(paths))
    files: set[Path] = set()
    for path in paths:
        if path.is_dir():
            _walk(path, files, found, ancestors=frozenset())
        elif path.is_file():
            files.add(path.resolve())
        else:
            found.errors.append(f"{path}: {_not_a_file(path)}")
    found.files = sorted(files)
    return found


def _walk(folder: Path, files: set[Path], found: Found, ancestors: frozenset[tuple[int, int]]) -> None:
    """Collect the minutes files under `folder`, following links to folders but never round a loop."""
    try:
        info = folder.stat()
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        found.errors.append(f"{folder}: cannot read folder ({error.strerror}); the minutes in it were not indexed")
        return
    here = (info.st_dev, info.st_ino)
    if here in ancestors:
        found.errors.append(f"{folder}: symlink loop (a link back to a folder that contains it); not followed")
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith("."):
            continue
        minutes_name = path.suffix.lower() in SUFFIXES
        if _is_dir(entry):
            if minutes_name:
                found.warnings.append(f"{path}: a folder, not a minutes file; the minutes inside it are read")
            _walk(path, files, found, ancestors | {here})
        elif _is_file(entry):
            if minutes_name:
                files.add(path.resolve())
        elif minutes_name:
            found.errors.append(f"{path}: {_not_a_file(path)}")


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_file(entry: os.DirEntry) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def _not_a_file(path: Path) -> str:
    """Why `path`, which exists as a name, cannot be read as a file."""
    if path.is_symlink():
        try:
            path.resolve(strict=True)
        except RuntimeError:
            return "symlink loop; skipped"
        except OSError:
            return "a link to nothing (its target is gone); skipped"
    return "not a regular file; skipped"
