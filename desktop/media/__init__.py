"""Media work that needs QtGui but no widgets (image preparation), shared by the window and the CLI.

Sits between `desktop.core` (no Qt) and `desktop.ui` (widgets): it may import core and QtGui,
never `desktop.ui` or QtWidgets (tests/test_import_graph.py checks).
"""
