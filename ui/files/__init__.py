"""Opening and saving case files, and crash recovery."""
