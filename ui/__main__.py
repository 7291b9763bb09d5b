"""Run the app or its command line: ``python -m ui``."""

import sys

from ui.app.cli import main

sys.exit(main())
