"""Make the report pictures of docs/report.md from the examples, with poppler's pdftoppm.

    .venv/bin/python scripts/report_images.py

For each example: its report's first page (the cover) as
docs/images/report-<example>.png, and the first page of its map section
(the whole map, or the overview of a split map) as
docs/images/report-<example>-map.png. The date printed is fixed, so that the
pictures change only when the report does.
"""

from __future__ import annotations

import datetime
import io
import subprocess
import tempfile
from pathlib import Path

from pypdf import PdfReader

from ckstudio.report.builder import Report
from ckstudio.storage import load_session

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "images"
MADE = datetime.date(2026, 1, 15)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for path in sorted((ROOT / "examples").glob("*.ck.json")):
        name = path.name.removesuffix(".ck.json")
        data = Report(load_session(path), made=MADE).pdf()
        reader = PdfReader(io.BytesIO(data))
        map_page = next(i for i, page in enumerate(reader.pages, 1)
                        if page.mediabox.width > page.mediabox.height)  # fmt: skip
        with tempfile.TemporaryDirectory() as scratch:
            pdf = Path(scratch) / "report.pdf"
            pdf.write_bytes(data)
            for page, suffix in ((1, ""), (map_page, "-map")):
                target = OUT / f"report-{name}{suffix}"
                subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", "-f", str(page),
                                "-l", str(page), str(pdf), str(target)], check=True)  # fmt: skip
                print(f"{target}.png")


if __name__ == "__main__":
    main()
