"""`switchboard --self-test`: headless checks of this installation, one line per check.

Used by people reporting problems and by CI on the PyInstaller bundle. Exit 0 only if all pass.
"""

from __future__ import annotations

import os
import sqlite3
import ssl
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop import APP_NAME, __version__


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str


def check_sqlite_fts5() -> str:
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
        connection.execute("INSERT INTO t(body) VALUES ('switchboard streams replies')")
        hits = connection.execute("SELECT count(*) FROM t WHERE t MATCH 'stream*'").fetchone()[0]
    finally:
        connection.close()
    if hits != 1:
        raise RuntimeError("FTS5 query returned no hit")
    return f"SQLite {sqlite3.sqlite_version} with FTS5"


def check_tls() -> str:
    import certifi
    import truststore

    bundled = ssl.create_default_context(cafile=certifi.where())
    count = len(bundled.get_ca_certs())
    if count == 0:
        raise RuntimeError("the bundled CA store is empty")
    truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # the OS trust store, used when available
    return f"{count} bundled CA certificates, OS trust store available ({ssl.OPENSSL_VERSION})"


def check_keyring() -> str:
    from desktop.core.secrets import SecretStore, discover_backends

    backends = discover_backends()
    usable = [info.name for info in backends if info.usable]
    store = SecretStore()
    active = store.describe_backend()
    if not usable or not store.is_available():
        found = ", ".join(info.name for info in backends) or "none"
        raise RuntimeError(f"no usable keyring backend (found: {found}; active: {active})")
    return f"active {active}; usable: {', '.join(usable)}"


def check_markdown() -> str:
    from desktop.core.rendering.markdown_html import MarkdownRenderer

    html = MarkdownRenderer().render("# Title\n\n```python\nprint('hi')\n```\n")
    if "<h1>" not in html or "<span" not in html:
        raise RuntimeError("Markdown did not render a heading and highlighted code")
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(html)
    if "print('hi')" not in document.toPlainText():
        raise RuntimeError("rich text lost the code block")
    return "heading and highlighted code block render to rich text"


def check_mermaid() -> str:
    """mmdr renders in its render process (the bundle runs itself with --mermaid-worker) and
    QtSvg draws the result."""
    from PySide6.QtCore import QByteArray
    from PySide6.QtSvg import QSvgRenderer

    from desktop.core.rendering.mermaid import MermaidProcess

    process = MermaidProcess()
    try:
        result = process.render("flowchart LR\n  A[Ask] --> B[Answer]\n")
    finally:
        process.close()
    if not result.ok:
        raise RuntimeError(f"no diagram: {result.error}")
    if not QSvgRenderer(QByteArray(result.svg.encode())).isValid():
        raise RuntimeError("QtSvg cannot read the diagram")
    return f"flowchart rendered ({result.width:.0f}x{result.height:.0f}) and drawn by QtSvg"


def check_qt_window() -> str:
    from PySide6.QtGui import QGuiApplication

    from desktop.app import create_qapplication
    from desktop.ui.main_window import MainWindow
    from desktop.ui.theme import apply_theme

    app = create_qapplication()
    scheme = apply_theme(app)
    window = MainWindow()
    window.show()
    app.processEvents()
    image = window.grab().toImage()
    window.close()
    if image.isNull() or image.width() < 100:
        raise RuntimeError("the main window rendered nothing")
    return f"platform {QGuiApplication.platformName()}, window {image.width()}x{image.height()}, " \
        f"{scheme} theme"


def check_text() -> str:
    """ICU answers (the bundle carries a trimmed ICU data package, see packaging/icu_data.py)."""
    import functools

    from PySide6.QtCore import QCollator, QLocale, QStringDecoder

    collator = QCollator(QLocale("zh_CN"))
    order = "".join(sorted("张安李波赵", key=functools.cmp_to_key(collator.compare)))
    if order != "安波李张赵":  # pinyin order; without ICU's data it is code point order
        raise RuntimeError(f"Chinese collation gave {order}: ICU data missing?")
    if QLocale("tr_TR").toUpper("istanbul") != "İSTANBUL":
        raise RuntimeError("Turkish upper case is wrong: ICU data missing?")
    if not QStringDecoder("GB18030").isValid():
        raise RuntimeError("no GB18030 decoder: ICU data missing?")
    return "ICU collation (pinyin order), case mapping, GB18030"


