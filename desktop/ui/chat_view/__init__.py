"""The chat view: a virtualised list of message cards with streaming rendering."""

from desktop.ui.chat_view.view import ChatView

__all__ = ["ChatView"]
