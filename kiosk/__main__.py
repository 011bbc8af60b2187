"""``python -m kiosk`` runs the console script."""

import sys

from kiosk.cli import main

sys.exit(main())
