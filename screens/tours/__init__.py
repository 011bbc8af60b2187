"""One screenshot tour per journey: every step reached by touches, each photographed."""
