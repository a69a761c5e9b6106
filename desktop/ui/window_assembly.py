"""The composition root: builds the window's controllers once the history is open and wires
every part to its neighbours with signals, as qutebrowser's mainwindow does.

No other module imports `MainWindow`; controllers get the narrow parts they use, widgets
know no controller, and views follow the open-conversation state and the store's events.
"""

from __future__ import annotations

import asyncio
import linecache
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt

from desktop import APP_NAME
from desktop.core.api.limits import ResponseLimits
from desktop.core.chat_service import ChatService
from desktop.core.compare_service import CompareService
from desktop.core.key_access import KeyAccess
from desktop.core.model_catalog import ModelCatalog
from desktop.core.model_choices import RowKind
from desktop.core.paths import DataDir
from desktop.core.settings import Settings
from desktop.core.store.changes import ConversationField, StoreChanges
from desktop.core.store.compare_ops import CompareTarget
from desktop.core.store.errors import NotFoundError
from desktop.core.store.models import Conversation
from desktop.core.store.store import Store
from desktop.core.tools.hub import McpHub
from desktop.core.window_state import WindowState
from desktop.ui.about_dialog import AboutDialog
from desktop.ui.attachment_sender import VisionCheck
from desktop.ui.balance_watch import BalanceWatch
from desktop.ui.chat_target import ChatTarget
from desktop.ui.compare.compare_controller import CompareController
from desktop.ui.composer_drafts import ComposerDrafts
from desktop.ui.conversation_list.refresher import ConversationListRefresher
from desktop.ui.conversation_opener import ConversationOpener
from desktop.ui.dictation.controller import DictationController
from desktop.ui.exchange_runner import ExchangeRunner
from desktop.ui.history_tools import HistoryTools
from desktop.ui.image_edit.controller import ImageEditController
from desktop.ui.image_generation_controller import ImageGenerationController
from desktop.ui.knowledge.wiring import KnowledgeWiring, knowledge_of
from desktop.ui.main_window import MainWindow
from desktop.ui.message_actions import MessageActions
from desktop.ui.message_editing import MessageEditing
from desktop.ui.open_conversation import OpenConversation
from desktop.ui.provider_wiring import ProviderWiring
from desktop.ui.read_aloud_wiring import ReadAloudWiring
from desktop.ui.search_results import SearchBridge
from desktop.ui.send_estimate import SendEstimate
from desktop.ui.sidebar_actions import SidebarActions
from desktop.ui.store_events import StoreEvents
from desktop.ui.studio.wiring import StudioWiring
from desktop.ui.task_runner import TaskRunner
from desktop.ui.tool_exchange import ToolTurns, hub_servers
from desktop.ui.tools.tools_dialog import ToolsDialog
from desktop.ui.usage.tools import UsageTools


@dataclass
class WindowParts:
    """Everything the composition root built, for the app's shut-down and for tests."""

    state: OpenConversation
    drafts: ComposerDrafts
    editing: MessageEditing
    opener: ConversationOpener
    exchanges: ExchangeRunner
    images: ImageGenerationController
    messages: MessageActions
    sidebar: SidebarActions
    providers: ProviderWiring
    search: SearchBridge
    read_aloud: ReadAloudWiring
    tasks: TaskRunner
    store_events: StoreEvents
    conversation_list: ConversationListRefresher
    history: HistoryTools
    tool_hub: McpHub
    tool_turns: ToolTurns
    compare: CompareController | None = None
    studio: StudioWiring | None = None
    image_edits: ImageEditController | None = None  # "Edit image…" / "Variations…"
    dictation: DictationController | None = None  # the composer's microphone button
    usage: UsageTools | None = None
    balances: BalanceWatch | None = None
    knowledge: KnowledgeWiring | None = None  # knowledge bases: attach, sources, dialog
    stop_renderers: Callable[[], None] = lambda: None  # formula and diagram processes

    async def shutdown(self) -> None:
        """Stop streams (keeping what arrived), do pending deletes, close the clients."""
        self.drafts.save()
        self.store_events.close()
        self.search.close()
        self.read_aloud.read_aloud.stop()
        await self.exchanges.shutdown()
        await self.sidebar.shutdown()
        await self.tool_hub.close()  # MCP servers stop with the window
        if self.studio is not None:
            await self.studio.shutdown()  # Studio polling stops; it resumes next time
        if self.knowledge is not None:
            self.knowledge.shutdown()  # indexing stops; what it embedded is kept
        await self.tasks.drain()  # model lists, probes, speech: nothing left pending
        self.stop_renderers()  # their child processes end with the window


