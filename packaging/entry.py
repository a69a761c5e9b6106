"""Entry point of the PyInstaller bundle: the same `switchboard` command as the console script."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
