"""Drawing the fishbone with QPainter: boxes, lines and the key, for canvas and exports."""
