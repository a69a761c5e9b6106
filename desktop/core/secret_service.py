"""A keyring backend for the freedesktop Secret Service (gnome-keyring, KWallet) over jeepney.

Why our own: keyring's built-in backend goes through SecretStorage, which needs `cryptography`
(12 MB of the bundle) only to encrypt the secret on its way over the user's private session
bus — a bus every process that could eavesdrop on can already ask the keyring itself. This
backend uses the spec's "plain" transfer (as GitHub's `gh` does through go-keyring), and stores
items with the same attributes as keyring's backend, so either reads what the other wrote.

keyring finds it through the `keyring.backends` entry point in our package metadata.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing, contextmanager
from typing import Any

from jeepney import DBusAddress, DBusErrorResponse, MatchRule, MessageType, Properties
from jeepney import new_method_call as _call
from jeepney.io.blocking import DBusConnection, open_dbus_connection
from keyring.backend import KeyringBackend
from keyring.compat import properties
from keyring.errors import InitError, KeyringLocked, PasswordDeleteError, PasswordSetError

BUS_NAME = "org.freedesktop.secrets"
SERVICE_PATH = "/org/freedesktop/secrets"
DEFAULT_COLLECTION = "/org/freedesktop/secrets/aliases/default"
PREFIX = "org.freedesktop.Secret."
NO_PROMPT = "/"
PROMPT_TIMEOUT_S = 120.0
APPLICATION = "Python keyring library"  # the same attribute keyring's own backend writes
_MISSING_OBJECT = {
    "org.freedesktop.DBus.Error.UnknownObject",
    "org.freedesktop.DBus.Error.UnknownMethod",
    "org.freedesktop.Secret.Error.NoSuchObject",
}


def _address(path: str, interface: str) -> DBusAddress:
    return DBusAddress(path, bus_name=BUS_NAME, interface=PREFIX + interface)


def service_available() -> bool:
    """True when a Secret Service daemon runs, or can be started, on the session bus."""
    bus = DBusAddress("/org/freedesktop/DBus", bus_name="org.freedesktop.DBus",
                      interface="org.freedesktop.DBus")
    try:
        with closing(open_dbus_connection(bus="SESSION")) as connection:
            if connection.send_and_get_reply(_call(bus, "NameHasOwner", "s", (BUS_NAME,))).body[0]:
                return True
            names = connection.send_and_get_reply(_call(bus, "ListActivatableNames")).body[0]
            return BUS_NAME in names
    except (OSError, KeyError, ValueError, DBusErrorResponse):
        return False


class _Session:
    """One connection and one plain-transfer session for a single keyring operation."""

    def __init__(self, connection: DBusConnection) -> None:
        self.connection = connection
        self.service = _address(SERVICE_PATH, "Service")
        _output, self.path = self.call(self.service, "OpenSession", "sv", "plain", ("s", ""))

    def call(self, address: DBusAddress, method: str, signature: str | None = None,
             *body: Any) -> Any:
        reply = self.connection.send_and_get_reply(_call(address, method, signature, body))
        if reply.header.message_type == MessageType.error:
            raise DBusErrorResponse(reply)
        return reply.body

    def prompt(self, prompt_path: str) -> tuple[bool, Any]:
        """Run a Secret Service prompt (unlock, create) and wait for it; (dismissed, result)."""
        if prompt_path == NO_PROMPT:
            return False, None
        rule = MatchRule(path=prompt_path, interface=PREFIX + "Prompt", member="Completed",
                         type=MessageType.signal)
        with self.connection.filter(rule) as signals:
            self.call(_address(prompt_path, "Prompt"), "Prompt", "s", "")
            message = self.connection.recv_until_filtered(signals, timeout=PROMPT_TIMEOUT_S)
        dismissed, (_signature, result) = message.body
        return bool(dismissed), result

    def unlock(self, path: str) -> None:
        unlocked, prompt_path = self.call(self.service, "Unlock", "ao", [path])
        if path in unlocked:
            return
        dismissed, result = self.prompt(prompt_path)
        if dismissed or path not in (result or []):
            raise KeyringLocked("The keyring stayed locked (the unlock prompt was dismissed).")

    def default_collection(self) -> str:
        """The default collection's path, unlocked; created when the keyring has none."""
        collection = DEFAULT_COLLECTION
        try:
            reply = self.connection.send_and_get_reply(
                Properties(_address(collection, "Collection")).get("Locked"))
            if reply.header.message_type == MessageType.error:
                raise DBusErrorResponse(reply)
            (_signature, is_locked), = reply.body
        except DBusErrorResponse as exc:
            if exc.name not in _MISSING_OBJECT:
                raise
            collection = self._create_default_collection()
            is_locked = False
        if is_locked:
            self.unlock(collection)
        return collection

    def _create_default_collection(self) -> str:
        label = {PREFIX + "Collection.Label": ("s", "Default keyring")}
        path, prompt_path = self.call(self.service, "CreateCollection", "a{sv}s", label, "default")
        if path == NO_PROMPT:
            dismissed, path = self.prompt(prompt_path)
            if dismissed or not path:
                raise InitError("No keyring exists and creating one was cancelled.")
        return str(path)

    def find(self, collection: str, attributes: dict[str, str]) -> list[str]:
        (paths,) = self.call(_address(collection, "Collection"), "SearchItems", "a{ss}",
                             attributes)
        return list(paths)


