"""Step 4: the list of alternatives, their causes and the brainstorming countdown."""
