"""newsreader engine."""
