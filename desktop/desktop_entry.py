"""`switchboard --install-desktop-entry`: the launcher entry and icon for a pip or pipx
install (the .deb and the tarball's install.sh bring their own).

Writes `$XDG_DATA_HOME/applications/switchboard.desktop` (default ~/.local/share), whose
`Exec` is the absolute path of the `switchboard` command that ran, and the icon into the
hicolor theme. `StartupWMClass` matches the app's desktop file name, so the window groups
under the entry.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from desktop import APP_ID, APP_NAME

ENTRY = """[Desktop Entry]
Type=Application
Name={name}
GenericName=LLM Chat Client
Comment=Desktop client for OpenAI-compatible LLM gateways
Exec={exec} %U
Icon=switchboard
Terminal=false
Categories=Network;Chat;Utility;
Keywords=AI;LLM;ChatGPT;OpenAI;Claude;DeepSeek;Ollama;
StartupWMClass={wm_class}
"""


def data_home() -> Path:
    configured = os.environ.get("XDG_DATA_HOME", "")
    return Path(configured) if configured else Path.home() / ".local" / "share"


def command_path() -> Path:
    """The `switchboard` script that is running (a venv's or pipx's bin), made absolute."""
    found = shutil.which(sys.argv[0]) if sys.argv and sys.argv[0] else None
    return Path(found or sys.argv[0]).resolve()


def icon_source() -> Path:
    """The app icon shipped with the package (wheel) or in the checkout."""
    packaged = Path(__file__).resolve().parent / "_resources" / "icons" / "switchboard.svg"
    if packaged.exists():
        return packaged
    return Path(__file__).resolve().parents[1] / "resources" / "icons" / "switchboard.svg"


def install_desktop_entry() -> int:
    """Write the entry and icon; print where. Exit code 0, or 1 with the reason."""
    if not sys.platform.startswith("linux"):
        print("Desktop entries are for Linux desktops; nothing was written.", file=sys.stderr)
        return 1
    executable = command_path()
    entry = data_home() / "applications" / "switchboard.desktop"
    icon = data_home() / "icons" / "hicolor" / "scalable" / "apps" / "switchboard.svg"
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        entry.write_text(ENTRY.format(name=APP_NAME, exec=executable, wm_class=APP_ID),
                         encoding="utf-8")
        icon.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(icon_source(), icon)
    except OSError as exc:
        print(f"Could not write the desktop entry: {exc}", file=sys.stderr)
        return 1
    print(f"Desktop entry: {entry}\nIcon: {icon}\nIt starts {executable}")
    return 0
