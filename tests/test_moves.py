"""Renamed and moved files: the meeting follows its file, and `--prune` never drops content that is still there."""
from __future__ import annotations

import shutil
from pathlib import Path

from assistant import Assistant
from assistant.settings import Settings

from conftest import DATA

JAN, JUL = "safer-stockton-partnership-2022-01-11.txt", "safer-stockton-partnership-2023-07-19.txt"


def _bot(tmp_path: Path, embedder) -> Assistant:
    return Assistant(Settings.load(index_dir=tmp_path / "index"), embedder=embedder)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "minutes"
    folder.mkdir()
    for name in (JAN, JUL):
        shutil.copy(DATA / name, folder / name)
    return folder


def _sources(bot: Assistant) -> dict[str, str]:
    return {record.id: Path(record.source).name for record in bot.meetings()}


def test_a_renamed_file_moves_its_meeting_without_embedding_again(tmp_path, embedder):
    folder, bot = _folder(tmp_path), _bot(tmp_path, embedder)
    first = bot.ingest([folder], progress=False)
    (folder / JAN).rename(folder / "january.txt")
    moved = bot.ingest([folder], progress=False)
    assert moved.moved == 1 and moved.embedded == 0 and moved.unchanged == 1
    assert _sources(bot) == {"january": "january.txt", "safer-stockton-partnership-2023-07-19": JUL}
    assert moved.chunks == first.chunks == bot.store.chunk_count()
    hit = bot.search("knife arches draft community safety plan", meeting="january")[0]
    assert Path(hit.source).name == "january.txt"  # the passages follow the file too


def test_rename_then_prune_keeps_every_meeting(tmp_path, embedder):
    folder, bot = _folder(tmp_path), _bot(tmp_path, embedder)
    bot.ingest([folder], progress=False)
    (folder / JAN).rename(folder / "january.txt")
    pruned = bot.ingest([folder], prune=True, progress=False)
    assert pruned.meetings == 2 and pruned.moved == 1 and not pruned.errors
    assert sorted(_sources(bot).values()) == sorted(["january.txt", JUL])


def test_a_file_moved_to_another_folder_under_the_same_name_follows_it(tmp_path, embedder):
    folder, bot = _folder(tmp_path), _bot(tmp_path, embedder)
    first = bot.ingest([folder], progress=False)
    (folder / "2022").mkdir()
    (folder / JAN).rename(folder / "2022" / JAN)
    moved = bot.ingest([folder], prune=True, progress=False)
    record = next(r for r in bot.meetings() if r.date and r.date.year == 2022)
    assert moved.moved == 1 and moved.embedded == 0 and moved.meetings == 2
    assert Path(record.source).parent.name == "2022" and record.id.startswith("safer-stockton-partnership-2022-01-11")
    assert bot.store.chunk_count() == first.chunks  # the old passages went once the new ones were in


def test_prune_still_removes_a_deleted_file(tmp_path, embedder):
    folder, bot = _folder(tmp_path), _bot(tmp_path, embedder)
    bot.ingest([folder], progress=False)
    (folder / JAN).unlink()
    assert bot.ingest([folder], prune=True, progress=False).meetings == 1


def test_a_copy_whose_original_stays_is_a_duplicate_not_a_move(tmp_path, embedder):
    folder, bot = _folder(tmp_path), _bot(tmp_path, embedder)
    bot.ingest([folder], progress=False)
    shutil.copy(folder / JAN, folder / "copy.txt")
    again = bot.ingest([folder], prune=True, progress=False)
    assert again.moved == 0 and any("copy.txt: same content as" in w for w in again.warnings)
    assert sorted(_sources(bot).values()) == sorted([JAN, JUL])


def test_swapped_contents_are_both_indexed(tmp_path, embedder):
    """Each file's content is what it holds now, whatever order the files are read in."""
    folder, bot = _folder(tmp_path), _bot(tmp_path, embedder)
    bot.ingest([folder], progress=False)
    jan, jul = (folder / JAN).read_bytes(), (folder / JUL).read_bytes()
    (folder / JAN).write_bytes(jul)
    (folder / JUL).write_bytes(jan)
    swapped = bot.ingest([folder], progress=False)
    assert swapped.embedded == 0 and not [w for w in swapped.warnings if "same content" in w]
    dates = {Path(r.source).name: r.date.isoformat() for r in bot.meetings()}
    assert dates == {JAN: "2023-07-19", JUL: "2022-01-11"}
