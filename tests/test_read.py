"""Reading .txt, .html and .pdf into the same text the parser handles."""
from __future__ import annotations

import html
from pathlib import Path

import pytest

from ingest.parse import parse_minutes
from ingest.read import UnreadableFile, document_text, read_bytes

from conftest import DATA

SEED_2023 = DATA / "safer-stockton-partnership-2023-07-19.txt"
SEED_2022 = DATA / "safer-stockton-partnership-2022-01-11.txt"
SEED_UNDATED = DATA / "safer-stockton-partnership-undated-op-harmony.txt"


def read(path: Path) -> str:
    return document_text(path, read_bytes(path))


def _items(path: Path) -> list[tuple[str | None, str]]:
    meeting = parse_minutes(read(path), str(path))
    return [(item.number, item.title) for item in meeting.items]


def test_saved_moderngov_page_parses_like_its_text(tmp_path):
    paragraphs = [p.strip() for p in SEED_2023.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    body = "".join(f"<h3>{html.escape(p)}</h3>" if len(p) < 60 else f"<p>{html.escape(p)}</p>" for p in paragraphs)
    page = tmp_path / "minutes.html"
    page.write_text(f"<html><head><title>Minutes</title><script>var x = 'SSP/9/99';</script></head>"
                    f"<body><nav>Home | Meetings</nav>{body}</body></html>", encoding="utf-8")
    assert _items(page) == _items(SEED_2023)


def test_html_table_rows_become_pipe_rows(tmp_path):
    rows = [line for line in SEED_UNDATED.read_text(encoding="utf-8").split(" |\n") if "Minutes:" in line]
    cells = "".join(f"<tr><td>{html.escape(row.strip())}</td></tr>" for row in rows)
    page = tmp_path / "table.html"
    page.write_text(f"<table><tr><th>No.</th><th>Item</th></tr>{cells}</table>", encoding="utf-8")
    items = _items(page)
    assert len(items) == 12
    assert items[4] == (None, "Ropner/Town Centre (Op Harmony) Update")


def test_pdf_text_layer_parses_like_its_text(tmp_path):
    from fpdf import FPDF

    text = SEED_2022.read_text(encoding="utf-8")
    latin = text.translate(str.maketrans({"–": "-", "’": "'", "‘": "'", "“": '"', "”": '"'}))
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for line in latin.split("\n"):
        pdf.multi_cell(0, 5, line or " ", new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "minutes.pdf"
    pdf.output(str(path))
    assert [n for n, _ in _items(path)] == ["1", "2", "3", "4", "5", "7", "9", "10", "11"]


def test_windows_1252_text_is_decoded(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("Members’ concerns – “Hotspot” £1m".encode("cp1252"))
    assert read(path) == "Members’ concerns – “Hotspot” £1m"


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"", "no text found"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("broken.pdf", b"%PDF-1.4 not really", "PDF"),
    ("minutes.docx", b"PK\x03\x04", "unsupported file type"),
])
def test_unreadable_files_raise_a_clear_message(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnreadableFile, match=message) as error:
        read(path)
    assert name in str(error.value)


def test_oversized_files_are_refused_before_reading(tmp_path, monkeypatch):
    import ingest.read

    monkeypatch.setattr(ingest.read, "MAX_BYTES", 1000)
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * 5000)
    with pytest.raises(UnreadableFile, match="larger than"):
        read_bytes(path)


def test_utf16_text_with_a_byte_order_mark_is_decoded(tmp_path):
    path = tmp_path / "notepad.txt"
    path.write_bytes(SEED_2023.read_text(encoding="utf-8").encode("utf-16"))  # Notepad's "Unicode"
    assert read(path) == SEED_2023.read_text(encoding="utf-8")
