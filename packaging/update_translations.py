"""Regenerate the translation sources (.ts) from the code and compile them (.qm).

    python packaging/update_translations.py            # lupdate + lrelease
    python packaging/update_translations.py --release  # only compile the .ts files

`pyside6-lupdate` collects every `self.tr(...)` / `QCoreApplication.translate(...)` string of
`desktop/ui` and `desktop/media` into `resources/translations/switchboard_<lang>.ts`, keeping
the translations already made; translators edit the .ts files (Qt Linguist:
`pyside6-linguist FILE.ts`); then `pyside6-lrelease` compiles them into the `.qm` files the
app loads (`desktop/ui/language.py`).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TRANSLATIONS = REPO / "resources" / "translations"
LANGUAGES = ("en", "zh_CN")


def tool(name: str) -> str:
    """A PySide6 tool next to this interpreter (the virtualenv), else on PATH."""
    local = Path(sys.executable).with_name(name)
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (it ships with PySide6-Essentials)")
    return found


def sources() -> list[str]:
    """The Qt tiers' modules (widgets and media); core and the CLI have no Qt strings."""
    tiers = (REPO / "desktop" / "ui", REPO / "desktop" / "media")
    return sorted(str(p.relative_to(REPO)) for tier in tiers for p in tier.rglob("*.py"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--release", action="store_true", help="only compile .ts into .qm")
    args = parser.parse_args(argv)
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts = TRANSLATIONS / f"switchboard_{language}.ts"
        if not args.release:
            subprocess.run(
                [tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-source-language", "en",
                 "-target-language", language, "-ts", str(ts.relative_to(REPO))],
                cwd=REPO, check=True,
            )
        subprocess.run(
            [tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
            cwd=REPO, check=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
