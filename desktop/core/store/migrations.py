"""Numbered forward migrations of the history schema, tracked by `PRAGMA user_version`.

Version N is reached by running steps 1..N in order, each in its own transaction that also
bumps `user_version`, so a crash mid-upgrade leaves the file at the last completed version.
Never edit a released step; add a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from desktop.core.store.database import transaction

# FTS rows exist only for messages that are not streaming: a reply being written every 0.5 s
# is indexed once, when it finishes (or is marked interrupted), so checkpoints stay cheap.
_V1_INITIAL: tuple[str, ...] = (
    """CREATE TABLE folders (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        parent_id INTEGER REFERENCES folders(id) ON DELETE CASCADE,
        position INTEGER NOT NULL DEFAULT 0,
        created_at REAL NOT NULL
    )""",
    """CREATE TABLE conversations (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        pinned INTEGER NOT NULL DEFAULT 0,
        archived INTEGER NOT NULL DEFAULT 0,
        folder_id INTEGER REFERENCES folders(id) ON DELETE SET NULL,
        provider TEXT,
        model TEXT,
        params TEXT NOT NULL DEFAULT '{}',
        system_prompt TEXT NOT NULL DEFAULT '',
        active_leaf_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
        prompt_tokens INTEGER NOT NULL DEFAULT 0,
        completion_tokens INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX conversations_sidebar ON conversations(archived, pinned DESC, updated_at DESC)",
    "CREATE INDEX conversations_by_folder ON conversations(folder_id)",
    # parent_id has no ON DELETE action: subtrees are deleted in one statement by the Store,
    # which avoids FK cascade recursion limits on deep (10,000-message) chains.
    """CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        parent_id INTEGER REFERENCES messages(id),
        role TEXT NOT NULL,
        text TEXT NOT NULL DEFAULT '',
        parts TEXT,
        reasoning TEXT NOT NULL DEFAULT '',
        tool_calls TEXT,
        tool_call_id TEXT,
        model TEXT,
        provider TEXT,
        prompt_tokens INTEGER,
        completion_tokens INTEGER,
        reasoning_tokens INTEGER,
        cached_tokens INTEGER,
        finish_reason TEXT,
        status TEXT NOT NULL DEFAULT 'complete',
        error TEXT,
        created_at REAL NOT NULL
    )""",
    "CREATE INDEX messages_by_conversation ON messages(conversation_id)",
    "CREATE INDEX messages_by_parent ON messages(parent_id)",
    "CREATE INDEX messages_streaming ON messages(status) WHERE status = 'streaming'",
    """CREATE TABLE attachments (
        hash TEXT PRIMARY KEY,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        created_at REAL NOT NULL
    ) WITHOUT ROWID""",
    """CREATE TABLE message_attachments (
        message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        hash TEXT NOT NULL REFERENCES attachments(hash),
        PRIMARY KEY (message_id, hash)
    ) WITHOUT ROWID""",
    "CREATE INDEX message_attachments_by_hash ON message_attachments(hash)",
    """CREATE VIRTUAL TABLE messages_fts USING fts5(
        text, content='messages', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages
        WHEN new.status != 'streaming' BEGIN
        INSERT INTO messages_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages
        WHEN old.status != 'streaming' BEGIN
        INSERT INTO messages_fts(messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
    """CREATE TRIGGER messages_fts_update AFTER UPDATE OF text, status ON messages BEGIN
        INSERT INTO messages_fts(messages_fts, rowid, text)
            SELECT 'delete', old.id, old.text WHERE old.status != 'streaming';
        INSERT INTO messages_fts(rowid, text)
            SELECT new.id, new.text WHERE new.status != 'streaming';
    END""",
    """CREATE VIRTUAL TABLE conversations_fts USING fts5(
        title, content='conversations', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER conversations_fts_insert AFTER INSERT ON conversations BEGIN
        INSERT INTO conversations_fts(rowid, title) VALUES (new.id, new.title);
    END""",
    """CREATE TRIGGER conversations_fts_delete AFTER DELETE ON conversations BEGIN
        INSERT INTO conversations_fts(conversations_fts, rowid, title)
            VALUES ('delete', old.id, old.title);
    END""",
    """CREATE TRIGGER conversations_fts_update AFTER UPDATE OF title ON conversations BEGIN
        INSERT INTO conversations_fts(conversations_fts, rowid, title)
            VALUES ('delete', old.id, old.title);
        INSERT INTO conversations_fts(rowid, title) VALUES (new.id, new.title);
    END""",
)

_V2_TIMINGS_AND_PRESETS: tuple[str, ...] = (
    "ALTER TABLE messages ADD COLUMN ttft_ms REAL",
    "ALTER TABLE messages ADD COLUMN tokens_per_second REAL",
    """CREATE TABLE presets (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        model TEXT,
        params TEXT NOT NULL DEFAULT '{}',
        system_prompt TEXT NOT NULL DEFAULT '',
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL
    )""",
)

# The sidebar reads every conversation's summary in display order; a covering index answers
# that from the index alone instead of 10,000 table lookups.
_V3_COVERING_SIDEBAR_INDEX: tuple[str, ...] = (
    "DROP INDEX conversations_sidebar",
    """CREATE INDEX conversations_sidebar ON conversations(
        archived, pinned DESC, updated_at DESC, id, title, folder_id, model
    )""",
)

# A streamed reply's checkpoints append only what arrived since the previous one: rewriting
# the whole text every 0.5 s cost more the longer the reply grew. The chunks are folded into
# the message row when the reply finishes (or, after a crash, when the store next opens).
_V4_STREAM_CHUNKS: tuple[str, ...] = (
    """CREATE TABLE stream_chunks (
        message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        text TEXT NOT NULL DEFAULT '',
        reasoning TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (message_id, seq)
    ) WITHOUT ROWID""",
)

# Tool-call loop (issue 14): a Role.TOOL message records which tool ran, on which server, how
# it ended and how long it took. Its result text is the message text (so search finds it) and
# its result images are ordinary image attachments. Self-contained: only adds columns.
_V5_TOOL_MESSAGES: tuple[str, ...] = (
    "ALTER TABLE messages ADD COLUMN tool_name TEXT",
    "ALTER TABLE messages ADD COLUMN tool_server TEXT",
    "ALTER TABLE messages ADD COLUMN tool_status TEXT",
    "ALTER TABLE messages ADD COLUMN tool_duration_ms REAL",
    "ALTER TABLE messages ADD COLUMN tool_is_error INTEGER",
)

# What a reply carries besides its text: a refusal (None: none; '' : refused without a text),
# the sources it cites (JSON list of {url, title, start, end, cited_text}) and the provider's
# whole usage object (JSON text), for the window, the exports and the JSON round trip.
_V6_REPLY_FIELDS: tuple[str, ...] = (
    "ALTER TABLE messages ADD COLUMN refusal TEXT",
    "ALTER TABLE messages ADD COLUMN citations TEXT",
    "ALTER TABLE messages ADD COLUMN usage_json TEXT",
)

# What a reply cost when it was sent: the amount in its currency, the prices and token counts
# used (JSON, so a later price change does not rewrite history), and whether the token counts
# were estimated.
#
# The usage sums read hourly roll-ups kept by triggers, not the messages: summing half a
# million replies through even a covering index took 0.8-1.2 s, the roll-ups answer in
# milliseconds. Hours are UTC (`created_at / 3600`), so no time zone is baked in: the query
# shifts them into local days, weeks and months. Self-contained: these columns, two tables,
# three triggers and the backfill of existing replies.
_USAGE_ADD = """
    INSERT INTO usage_hourly VALUES (
        CAST(new.created_at / 3600 AS INTEGER), coalesce(new.provider, ''),
        coalesce(new.model, ''), coalesce(new.cost_currency, ''), coalesce(new.cost, 0),
        coalesce(new.prompt_tokens, 0), coalesce(new.completion_tokens, 0), 1)
    ON CONFLICT DO UPDATE SET cost = cost + excluded.cost,
        prompt_tokens = prompt_tokens + excluded.prompt_tokens,
        completion_tokens = completion_tokens + excluded.completion_tokens,
        replies = replies + 1;
    INSERT INTO usage_conversation_hourly VALUES (
        new.conversation_id, CAST(new.created_at / 3600 AS INTEGER),
        coalesce(new.cost_currency, ''), coalesce(new.cost, 0), 1)
    ON CONFLICT DO UPDATE SET cost = cost + excluded.cost, replies = replies + 1;"""
_USAGE_REMOVE = """
    UPDATE usage_hourly SET cost = cost - coalesce(old.cost, 0),
        prompt_tokens = prompt_tokens - coalesce(old.prompt_tokens, 0),
        completion_tokens = completion_tokens - coalesce(old.completion_tokens, 0),
        replies = replies - 1
    WHERE hour = CAST(old.created_at / 3600 AS INTEGER)
        AND provider = coalesce(old.provider, '') AND model = coalesce(old.model, '')
        AND currency = coalesce(old.cost_currency, '');
    DELETE FROM usage_hourly WHERE replies <= 0 AND hour = CAST(old.created_at / 3600 AS INTEGER);
    UPDATE usage_conversation_hourly SET cost = cost - coalesce(old.cost, 0),
        replies = replies - 1
    WHERE conversation_id = old.conversation_id
        AND hour = CAST(old.created_at / 3600 AS INTEGER)
        AND currency = coalesce(old.cost_currency, '');
    DELETE FROM usage_conversation_hourly WHERE replies <= 0
        AND conversation_id = old.conversation_id;"""
_V7_MESSAGE_COST: tuple[str, ...] = (
    "ALTER TABLE messages ADD COLUMN cost REAL",
    "ALTER TABLE messages ADD COLUMN cost_currency TEXT",
    "ALTER TABLE messages ADD COLUMN price_json TEXT",
    "ALTER TABLE messages ADD COLUMN cost_estimated INTEGER",
    """CREATE TABLE usage_hourly (
        hour INTEGER NOT NULL,
        provider TEXT NOT NULL,
        model TEXT NOT NULL,
        currency TEXT NOT NULL,
        cost REAL NOT NULL,
        prompt_tokens INTEGER NOT NULL,
        completion_tokens INTEGER NOT NULL,
        replies INTEGER NOT NULL,
        PRIMARY KEY (hour, provider, model, currency)
    ) WITHOUT ROWID""",
    """CREATE TABLE usage_conversation_hourly (
        conversation_id INTEGER NOT NULL,
        hour INTEGER NOT NULL,
        currency TEXT NOT NULL,
        cost REAL NOT NULL,
        replies INTEGER NOT NULL,
        PRIMARY KEY (conversation_id, hour, currency)
    ) WITHOUT ROWID""",
    f"""CREATE TRIGGER usage_insert AFTER INSERT ON messages
        WHEN new.role = 'assistant' BEGIN {_USAGE_ADD}
    END""",
    f"""CREATE TRIGGER usage_delete AFTER DELETE ON messages
        WHEN old.role = 'assistant' BEGIN {_USAGE_REMOVE}
    END""",
    f"""CREATE TRIGGER usage_update AFTER UPDATE OF
        cost, cost_currency, prompt_tokens, completion_tokens, provider, model, created_at,
        conversation_id ON messages
        WHEN old.role = 'assistant' BEGIN {_USAGE_REMOVE} {_USAGE_ADD}
    END""",
    """INSERT INTO usage_hourly
        SELECT CAST(created_at / 3600 AS INTEGER) AS h, coalesce(provider, '') AS p,
            coalesce(model, '') AS m, '', 0, total(prompt_tokens), total(completion_tokens),
            count(*)
        FROM messages WHERE role = 'assistant' GROUP BY h, p, m""",
    """INSERT INTO usage_conversation_hourly
        SELECT conversation_id, CAST(created_at / 3600 AS INTEGER) AS h, '', 0, count(*)
        FROM messages WHERE role = 'assistant' GROUP BY conversation_id, h""",
)

# Per-conversation tool choice (issue 14, part C): which MCP servers (and tools) a
# conversation offers the model, as JSON `{"server": null | ["tool", ...]}` (null: all of the
# server's enabled tools). A column of its own rather than a key of `params`: params are
# rewritten whole from the parameter panel after each turn. Self-contained: adds one column.
_V8_CONVERSATION_TOOLS: tuple[str, ...] = (
    "ALTER TABLE conversations ADD COLUMN tools TEXT NOT NULL DEFAULT '{}'",
)

# Compare (issue 18): one user message answered by 2-4 targets at once. The replies are
# siblings under that message (the "fork"); `compare_columns` says which target each column
# is and in which position. A conversation keeps its compare targets (JSON, NULL: single
# mode) and the fork whose columns are open (NULL: shown as one path). Self-contained.
_V9_COMPARE: tuple[str, ...] = (
    "ALTER TABLE conversations ADD COLUMN compare_targets TEXT",
    "ALTER TABLE conversations ADD COLUMN compare_fork INTEGER "
    "REFERENCES messages(id) ON DELETE SET NULL",
    """CREATE TABLE compare_columns (
        reply_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
        fork_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        target TEXT NOT NULL DEFAULT '{}'
    )""",
    "CREATE INDEX compare_columns_by_fork ON compare_columns(fork_id, position)",
)

# Studio tasks (issue 17): Midjourney/Suno/Luma/Flux jobs of the aggregators' task APIs,
# kept so polling resumes after a restart (see desktop/core/store/task_ops.py). Result files
# are attachments (stored once by content); `task_files` keeps them from the attachment
# collector. Self-contained: two new tables and their indexes, nothing else touched.
_V10_STUDIO_TASKS: tuple[str, ...] = (
    """CREATE TABLE tasks (
        id INTEGER PRIMARY KEY,
        provider TEXT NOT NULL,
        kind TEXT NOT NULL,
        prompt TEXT NOT NULL DEFAULT '',
        params TEXT NOT NULL DEFAULT '{}',
        status TEXT NOT NULL,
        progress INTEGER NOT NULL DEFAULT 0,
        remote_id TEXT,
        remote_status TEXT NOT NULL DEFAULT '',
        error TEXT,
        error_code TEXT,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        submitted_at REAL,
        finished_at REAL,
        next_poll_at REAL,
        parent_id INTEGER REFERENCES tasks(id) ON DELETE SET NULL,
        buttons TEXT NOT NULL DEFAULT '[]',
        details TEXT NOT NULL DEFAULT '{}'
    )""",
    "CREATE INDEX tasks_by_status ON tasks(status)",
    "CREATE INDEX tasks_by_created ON tasks(created_at DESC)",
    """CREATE TABLE task_files (
        task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        hash TEXT NOT NULL REFERENCES attachments(hash),
        role TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        source_url TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (task_id, position)
    ) WITHOUT ROWID""",
    "CREATE INDEX task_files_by_hash ON task_files(hash)",
)

# Knowledge bases (issue 15): the names of the bases a conversation searches, as a JSON list,
# and the passages a reply was sent with, as JSON (desktop/core/passages.py). Self-contained:
# adds two columns.
_V11_KNOWLEDGE: tuple[str, ...] = (
    "ALTER TABLE conversations ADD COLUMN knowledge_bases TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE messages ADD COLUMN knowledge_sources TEXT",
)

# MIGRATIONS[i] brings a database from version i to version i + 1.
MIGRATIONS: tuple[Sequence[str], ...] = (
    _V1_INITIAL,
    _V2_TIMINGS_AND_PRESETS,
    _V3_COVERING_SIDEBAR_INDEX,
    _V4_STREAM_CHUNKS,
    _V5_TOOL_MESSAGES,
    _V6_REPLY_FIELDS,
    _V7_MESSAGE_COST,
    _V8_CONVERSATION_TOOLS,
    _V9_COMPARE,
    _V10_STUDIO_TASKS,
    _V11_KNOWLEDGE,
)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    """The version recorded in the file (0 for a new, empty database)."""
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Run the steps from the file's version up to `target`; return the version reached.

    The caller has already refused files newer than SCHEMA_VERSION.
    """
    current = schema_version(conn)
    if not 0 <= target <= SCHEMA_VERSION:
        raise ValueError(f"no schema version {target}")
    while current < target:
        with transaction(conn):
            for statement in MIGRATIONS[current]:
                conn.execute(statement)
            current += 1
            conn.execute(f"PRAGMA user_version = {current}")
    return current
