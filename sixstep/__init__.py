"""The six-step problem-solving case, its file format and the scoring engine. No Qt."""
