"""Opening the session to the room: the console's dialog over the room server (crisisdesk/server)."""
