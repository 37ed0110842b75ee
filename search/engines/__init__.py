"""Index engines behind one protocol (engine.py); Whoosh is the default."""
