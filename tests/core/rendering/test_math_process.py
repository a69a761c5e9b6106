"""Typesetting in the child process: the same SVG as in this process, errors passed back."""

from __future__ import annotations

import pytest

from desktop.core.rendering.math_process import TypesetProcess
from desktop.core.rendering.math_svg import MathError, render_svg


def test_the_child_typesets_what_this_process_would() -> None:
    process = TypesetProcess()
    try:
        typeset = process.typeset("\\frac{a}{b}", False, 18.0)
        assert typeset == render_svg("\\frac{a}{b}", display=False, size=18.0)
        with pytest.raises(MathError, match="Unknown command"):
            process.typeset("\\nosuchcommand", False, 18.0)
        assert process.typeset("x", True, 18.0).width > 0  # still running after an error
    finally:
        process.shutdown()