def _one_page_pdf(text: str) -> bytes:
    """A minimal valid PDF (with its cross-reference table) showing `text` in Helvetica."""
    stream = f"BT /F1 12 Tf 10 50 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]/Contents 4 0 R"
        b"/Resources<</Font<</F1 5 0 R>>>>>>",
        b"<</Length %d>>stream\n%s\nendstream" % (len(stream), stream),
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj" % number + body + b"endobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def check_documents() -> str:
    """Attached documents read: PDF (pypdf), Word (python-docx and its template), GB18030."""
    import io

    import docx

    from desktop.core.documents.extract import extract_bytes

    if extract_bytes(_one_page_pdf("Switchboard PDF"), "check.pdf").pages != ("Switchboard PDF",):
        raise RuntimeError("pypdf did not read a one-page PDF")
    document = docx.Document()  # python-docx's default template (bundled data files)
    document.add_paragraph("Switchboard Word")
    out = io.BytesIO()
    document.save(out)
    if extract_bytes(out.getvalue(), "check.docx").text != "Switchboard Word":
        raise RuntimeError("python-docx did not read back a document")
    chinese = "这是一个中文文本文件，用来检测编码。"
    if extract_bytes(chinese.encode("gb18030"), "check.txt").text != chinese:
        raise RuntimeError("charset-normalizer did not find GB18030")
    return "PDF, Word (.docx) and GB18030 text read"


def check_knowledge() -> str:
    """Knowledge bases: numpy (and its BLAS) load, a vector file is written and searched."""
    import tempfile

    import numpy as np

    from desktop.core.knowledge.vector_file import append_rows, load_matrix

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "vectors.f32"
        append_rows(path, np.eye(4, 8, dtype=np.float32))
        matrix = load_matrix(path)
        scores = matrix @ np.eye(1, 8, 2, dtype=np.float32)[0]
        del matrix  # the memory map closes before the folder is removed
        if int(np.argmax(scores)) != 2:
            raise RuntimeError("the vector search found the wrong row")
    return f"numpy {np.__version__}: vectors written and searched"


def check_audio() -> str:
    """QtMultimedia loads (read aloud, Studio's clips and videos); the bundle must also carry
    its FFmpeg backend and QVideoWidget (since issue 17). No audio output is not a failure."""
    from desktop.ui import audio_output

    line = audio_output.describe()
    if audio_output.multimedia() is None:
        raise RuntimeError(line)
    complete = audio_output.can_decode_compressed() and audio_output.has_video_widget()
    if getattr(sys, "frozen", False) and not complete:
        raise RuntimeError(f"{line}: the bundle cannot play MP3 clips or MP4 videos")
    return line


def run_checks() -> list[CheckResult]:
    checks: list[tuple[str, Callable[[], str]]] = [
        ("qt-window", check_qt_window),
        ("sqlite-fts5", check_sqlite_fts5),
        ("tls-ca-store", check_tls),
        ("keyring", check_keyring),
        ("markdown", check_markdown),
        ("mermaid", check_mermaid),
        ("text", check_text),
        ("documents", check_documents),
        ("knowledge", check_knowledge),
        ("audio", check_audio),
    ]
    results = []
    for name, check in checks:
        try:
            results.append(CheckResult(name, True, check()))
        except Exception as exc:
            detail = f"{type(exc).__name__}: {exc}"
            if os.environ.get("SWITCHBOARD_DEBUG"):
                detail += "\n" + traceback.format_exc()
            results.append(CheckResult(name, False, detail))
    return results


def _install_kind() -> str:
    """How this copy runs: a PyInstaller bundle, an installed wheel, or a source checkout."""
    if getattr(sys, "frozen", False):
        return "bundle"
    packaged = Path(__file__).resolve().parent / "_resources"
    return "installed" if packaged.is_dir() else "source"


def run_self_test(data_dir: str | None = None) -> int:
    """Print one `ok`/`FAIL` line per check; returns the process exit code.

    `data_dir` is accepted for symmetry with the GUI; the checks write nothing there.
    """
    # A headless run must not need a display; the offscreen platform is enough for the checks.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(f"{APP_NAME} {__version__} self-test (Python {sys.version.split()[0]}, "
          f"{_install_kind()})")
    results = run_checks()
    for result in results:
        print(f"{'ok  ' if result.ok else 'FAIL'} {result.name}: {result.detail}")
    failed = sum(not result.ok for result in results)
    print(f"self-test: {len(results) - failed} of {len(results)} checks ok")
    return 1 if failed else 0
