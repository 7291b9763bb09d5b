"""The six step pages of the workshop window, one module each."""
