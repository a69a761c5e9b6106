"""Document extraction speed: PDF pages/s, DOCX and text MB/s, encoding detection, tokens.

Files are generated here (pypdf, python-docx), then read with `extract_bytes` as an attached
file is. Prints one line per case.

    .venv/bin/python benchmarks/bench_documents.py [--quick]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from desktop.core.documents.extract import extract_bytes  # noqa: E402
from desktop.core.documents.tokens import estimate_tokens  # noqa: E402
from tests.helpers.sample_documents import make_docx, make_pdf  # noqa: E402

LINE = "The quarterly report shows revenue growth across all regions and product lines."


def best_of(runs: int, call: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    pages, runs = (50, 2) if args.quick else (300, 3)
    pdf = make_pdf(["\n".join(f"{LINE} ({p}.{n})" for n in range(40)) for p in range(pages)])
    seconds = best_of(runs, lambda: extract_bytes(pdf, "report.pdf"))
    print(f"PDF   {pages} pages, {len(pdf) / 1e6:.1f} MB: {seconds:.2f} s, "
          f"{pages / seconds:.0f} pages/s")
    docx = make_docx([f"{LINE} {n}" for n in range(pages * 40)], [["a", "b"]] * 50)
    seconds = best_of(runs, lambda: extract_bytes(docx, "notes.docx"))
    text_mb = len(extract_bytes(docx, "notes.docx").text.encode()) / 1e6
    print(f"DOCX  {pages * 40} paragraphs ({text_mb:.1f} MB of text): {seconds:.2f} s, "
          f"{text_mb / seconds:.1f} MB/s")
    chinese = "季度报告显示各地区收入增长，成本下降，利润率提高。" * 4
    cases = (("UTF-8", "utf-8", LINE), ("GB18030", "gb18030", chinese), ("UTF-16", "utf-16", LINE))
    for name, encoding, body in cases:
        chars = 300_000 if args.quick else 1_500_000  # under the 2 M character cap
        text = "\n".join([body] * (chars // (len(body) + 1)))
        data = text.encode(encoding)
        seconds = best_of(runs, lambda data=data: extract_bytes(data, "notes.txt"))
        print(f"TEXT  {name:8} {len(data) / 1e6:5.1f} MB: {seconds:.3f} s, "
              f"{len(data) / 1e6 / seconds:.0f} MB/s")
    sample = (LINE + "季度报告") * 100_000
    seconds = best_of(runs, lambda: estimate_tokens(sample))
    print(f"TOKENS estimate of {len(sample) / 1e6:.1f} M chars: {seconds * 1000:.0f} ms")


if __name__ == "__main__":
    main()
