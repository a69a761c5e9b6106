"""The sidebar's conversation list: item model, delegate and view (no widget per row)."""

from desktop.ui.conversation_list.delegate import ConversationDelegate
from desktop.ui.conversation_list.model import ConversationListModel, ConversationRoles
from desktop.ui.conversation_list.view import ConversationListView

__all__ = ["ConversationDelegate", "ConversationListModel", "ConversationListView",
           "ConversationRoles"]