def assemble(window: MainWindow, store: Store, service: ChatService, settings: Settings,
             window_state: WindowState, *, tool_hub: McpHub | None = None) -> WindowParts:
    """Build the controllers for an opened history and connect them to the window."""
    pane, view, sidebar, tasks = window.chat, window.chat.chat_view, window.sidebar, window.tasks

    def status(text: str) -> None:
        window.statusBar().showMessage(text, 8000)

    state = OpenConversation(window)
    drafts = ComposerDrafts(state, pane.composer, pane.attachments, window_state, tasks, window)
    editing = MessageEditing(state, pane, store.attachment_path, window)
    opener = ConversationOpener(state, store, service, tasks, drafts, editing, status, window)
    registry = service.providers
    keys = service.secrets if isinstance(service.secrets, KeyAccess) else KeyAccess()
    providers = ProviderWiring(
        picker=pane.model_picker, panel=window.parameters, registry=registry, keys=keys,
        catalog=ModelCatalog(registry.path.parent), store=store, tasks=tasks,
        settings=settings, dialog_parent=window, parent=window)
    providers.status_message.connect(window.statusBar().showMessage)
    studio = StudioWiring(store=store, client_for=service.client_for, registry=registry,
                          tasks=tasks, sidebar=sidebar, splitter=window.splitter, chat=pane,
                          focus=pane.composer, side_panel=window.parameters, status=status,
                          window=window)
    providers.welcome_changed.connect(studio.area.welcome_changed)
    # The Studio's provider pickers follow the Providers dialog while it is open.
    providers.editor.providers_changed.connect(studio.view.form.refresh_providers)
    window.providers_action.triggered.connect(lambda: providers.open_providers())
    target = ChatTarget(pane, window.parameters, registry,
                        pane.model_picker.open_popup, window)
    vision = VisionCheck(window, tasks, lambda: providers.catalog)

    def model_vision() -> tuple[str, bool]:
        """The chosen model and whether it is known to see images (for scanned PDFs)."""
        selected = pane.selected_target()
        model = selected[1] if selected else ""
        return model, bool(model) and vision.has_vision(model)

    pane.attachments.model_vision = model_vision
    exchanges = ExchangeRunner(state, store, service, tasks, pane, target, drafts, editing,
                               opener, vision, window)
    images = ImageGenerationController(exchanges, state, pane, settings,
                                       lambda: providers.catalog, window)
    image_edits = ImageEditController(exchanges, state, pane, view.area.images,
                                      lambda: [p.name for p in registry.list()],
                                      images.image_model, images.is_image_reply, window)
    messages = MessageActions(state, store, tasks, opener, exchanges, status, window)
    actions = SidebarActions(store, tasks, sidebar.model, opener, exchanges, drafts, status,
                             window.undo_bar.offer, lambda: dict(sidebar.list_view.folders),
                             window, window)
    search = SearchBridge(store.path, window)

    def provider_of_chat() -> str:
        selected = pane.selected_target()
        return selected[0] if selected else ""

    dictation = DictationController(pane.dictation_button, pane.composer, service, settings,
                                    tasks, provider_of_chat, pane.show_notice, window)
    read_aloud = ReadAloudWiring(view=view, state=state, store=store, service=service,
                                 settings=settings, tasks=tasks, provider=provider_of_chat,
                                 status=status, settings_action=window.speech_action,
                                 dialog_parent=window)
    store_events = StoreEvents(store, window)
    conversation_list = ConversationListRefresher(store, sidebar.model, sidebar.list_view,
                                                  tasks, parent=window)
    history = HistoryTools(store, tasks, status, window, window)
    if tool_hub is None:  # the app reads mcp_servers.json off the UI thread (gui_session)
        tool_hub = McpHub.open(store.data_dir.root)  # servers start when first needed
    tool_turns = ToolTurns(
        state, store, service, tool_hub, tool_hub, tasks,
        max_steps=lambda: int(settings.get("tools.max_steps")),
        show_tool_state=view.set_tool_state, notice=pane.show_notice,
        send_without_tools=exchanges.regenerate_without_tools,
        servers=hub_servers(tool_hub), parent=window)
    exchanges.tool_turns = tool_turns
    compare = _compare_controller(window, state, service, exchanges, opener)
    parts = WindowParts(state, drafts, editing, opener, exchanges, images, messages, actions,
                        providers, search, read_aloud, tasks, store_events, conversation_list,
                        history, tool_hub, tool_turns, compare, studio, image_edits,
                        dictation)
    _add_costs(window, parts, store, service, keys, settings)
    parts.knowledge = KnowledgeWiring(
        state, store, knowledge_of(service, store.data_dir.root, settings), tasks,
        pane.kb_choice, view.area.kb_sources, settings,
        lambda: [profile.name for profile in registry.list()],
        lambda provider: providers.catalog.models(provider), window, window)
    parts.knowledge.failed.connect(pane.show_notice)
    window.knowledge_action.triggered.connect(parts.knowledge.open_dialog)
    store_events.changed.connect(parts.knowledge.on_store_changed)
    view.set_image_source(store.attachment_path)
    pane.compare_view.set_image_source(store.attachment_path)
    view.area.files.failed.connect(pane.show_notice)  # a document that would not open
    _connect_state(window, parts)
    _connect_compare(window, parts)
    _connect_requests(window, parts)
    window.saving_state.connect(drafts.save)
    window.about_action.triggered.connect(lambda: _show_about(window, store.data_dir, tasks))
    window.tools_action.triggered.connect(lambda: _show_tools(window, tool_hub, tasks))
    parts.stop_renderers = view.shutdown_renderers
    window.shutdown = parts.shutdown
    window.history_ready()
    read_aloud.sweep()
    providers.update_welcome()
    opener.new_conversation()
    _reopen_last(parts, store, window_state)
    conversation_list.reload()
    studio.start()
    # PySide's `__feature__` import hook reads the source of every module imported after it
    # (inspect.getsource) into `linecache`: ~10 MB of text for the ~370 modules loaded by
    # now, which nothing needs (a traceback reads its lines again).
    linecache.clearcache()
    return parts


