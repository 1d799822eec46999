"""GUI: the observers' main courante (quick entry, log view, expected responses, hot wash)."""
