"""Entry point of the PyInstaller bundle: the same `switchboard` command as the console script."""

import sys

if __name__ == "__main__":
    if sys.argv[1:2] == ["--mermaid-worker"]:  # the diagram render process (mermaid.py)
        from desktop.core.rendering.mermaid_worker import main as render_diagrams

        sys.exit(render_diagrams())
    from desktop.cli import main

    sys.exit(main())
