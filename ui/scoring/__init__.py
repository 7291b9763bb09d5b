"""Step 5: the score matrix, its view and chart, scoring setup and stability."""
