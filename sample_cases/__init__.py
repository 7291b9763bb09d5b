"""Sample workshop cases shipped with the app, read through importlib.resources."""
