"""Sub-commands of the ``kiosk`` console script, one module each (``add_parser`` registers it)."""
