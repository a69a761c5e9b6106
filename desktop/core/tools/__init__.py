"""Tools the model may call: the contract (`contract`), MCP servers, and the tool-call loop."""