def _compare_controller(window: MainWindow, state: OpenConversation, service: ChatService,
                        exchanges: ExchangeRunner, opener: ConversationOpener
                        ) -> CompareController:
    """Compare (issue 18): the composer's Compare, compare mode and the columns."""
    pane, panel = window.chat, window.parameters

    def choices() -> list[tuple[str, str]]:
        rows = pane.model_picker.shown_rows()
        found = [(r.provider, r.model) for r in rows if r.kind is RowKind.MODEL]
        return list(dict.fromkeys(found))

    def current() -> CompareTarget | None:
        selected = pane.selected_target()
        if selected is None or not selected[0] or not selected[1]:
            return None
        return CompareTarget(selected[0], selected[1], panel.parameters())

    return CompareController(state, CompareService(service), exchanges, pane, opener,
                             window.tasks, choices=choices, current=current,
                             system_prompt=panel.system_prompt_text, parent=window)


def _connect_compare(window: MainWindow, parts: WindowParts) -> None:
    """A message's actions in a compare column do what they do in the chat view."""
    columns, reading = window.chat.compare_view, parts.read_aloud.read_aloud
    columns.copy_requested.connect(parts.messages.copy)
    columns.delete_requested.connect(parts.messages.delete)
    columns.read_aloud_requested.connect(reading.toggle)
    columns.delete_requested.connect(lambda _id: reading.stop())  # as in the chat view
    reading.reading_changed.connect(columns.set_reading)


def _reopen_last(parts: WindowParts, store: Store, window_state: WindowState) -> None:
    """Open the conversation that was open at the last exit, if it still exists and the user
    has not gone elsewhere meanwhile."""
    last = window_state.get("open_conversation")
    untouched = parts.state.generation
    if not isinstance(last, int) or isinstance(last, bool):
        return

    async def exists() -> bool:
        try:
            conversation = await asyncio.to_thread(store.get_conversation, last)
        except NotFoundError:
            return False
        return not conversation.archived

    def reopen(found: bool) -> None:
        if found and parts.state.generation == untouched:
            parts.opener.open_conversation(last)

    parts.tasks.start(exists(), name="reopen the last conversation", on_success=reopen)


