"""Template tags and filters of the reader app (Django finds them here)."""
