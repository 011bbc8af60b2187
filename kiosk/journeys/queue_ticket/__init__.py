"""Queue tickets (取号): a number for a service window, with priority for those who need it."""
