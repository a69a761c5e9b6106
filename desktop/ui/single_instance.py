"""One window per data directory: a second start raises the running window and exits.

The running app listens on a local socket named after its data directory (per user); a new
start that reaches it asks it to come to the front and ends. The command line is not
affected: `switchboard ask`, `history` … work beside a running window.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)
RAISE = b"raise\n"
CONNECT_MS = 500


def server_name(data_dir: Path) -> str:
    """A socket name for this user and data directory (short: socket paths are limited)."""
    key = f"{getpass.getuser()}\0{data_dir.resolve()}".encode()
    return f"switchboard-{hashlib.sha256(key).hexdigest()[:20]}"


def raise_running_instance(name: str) -> bool:
    """Ask a running window on this data directory to come to the front; True if one did."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    socket.write(RAISE)
    socket.flush()
    socket.waitForBytesWritten(CONNECT_MS)
    socket.disconnectFromServer()
    return True


class SingleInstance(QObject):
    """The running window's side: listens, and emits `raise_requested` for each new start."""

    raise_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)
        if not self.server.listen(name):
            # A socket left by a crashed run: nobody answered on it, so it can go.
            QLocalServer.removeServer(name)
            if not self.server.listen(name):
                log.warning("single-instance socket unavailable: %s",
                            self.server.errorString())

    def _on_connection(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(RAISE.strip()):
            log.info("a second start asked this window to come to the front")
            self.raise_requested.emit()

    def close(self) -> None:
        self.server.close()
