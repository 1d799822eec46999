"""crisisdesk's Qt user interface: a thin layer of widgets and models over the core."""
