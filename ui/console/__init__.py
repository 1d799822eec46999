"""GUI: the controller's console — the panels of the main window."""
