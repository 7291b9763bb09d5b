"""Room mode without Qt: the room's state, its JSON protocol, its HTTP server and phone page."""
