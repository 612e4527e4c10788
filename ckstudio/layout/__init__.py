"""The tidy tree layout and the map drawing shared by every output (pure Python, no Qt)."""
