"""Everything that does not need Qt: API client, storage, settings, secrets.

Nothing below this package may import PySide6 (tests/core/test_core_is_qt_free.py checks it).
"""
