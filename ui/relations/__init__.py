"""Step 2's relations diagram: causes as boxes, "this drives that" arrows, drivers, outcomes."""
