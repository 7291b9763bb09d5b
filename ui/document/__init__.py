"""One open case and its undoable commands, each a thin layer over a domain verb."""
