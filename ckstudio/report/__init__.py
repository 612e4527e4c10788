"""The PDF workshop report, drawn from the model and the map drawing (pure Python, no Qt)."""
