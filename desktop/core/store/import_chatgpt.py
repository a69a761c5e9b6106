"""Import ChatGPT's data export (`conversations.json`): its `mapping` tree becomes our tree.

Nodes without a visible message (the empty root, hidden system/context messages, reasoning
recaps) are skipped and their children hang on the nearest kept ancestor. `thoughts` become
the reasoning of the next assistant message, `code` becomes a fenced block, tool output is
kept as a tool message. Images (`image_asset_pointer`) are imported when a file whose name
starts with the file id sits beside conversations.json (or below it, or in the export's zip
file); otherwise a text note says which image is missing.
"""

from __future__ import annotations

import mimetypes
import zipfile
from pathlib import Path
from typing import Any, Protocol

from desktop.core.progress import Progress, step
from desktop.core.store.attachments import sniff_mime
from desktop.core.store.import_drafts import AttachmentDraft, ConversationDraft, MessageDraft
from desktop.core.store.import_fields import MAX_TIMESTAMP, FieldReader
from desktop.core.store.import_limits import ReadBudget
from desktop.core.store.models import MessageStatus, Role, TextPart

_ROLES = {"user": Role.USER, "assistant": Role.ASSISTANT, "system": Role.SYSTEM,
          "tool": Role.TOOL}


def looks_like_chatgpt_export(document: Any) -> bool:
    return (
        isinstance(document, list)
        and (not document or (isinstance(document[0], dict) and "mapping" in document[0]))
    )


class AssetFiles(Protocol):
    """Where the images of an export are: a folder or the export's zip file."""

    def find(self, file_id: str, max_bytes: int) -> tuple[str, bytes] | None:
        """(file name, bytes) of the file whose name starts with `file_id`; None if absent.

        Raises ValueError with the file name when it is larger than `max_bytes`.
        """
        ...


class FolderAssets:
    """Files beside conversations.json (and up to two folders below)."""

    def __init__(self, root: Path, budget: ReadBudget | None = None) -> None:
        self._budget = budget or ReadBudget(root)
        self._files: list[Path] = []
        if root.is_dir():
            for depth_glob in ("*", "*/*", "*/*/*"):
                self._files.extend(p for p in root.glob(depth_glob) if p.is_file())

    def find(self, file_id: str, max_bytes: int) -> tuple[str, bytes] | None:
        for path in self._files:
            if path.name.startswith(file_id):
                size = path.stat().st_size
                if size > max_bytes:
                    raise ValueError(path.name)
                with path.open("rb") as handle:
                    return path.name, self._budget.read(handle, size, max_bytes, path.name)
        return None


class ZipAssets:
    """Files inside the export's zip file, found by their base name."""

    def __init__(self, archive: zipfile.ZipFile, budget: ReadBudget | None = None) -> None:
        self._archive = archive
        self._budget = budget or ReadBudget(str(archive.filename))
        self._members = [i for i in archive.infolist() if not i.is_dir()]

    def find(self, file_id: str, max_bytes: int) -> tuple[str, bytes] | None:
        for info in self._members:
            name = info.filename.rsplit("/", 1)[-1]
            if name.startswith(file_id):
                if info.file_size > max_bytes:
                    raise ValueError(name)
                with self._archive.open(info) as handle:
                    return name, self._budget.read(handle, info.file_size, max_bytes, name)
        return None


def _file_id(pointer: str) -> str:
    return pointer.split("://", 1)[-1]