def _connect_state(window: MainWindow, parts: WindowParts) -> None:
    """Views follow the open-conversation state."""
    state, pane, view = parts.state, window.chat, window.chat.chat_view
    list_view = window.sidebar.list_view
    state.path_shown.connect(view.set_conversation)
    state.older_shown.connect(view.prepend_messages)
    state.message_appended.connect(view.append_message)
    state.message_updated.connect(view.update_message)
    state.stream_event.connect(view.apply_event)
    state.reply_status.connect(view.set_reply_status)
    state.scroll_requested.connect(view.scroll_to_message)
    state.streaming_changed.connect(pane.set_streaming)
    state.editing_changed.connect(lambda message_id: pane.set_editing(message_id is not None))

    def show_title(title: str) -> None:
        shown = title or pane.tr("New conversation")
        pane.title.setText(shown)
        pane.title.setToolTip(shown)
        window.setWindowTitle(f"{shown} — {APP_NAME}")

    state.title_changed.connect(show_title)
    bridge = window.settings_bridge
    bridge.follow("ui.language", pane, lambda _lang: show_title(state.title), now=False)
    cache = parts.read_aloud.cache
    bridge.follow("speech.cache_mb", window,
                  lambda mb: setattr(cache, "max_bytes", int(mb) * 1_000_000), now=False)
    state.id_changed.connect(list_view.select_conversation)
    state.id_changed.connect(parts.providers.open_id_changed)
    picker = window.chat.model_picker
    picks_at_open = [picker.picks]
    state.opened.connect(lambda _cid: picks_at_open.__setitem__(0, picker.picks))
    state.conversation_loaded.connect(lambda c: _show_model_of(window, c, picks_at_open[0]))

    def opened(conversation_id: int | None) -> None:
        pane.clear_notice()
        pane.composer.setFocus()
        parts.providers.conversation_opened(conversation_id)

    state.opened.connect(opened)
    events = parts.store_events.changed
    events.connect(parts.conversation_list.on_store_changed)
    events.connect(parts.search.on_store_changed)
    events.connect(parts.read_aloud.store_changed_slot())
    events.connect(lambda changes: _follow_store(parts, changes))
    parts.exchanges.streaming_changed.connect(window.sidebar.model.set_streaming)
    parts.exchanges.streaming_changed.connect(parts.providers.streaming_changed)
    parts.exchanges.key_missing.connect(parts.providers.ask_for_key)


def _follow_store(parts: WindowParts, changes: StoreChanges) -> None:
    """What the open conversation takes from a store change made elsewhere."""
    open_id = parts.state.conversation_id
    if open_id is not None and open_id in changes.conversations_updated and (
            ConversationField.TITLE in changes.conversation_fields):
        parts.opener.refresh_title(open_id)
    if changes.everything and open_id is not None and not parts.exchanges.busy(open_id):
        parts.opener.reload(open_id)


def _add_costs(window: MainWindow, parts: WindowParts, store: Store, service: ChatService,
               keys: KeyAccess, settings: Settings) -> None:
    """The usage view, the composer's pre-send estimate and the balances (issue 18)."""
    pane, tasks, state, registry = window.chat, parts.tasks, parts.state, service.providers
    providers, exchanges = parts.providers, parts.exchanges
    parts.usage = usage = UsageTools(
        store, registry, tasks, lambda text: window.statusBar().showMessage(text, 8000),
        window, window)
    window.usage_action.triggered.connect(lambda: usage.show_usage())
    usage.open_conversation.connect(parts.opener.open_conversation)
    parts.store_events.changed.connect(usage.store_changed)
    estimate = SendEstimate(pane.estimate, pane.composer, pane.attachments,
                            lambda: list(state.messages.values()), pane.selected_target,
                            window.parameters.system_prompt_text, registry, tasks, window)
    state.path_shown.connect(estimate.schedule)
    pane.model_picker.selection_changed.connect(estimate.schedule)
    providers.editor.providers_changed.connect(estimate.forget_prices)
    parts.balances = balances = BalanceWatch(
        registry, keys, tasks, pane.model_picker, pane.balance_warning,
        providers.editor.remember_balance_api, pane.show_notice,
        shown_action=pane.notice_action.text, limits=ResponseLimits.from_settings(settings),
        parent=window)
    exchanges.streaming_changed.connect(balances.after_send)
    exchanges.balance_exhausted.connect(balances.balance_exhausted)
    pane.notice_action_requested.connect(balances.notice_action)
    balances.show_balance_requested.connect(lambda name: _show_balance(providers, name))
    providers.editor.providers_changed.connect(balances.update_views)


