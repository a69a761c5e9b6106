"""`python -m desktop` starts Switchboard (the GUI unless a subcommand is given)."""

import sys

from desktop.cli import main

sys.exit(main())
