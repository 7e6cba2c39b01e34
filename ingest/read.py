"""Files → plain text, for every format the parser reads.

HTML and PDF are flattened to the same line-oriented text the parser expects
from a .txt file; table rows become ``cell | cell |`` lines, the shape the
pipe-table layout rule recognises, and a PDF's pages are separated by a form
feed so the parser knows each line's page.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import MinutesError
from ingest.pages import PAGE_BREAK

SUFFIXES = (".txt", ".text", ".html", ".htm", ".pdf")
MAX_BYTES = 20 * 1024 * 1024
# UTF-32 first: its little-endian mark begins with UTF-16's.
_BYTE_ORDER_MARKS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
]
_BLOCKS = ["p", "div", "li", "ul", "ol", "table", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "blockquote", "pre"]


class UnreadableFile(MinutesError):
    """A file that cannot be turned into minutes text; the message says why, for a person."""


def read_bytes(path: Path) -> bytes:
    """The raw content of a supported minutes file, or `UnreadableFile` saying why not."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise UnreadableFile(f"{path}: unsupported file type '{suffix}' (expected one of {', '.join(SUFFIXES)})")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UnreadableFile(
                f"{path}: {size / 2**20:.0f} MB is larger than the {MAX_BYTES // 2**20} MB limit for one minutes file"
            )
        return path.read_bytes()
    except OSError as error:
        raise UnreadableFile(f"{path}: cannot read file ({error.strerror})") from error


@dataclass(frozen=True)
class Document:
    """A minutes file's text, and the address it was published at when the file says so."""

    text: str
    url: str | None = None


def read_document(path: Path, data: bytes) -> Document:
    """The text of a minutes file's content (and a saved page's own link), or `UnreadableFile` saying why not."""
    suffix = path.suffix.lower()
    url = None
    if suffix == ".pdf":
        text = _pdf_text(path, data)
    else:
        text = _decode(path, data)
        if suffix in (".html", ".htm"):
            text, url = html_text(text), canonical_url(text)
    if not text.strip():
        raise UnreadableFile(f"{path}: no text found (empty file, or a scanned PDF without a text layer)")
    return Document(text, url)


def document_text(path: Path, data: bytes) -> str:
    """The text of a minutes file's content, or `UnreadableFile` saying why there is none."""
    return read_document(path, data).text


def _decode(path: Path, data: bytes) -> str:
    """UTF-16 or UTF-32 by their byte-order mark, else UTF-8, else Windows-1252 (what UK council minutes
    use when not UTF-8), else charset-normalizer's guess.

    A byte-order mark is checked first because UTF-16 text (as Windows
    Notepad saves "Unicode") is full of zero bytes, which otherwise mark a
    binary file. Windows-1252 is tried before any detector because detectors
    misread short English texts as Cyrillic or Greek codepages; it fails on
    bytes it does not define, and only then is the detector asked.
    """
    for bom, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as error:
                raise UnreadableFile(f"{path}: starts like {encoding} text but is not ({error.reason})") from error
    if b"\x00" in data[:8192]:
        raise UnreadableFile(f"{path}: looks like a binary file, not text")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise UnreadableFile(f"{path}: not text in any encoding that could be detected")
    return str(best)


def html_text(markup: str) -> str:
    """Visible text of a saved minutes page: one line per block, table rows as pipe rows."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "head", "nav", "footer"]):
        tag.decompose()
    for row in soup.find_all("tr"):
        cells = [cell.get_text(" ", strip=True) for cell in row.find_all(["td", "th"])]
        row.replace_with(soup.new_string("\n" + " | ".join(cells) + " |\n"))
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for block in soup.find_all(_BLOCKS):
        block.insert_before("\n\n")
        block.insert_after("\n\n")
    return soup.get_text()


def canonical_url(markup: str) -> str | None:
    """Where a saved page was published: its canonical link, its ``og:url``, or the browser's "saved from" note."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    link = soup.find("link", rel="canonical", href=True)
    if link:
        return str(link["href"]).strip()
    meta = soup.find("meta", attrs={"property": "og:url", "content": True})
    if meta:
        return str(meta["content"]).strip()
    saved = re.search(r"<!-- saved from url=\(\d+\)(\S+?) ?-->", markup)
    return saved.group(1) if saved else None


def _pdf_text(path: Path, data: bytes) -> str:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        return PAGE_BREAK.join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError, KeyError) as error:
        raise UnreadableFile(f"{path}: not a readable PDF ({error})") from error
