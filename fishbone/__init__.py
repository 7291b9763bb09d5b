"""Cause-and-effect (fishbone) diagram: the model, its layout geometry. No Qt."""