class _Converter:
    def __init__(self, path: Path, reader: FieldReader, files: AssetFiles, max_bytes: int,
                 fallback_time: float) -> None:
        self.path = path
        self.reader = reader
        self.files = files
        self.max_bytes = max_bytes
        self.fallback_time = fallback_time

    def image(self, part: dict[str, Any], field: str) -> TextPart | AttachmentDraft:
        pointer = self.reader.get(part, "asset_pointer", str, f"{field}.asset_pointer")
        file_id = _file_id(pointer)
        try:
            found = self.files.find(file_id, self.max_bytes) if file_id else None
        except ValueError as exc:
            self.reader.fail(field, f"image {exc} is larger than the attachment limit")
        if found is None:
            return TextPart(f"[image {file_id} was not included in the export]")
        name, data = found
        mime = sniff_mime(data) or mimetypes.guess_type(name)[0] or "image/png"
        return AttachmentDraft(data, mime, name)

    def content(self, content: Any, field: str) -> tuple[str, list[TextPart | AttachmentDraft]]:
        """(content type, parts) of a message's `content`."""
        kind = self.reader.get(content, "content_type", str, f"{field}.content_type")
        parts: list[TextPart | AttachmentDraft] = []
        if kind == "code":
            text = self.reader.get(content, "text", str, f"{field}.text", default="",
                                   required=False)
            language = content.get("language")
            if not isinstance(language, str) or language == "unknown":
                language = ""
            if text.strip():
                parts.append(TextPart(f"```{language}\n{text}\n```"))
            return kind, parts
        if kind == "thoughts":
            thoughts = self.reader.get(content, "thoughts", list, f"{field}.thoughts",
                                       required=False, default=[])
            texts = []
            for k, t in enumerate(thoughts):
                summary = self.reader.get(t, "summary", str, f"{field}.thoughts[{k}].summary",
                                          required=False, default="")
                body = self.reader.get(t, "content", str, f"{field}.thoughts[{k}].content",
                                       required=False, default="")
                texts.append("\n".join(s for s in (summary and f"**{summary}**", body) if s))
            return kind, [TextPart("\n\n".join(texts))]
        raw_parts = self.reader.get(content, "parts", list, f"{field}.parts", required=False)
        if raw_parts is None:
            for key in ("text", "result"):
                if isinstance(content.get(key), str) and content[key].strip():
                    return kind, [TextPart(content[key])]
            return kind, []
        for k, part in enumerate(raw_parts):
            pfield = f"{field}.parts[{k}]"
            if isinstance(part, str):
                if part:
                    parts.append(TextPart(part))
            elif isinstance(part, dict) and part.get("content_type") == "image_asset_pointer":
                parts.append(self.image(part, pfield))
            elif isinstance(part, dict) and isinstance(part.get("text"), str):
                parts.append(TextPart(part["text"]))
            elif part is not None and not isinstance(part, dict):
                self.reader.fail(pfield, "must be text or an object")
        return kind, parts

    def message(
        self, node_id: str, message: Any, parent_key: str | None, pending_reasoning: str
    ) -> tuple[MessageDraft | None, str]:
        """A draft for the node's message (None: skipped) and the reasoning still pending."""
        field = f"mapping.{node_id}.message"
        author = self.reader.get(message, "author", dict, f"{field}.author")
        role_name = self.reader.get(author, "role", str, f"{field}.author.role")
        role = _ROLES.get(role_name)
        if role is None:
            self.reader.fail(f"{field}.author.role", f"unknown role {role_name!r}")
        metadata = self.reader.get(message, "metadata", dict, f"{field}.metadata",
                                   required=False, default={})
        kind, parts = self.content(
            self.reader.get(message, "content", dict, f"{field}.content"), f"{field}.content"
        )
        if kind == "thoughts":
            text = parts[0].text if parts and isinstance(parts[0], TextPart) else ""
            joined = "\n\n".join(t for t in (pending_reasoning, text) if t)
            return None, joined
        hidden = bool(metadata.get("is_visually_hidden_from_conversation"))
        if (
            hidden or kind in ("reasoning_recap", "user_editable_context", "model_editable_context")
            or not parts or all(isinstance(p, TextPart) and not p.text.strip() for p in parts)
        ):
            return None, pending_reasoning
        created = self.reader.number(message, "create_time", f"{field}.create_time", 0.0,
                                     MAX_TIMESTAMP)
        finish = metadata.get("finish_details")
        status_name = message.get("status")
        draft = MessageDraft(
            key=node_id,
            parent_key=parent_key,
            role=role,
            parts=parts,
            created_at=float(created) if created is not None else self.fallback_time,
            model=metadata.get("model_slug") if isinstance(metadata.get("model_slug"), str)
            else None,
            provider="chatgpt" if role is Role.ASSISTANT else None,
            finish_reason=finish.get("type") if isinstance(finish, dict)
            and isinstance(finish.get("type"), str) else None,
            status=MessageStatus.COMPLETE if status_name in (None, "finished_successfully")
            else MessageStatus.INTERRUPTED,
        )
        if role is Role.ASSISTANT and pending_reasoning:
            draft.reasoning = pending_reasoning
            pending_reasoning = ""
        return draft, pending_reasoning