@contextmanager
def _session() -> Iterator[_Session]:
    try:
        connection = open_dbus_connection(bus="SESSION")
    except (OSError, KeyError, ValueError) as exc:
        raise InitError(f"No D-Bus session bus for the Secret Service: {exc}") from exc
    with closing(connection):
        try:
            yield _Session(connection)
        except DBusErrorResponse as exc:
            raise InitError(f"The Secret Service refused: {exc.name}: {exc.data}") from exc


class SecretServiceKeyring(KeyringBackend):
    """Secret Service over jeepney (plain transfer on the private session bus)."""

    @properties.classproperty
    def priority(cls) -> float:  # noqa: N805 - keyring's classproperty
        if not service_available():
            raise RuntimeError("The Secret Service is neither running nor activatable")
        return 5.5  # above keyring's own SecretService backend (5), which needs cryptography

    @staticmethod
    def _query(service: str, username: str) -> dict[str, str]:
        return {"username": username, "service": service}

    def get_password(self, service: str, username: str) -> str | None:
        with _session() as session:
            collection = session.default_collection()
            for item in session.find(collection, self._query(service, username)):
                session.unlock(item)
                (secret,) = session.call(_address(item, "Item"), "GetSecret", "o", session.path)
                _session_path, _parameters, value, _content_type = secret
                return bytes(value).decode("utf-8")
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        attributes = dict(self._query(service, username), application=APPLICATION)
        item_properties = {
            PREFIX + "Item.Label": ("s", f"Password for '{username}' on '{service}'"),
            PREFIX + "Item.Attributes": ("a{ss}", attributes),
        }
        with _session() as session:
            collection = session.default_collection()
            secret = (session.path, b"", password.encode("utf-8"), "text/plain; charset=utf8")
            item, prompt_path = session.call(
                _address(collection, "Collection"), "CreateItem", "a{sv}(oayays)b",
                item_properties, secret, True,
            )
            if item == NO_PROMPT:
                dismissed, item = session.prompt(prompt_path)
                if dismissed or not item:
                    raise PasswordSetError("Storing the key was cancelled at the prompt.")

    def delete_password(self, service: str, username: str) -> None:
        with _session() as session:
            collection = session.default_collection()
            items = session.find(collection, self._query(service, username))
            if not items:
                raise PasswordDeleteError("No such password!")
            (prompt_path,) = session.call(_address(items[0], "Item"), "Delete")
            dismissed, _result = session.prompt(prompt_path)
            if dismissed:
                raise PasswordDeleteError("Deleting the key was cancelled at the prompt.")
