"""What every part of the interface shares: the theme and the settings."""