def _show_balance(providers: ProviderWiring, name: str) -> None:
    """Open Providers at `name` and ask for its balance (the low-balance warning, a 403)."""
    dialog = providers.open_providers()
    if name in dialog.names():
        dialog.select(name)
        dialog.balance.refresh()


def _show_about(window: MainWindow, data_dir: DataDir, tasks: TaskRunner) -> None:
    dialog = AboutDialog(data_dir.root, data_dir.logs / "switchboard.log", tasks, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


def _show_tools(window: MainWindow, hub: McpHub, tasks: TaskRunner) -> None:
    existing = window.findChild(ToolsDialog, "toolsDialog")
    if isinstance(existing, ToolsDialog) and existing.isVisible():
        existing.raise_()
        return
    dialog = ToolsDialog(hub, tasks, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


def _show_model_of(window: MainWindow, conversation: Conversation, picks_at_open: int) -> None:
    """Opening a conversation shows its model in the picker, unless the user picked one
    while it loaded: that pick is already saved on it and stands (it was undone, then
    written over with the old model)."""
    picker = window.chat.model_picker
    if conversation.provider and conversation.model and picker.picks == picks_at_open:
        picker.set_selection(conversation.provider, conversation.model)


def _connect_requests(window: MainWindow, parts: WindowParts) -> None:
    """What the user asks of the widgets goes to the controller that does it."""
    pane, view, sidebar = window.chat, window.chat.chat_view, window.sidebar
    exchanges, editing, opener = parts.exchanges, parts.editing, parts.opener
    pane.send_requested.connect(exchanges.send)
    pane.stop_requested.connect(exchanges.stop)
    pane.composer.edit_last_requested.connect(editing.edit_last)
    pane.composer.escape_pressed.connect(exchanges.escape)
    pane.cancel_edit_button.clicked.connect(editing.cancel)
    view.copy_requested.connect(parts.messages.copy)
    view.edit_requested.connect(editing.edit)
    view.regenerate_requested.connect(exchanges.regenerate)
    view.retry_requested.connect(exchanges.regenerate)
    view.continue_requested.connect(exchanges.continue_reply)
    view.delete_requested.connect(parts.messages.delete)
    view.branch_requested.connect(parts.messages.switch_branch)
    turns, choice = parts.tool_turns, pane.tool_choice
    view.tool_decision.connect(turns.decide)
    pane.notice_action_requested.connect(turns.notice_action)
    choice.menu_opening.connect(turns.refresh_servers)
    choice.choice_changed.connect(turns.set_choice)
    choice.manage_requested.connect(window.tools_action.trigger)
    turns.choice_changed.connect(choice.set_choice)
    turns.servers_changed.connect(choice.set_servers)
    lst, actions = sidebar.list_view, parts.sidebar
    lst.open_requested.connect(opener.open_conversation)
    lst.delete_requested.connect(actions.delete_conversation)
    lst.pin_requested.connect(actions.set_pinned)
    lst.archive_requested.connect(actions.set_archived)
    lst.move_requested.connect(actions.move_to_folder)
    lst.new_folder_requested.connect(actions.move_to_new_folder)
    lst.export_requested.connect(actions.export_conversation)
    lst.folder_rename_requested.connect(actions.rename_folder)
    lst.folder_delete_requested.connect(actions.delete_folder)
    sidebar.model.rename_requested.connect(actions.rename)
    sidebar.results_view.open_requested.connect(opener.open_search_result)
    sidebar.new_chat_requested.connect(opener.new_conversation)
    window.new_conversation_requested.connect(opener.new_conversation)

    def export_open() -> None:
        if parts.state.conversation_id is not None:
            actions.export_conversation(parts.state.conversation_id)

    window.export_requested.connect(export_open)
    history = parts.history
    window.import_action.triggered.connect(lambda: history.import_history())
    window.export_all_action.triggered.connect(lambda: history.export_all())
    window.backup_action.triggered.connect(history.backup_now)
    window.restore_action.triggered.connect(history.choose_restore)

    def open_first_imported(ids: list[int]) -> None:
        if ids:
            opener.open_conversation(ids[0])

    history.imported.connect(open_first_imported)
    sidebar.search_changed.connect(parts.search.search)
    parts.search.results_ready.connect(sidebar.show_results)
    parts.search.failed.connect(sidebar.show_search_error)
