"""Tools for running the room: workshop details and people, the parking lot, the step timer
and five whys."""
