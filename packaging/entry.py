"""Entry point of the PyInstaller bundle: the same `switchboard` command as the console script."""

import multiprocessing
import sys

if __name__ == "__main__":
    # Formulas are typeset in a spawned child process (core/rendering/math_process.py): in
    # the frozen bundle that child starts this executable, which must hand over to it here.
    multiprocessing.freeze_support()
    if sys.argv[1:2] == ["--mermaid-worker"]:  # the diagram render process (mermaid.py)
        from desktop.core.rendering.mermaid_worker import main as render_diagrams

        sys.exit(render_diagrams())
    from desktop.cli import main

    sys.exit(main())
