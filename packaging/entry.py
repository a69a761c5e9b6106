"""Entry point of the PyInstaller bundle: the same `switchboard` command as the console script."""

import multiprocessing
import sys

from desktop.cli import main

if __name__ == "__main__":
    # Formulas are typeset in a spawned child process (core/rendering/math_process.py): in
    # the frozen bundle that child starts this executable, which must hand over to it here.
    multiprocessing.freeze_support()
    sys.exit(main())
