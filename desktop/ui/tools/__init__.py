"""The tools side of the window: MCP servers (Settings → Tools)."""
