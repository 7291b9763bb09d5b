"""Run the app or its command line: ``python -m ui``."""

import sys

from ui.cli import main

sys.exit(main())
