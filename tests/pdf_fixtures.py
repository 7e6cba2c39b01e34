"""PDF minutes as councils publish them, built with fpdf2 from the specs in tests/fixtures/pdf/.

Each spec gives the running header lines and footer printed on every page
("Page 3 of 7" with the council's name), the body text, and a two-column
signature block. A small page size makes items run over page breaks.

``python tests/pdf_fixtures.py OUT_DIR`` writes every PDF fixture to OUT_DIR.
"""
from __future__ import annotations

import datetime as dt
import sys
import tomllib
from pathlib import Path

SPECS = Path(__file__).resolve().parent / "fixtures" / "pdf"
_LINE = 5


def build_pdf(spec_path: Path, out_dir: Path) -> Path:
    """Write the PDF described by `spec_path` into `out_dir`; returns its path."""
    from fpdf import FPDF

    spec = tomllib.loads(spec_path.read_text(encoding="utf-8"))

    class Minutes(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", size=8)
            for line in spec["header"]:
                self.cell(0, 4, line, new_x="LMARGIN", new_y="NEXT", align="C")
            self.ln(4)

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("Helvetica", size=8)
            self.cell(0, 4, spec["footer"].format(page=self.page_no(), pages="{nb}"), align="C")

    pdf = Minutes(format=(148, 210))  # A5
    pdf.set_creation_date(dt.datetime(2024, 1, 1, tzinfo=dt.UTC))  # same spec, same bytes
    pdf.set_auto_page_break(True, margin=16)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for line in spec["body"].strip("\n").split("\n"):
        pdf.multi_cell(0, _LINE, line or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(_LINE * 2)
    half = (pdf.w - pdf.l_margin - pdf.r_margin) / 2
    for left, right in spec["signature"]:
        pdf.cell(half, _LINE, left)
        pdf.cell(half, _LINE, right, new_x="LMARGIN", new_y="NEXT")
    path = out_dir / spec["file"]
    pdf.output(str(path))
    return path


def build_all(out_dir: Path) -> list[Path]:
    """Every PDF fixture, written to `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    return [build_pdf(spec, out_dir) for spec in sorted(SPECS.glob("*.toml"))]


if __name__ == "__main__":
    for written in build_all(Path(sys.argv[1])):
        print(written)
