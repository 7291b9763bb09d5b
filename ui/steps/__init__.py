"""The six steps' frame and navigator, and the pages of steps 1, 2 and 6."""
