"""Device plugins: interfaces, real drivers and their simulated twins. Knows nothing of screens."""
