"""Time the PDF workshop report on big synthetic sessions, and its peak memory.

    python benchmarks/bench_report.py [--runs 3] [--sizes 1000 10000]

For each size N: N concepts, N/2 knowledge items and N links; the whole
report (every section, the map split into an overview and its branches'
pages at >= 7 pt, the session attached). Prints the median time of --runs,
the number of pages (and how many are the map's), the size of the PDF, and
the peak resident memory of the process while it made the reports (of this
size and those before it), before the PDF is read back to count its pages.
Targets: 1,000 concepts <= 3 s, 10,000 concepts <= 20 s, peak <= 500 MB.
"""

from __future__ import annotations

import argparse
import io
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pypdf import PdfReader
from synthetic import make_session

from ckstudio.report.builder import report_pdf


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    options = parser.parse_args()
    for size in options.sizes:
        session = make_session(concepts=size, knowledge=size // 2, links=size, seed=1)
        times = []
        for _ in range(options.runs):
            start = time.perf_counter()
            data, _ = report_pdf(session)
            times.append(time.perf_counter() - start)
        # The peak of the reports, read before pypdf parses one back to count its pages
        # (which takes as much memory again at 10,000 concepts).
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        reader = PdfReader(io.BytesIO(data))
        pages = len(reader.pages)
        wide = sum(1 for page in reader.pages if page.mediabox.width > page.mediabox.height)
        print(f"{size:,} concepts: report {statistics.median(times):.1f} s "
              f"(runs {', '.join(f'{t:.1f}' for t in times)}), {pages} pages ({wide} of map), "
              f"{len(data) / 1e6:.1f} MB, peak memory {peak:.0f} MB")  # fmt: skip
    print("targets: 1,000 concepts <= 3 s, 10,000 concepts <= 20 s, peak <= 500 MB")


if __name__ == "__main__":
    main()
