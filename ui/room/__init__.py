"""Room mode: phones in the room join over the local network and send ideas, dots and scores."""
