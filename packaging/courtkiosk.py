"""The bundle's executable: the ``kiosk`` console script, frozen (``courtkiosk --config … run``)."""

import sys

from kiosk.cli import main

if __name__ == "__main__":
    sys.exit(main())
