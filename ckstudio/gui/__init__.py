"""The Qt application: windows, canvas, panels, undo commands, workshop mode."""
