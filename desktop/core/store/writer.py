"""`StoreWriter`: the Store's write transactions, and the subscribers told what each one changed.

A mutation runs inside `writer.transaction()` and reports what it changed with
`tx.report(...)`. Nested transactions (a `Store.batch()` around several mutations) are
savepoints of the outermost one, which publishes the merged changes once after its COMMIT.
A rolled-back transaction publishes nothing.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from desktop.core.store.changes import StoreChanges
from desktop.core.store.errors import StoreReadOnlyError

log = logging.getLogger(__name__)

Subscriber = Callable[[StoreChanges], None]


class Transaction:
    """The handle a mutation gets inside `StoreWriter.transaction()`."""

    def __init__(self, writer: StoreWriter) -> None:
        self._writer = writer

    def report(self, changes: StoreChanges) -> None:
        """Record what this transaction changed (published after the outermost commit)."""
        self._writer._pending.append(changes)

    def after_commit(self, action: Callable[[], None]) -> None:
        """Run `action` after the outermost commit (e.g. delete files whose rows went)."""
        self._writer._after_commit.append(action)


class StoreWriter:
    """One connection, its lock, the transaction in progress and the change subscribers."""

    def __init__(self, conn: sqlite3.Connection, lock: threading.RLock) -> None:
        self.conn = conn
        self.lock = lock
        self._depth = 0  # nesting of transaction() on the thread holding the lock
        self._pending: list[StoreChanges] = []
        self._after_commit: list[Callable[[], None]] = []
        self.read_only: str | None = None  # why nothing can be written (see Store.read_only)
        self._subscribers: list[Subscriber] = []
        self._subscribers_lock = threading.Lock()

    # ----------------------------------------------------------------- subscribers

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        """Call `callback(changes)` after every committed mutation; returns the unsubscribe.

        The callback runs on the thread that made the mutation, after the Store's lock is
        released (it may read the Store). One that raises is logged and does not stop
        the others.
        """
        with self._subscribers_lock:
            self._subscribers.append(callback)

        def unsubscribe() -> None:
            with self._subscribers_lock:
                if callback in self._subscribers:
                    self._subscribers.remove(callback)

        return unsubscribe

    def publish(self, changes: StoreChanges) -> None:
        """Tell every subscriber about `changes` (nothing happens for empty changes)."""
        if changes.empty:
            return
        with self._subscribers_lock:
            subscribers = list(self._subscribers)
        for callback in subscribers:
            try:
                callback(changes)
            except Exception:  # one broken view must not fail the mutation or the others
                log.exception("a store change subscriber raised")

    # ----------------------------------------------------------------- transactions

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """BEGIN IMMEDIATE … COMMIT, or a savepoint inside another transaction of this thread.

        On an exception everything since the start (or the savepoint) is rolled back and its
        reported changes are dropped.
        """
        published: StoreChanges | None = None
        actions: list[Callable[[], None]] = []
        if self.read_only:
            raise StoreReadOnlyError(self.read_only)
        with self.lock:
            depth = self._depth
            mark, marked_actions = len(self._pending), len(self._after_commit)
            savepoint = f"nested_{depth}"
            self.conn.execute("BEGIN IMMEDIATE" if depth == 0 else f"SAVEPOINT {savepoint}")
            self._depth += 1
            try:
                yield Transaction(self)
            except BaseException:
                self._depth -= 1
                del self._pending[mark:]
                del self._after_commit[marked_actions:]
                if depth == 0:
                    self.conn.execute("ROLLBACK")
                else:
                    self.conn.execute(f"ROLLBACK TO {savepoint}")
                    self.conn.execute(f"RELEASE {savepoint}")
                raise
            self._depth -= 1
            if depth > 0:
                self.conn.execute(f"RELEASE {savepoint}")
                return
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                self._pending.clear()
                self._after_commit.clear()
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            published = StoreChanges.merge(self._pending)
            actions = list(self._after_commit)
            self._pending.clear()
            self._after_commit.clear()
        for action in actions:
            action()
        self.publish(published)
