"""Step 3: the criteria table, proposed weights and what the group will not address."""
