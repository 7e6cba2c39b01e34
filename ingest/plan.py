"""What an ingest does with each file, decided before anything is written.

Every file found is hashed first, so each decision rests on what the folders
hold now rather than on the order files happen to be read in:

- a file indexed under its own path with the same content and shape is unchanged;
- of several files with the same content one is indexed (the one the index
  already holds it under, else the first by path); the others are duplicates;
- a meeting whose file is gone while its content is present under another
  path has moved: its record follows the new path, with vectors from the
  embedding cache, so neither a rename nor ``--prune`` after one loses it.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from assistant.store import MeetingRecord
from ingest.read import UnreadableFile


def content_of(file_hash: str) -> str:
    """The part of a file hash that depends on the bytes alone (see `ingest.pipeline`)."""
    return file_hash.split(":")[0]


@dataclass
class Plan:
    hashes: dict[str, str] = field(default_factory=dict)  # source → file hash, for each readable file found
    holder: dict[str, str] = field(default_factory=dict)  # content → the one source it is indexed under
    moved: dict[str, list[MeetingRecord]] = field(default_factory=dict)  # source → records that move to it

    def duplicate_of(self, source: str) -> str | None:
        """The other source that holds this file's content in the index, if any."""
        holder = self.holder[content_of(self.hashes[source])]
        return None if holder == source else holder

    def present(self, record: MeetingRecord) -> bool:
        """Whether the record's content is in one of the files found (so it must never be pruned)."""
        return content_of(record.file_hash) in self.holder and self.holder[content_of(record.file_hash)] in self.hashes


def make_plan(files: Iterable[Path], records: list[MeetingRecord], hash_file: Callable[[Path], str],
              errors: list[str]) -> Plan:
    """Hash `files` (unreadable ones go to `errors`) and decide holders and moves against `records`."""
    plan = Plan()
    for path in files:
        try:
            plan.hashes[str(path)] = hash_file(path)
        except UnreadableFile as error:
            errors.append(str(error))
    contents = {source: content_of(file_hash) for source, file_hash in plan.hashes.items()}
    ordered = sorted(records, key=lambda r: r.source)
    for record in ordered:  # a file found that the index already holds keeps its meeting
        if contents.get(record.source) == content_of(record.file_hash):
            plan.holder.setdefault(content_of(record.file_hash), record.source)
    for record in ordered:  # then a file elsewhere that the index holds (assumed unchanged: it is not read)
        if record.source not in contents and Path(record.source).exists():
            plan.holder.setdefault(content_of(record.file_hash), record.source)
    for source in sorted(contents):
        plan.holder.setdefault(contents[source], source)
    for record in ordered:
        target = plan.holder.get(content_of(record.file_hash))
        if target in contents and target != record.source and _gone(record, contents):
            plan.moved.setdefault(target, []).append(record)
    return plan


def _gone(record: MeetingRecord, contents: dict[str, str]) -> bool:
    return record.source not in contents and not Path(record.source).exists()