def _conversation(
    path: Path, raw: Any, index: int, files: AssetFiles, max_bytes: int
) -> ConversationDraft:
    outer = FieldReader(path, f"#{index + 1}")
    title = outer.get(raw, "title", str, "title", required=False, default="") or ""
    reader = FieldReader(path, f"#{index + 1} {title!r}")
    created = reader.timestamp(raw, "create_time", "create_time", default=0.0)
    updated = reader.timestamp(raw, "update_time", "update_time", default=created)
    mapping = reader.get(raw, "mapping", dict, "mapping")
    draft = ConversationDraft(title=title, created_at=created, updated_at=updated,
                              provider="chatgpt")
    roots = []
    for node_id, node in mapping.items():
        parent = reader.get(node, "parent", str, f"mapping.{node_id}.parent", required=False)
        if parent is None:
            roots.append(node_id)
        elif parent not in mapping:
            reader.fail(f"mapping.{node_id}.parent", f"names node {parent}, which is missing")
        children = reader.get(node, "children", list, f"mapping.{node_id}.children",
                              required=False, default=[])
        for child in children:
            if not isinstance(child, str):
                reader.fail(f"mapping.{node_id}.children", "must be a list of node ids")
            if child not in mapping:
                reader.fail(f"mapping.{node_id}.children", f"names node {child}, which is missing")
    if mapping and not roots:
        reader.fail("mapping", "has no root node (every node has a parent)")
    converter = _Converter(path, reader, files, max_bytes, created)
    kept_for: dict[str, str | None] = {}
    visited: set[str] = set()
    # (node id, key of the nearest kept ancestor, reasoning waiting for an assistant message)
    stack: list[tuple[str, str | None, str]] = [(r, None, "") for r in reversed(roots)]
    while stack:
        node_id, parent_key, pending = stack.pop()
        if node_id in visited:
            reader.fail(f"mapping.{node_id}", "is reached twice (the mapping is not a tree)")
        visited.add(node_id)
        node = mapping[node_id]
        message = node.get("message")
        key = parent_key
        if message is not None:
            made, pending = converter.message(node_id, message, parent_key, pending)
            if made is not None and made.role is Role.SYSTEM and parent_key is None \
                    and not draft.system_prompt and not draft.messages:
                draft.system_prompt = "\n\n".join(
                    p.text for p in made.parts if isinstance(p, TextPart)
                )
            elif made is not None:
                draft.messages.append(made)
                key = made.key
                if made.model and draft.model is None:
                    draft.model = made.model
        kept_for[node_id] = key
        children = [c for c in node.get("children") or [] if mapping[c].get("parent") == node_id]
        for child in reversed(children):
            stack.append((child, key, pending))
    if len(visited) != len(mapping):
        reader.fail("mapping", "has nodes that cannot be reached from its root")
    current = reader.get(raw, "current_node", str, "current_node", required=False)
    if current is not None:
        if current not in mapping:
            reader.fail("current_node", f"names node {current}, which is missing")
        draft.active_leaf_key = kept_for.get(current)
    return draft


def parse_chatgpt_export(
    path: Path, document: Any, *, max_attachment_bytes: int, files: AssetFiles | None = None,
    progress: Progress | None = None,
) -> list[ConversationDraft]:
    """Validate ChatGPT's conversations.json completely and turn it into drafts.

    Images are looked up in `files` (default: the folder holding `path`).
    """
    reader = FieldReader(path)
    if not isinstance(document, list):
        reader.fail("(top level)", "must be a list of conversations")
    files = files if files is not None else FolderAssets(path.parent)
    drafts = []
    for i, raw in enumerate(document):
        step(progress, i, len(document))
        drafts.append(_conversation(path, raw, i, files, max_attachment_bytes))
    return drafts
