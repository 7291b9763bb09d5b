"""The application: start-up, the main window, the start screen and the command line."""
