"""The room server: everyone in the room works on the session from their own device.

``crisisdesk serve SESSION`` runs it as its own process (the console starts it as a
child), so a busy or crashed server never touches the console's clock. It reads and
writes through the session store only, exactly as the second observer window does.

- ``access.py``: the links (random tokens), the devices that joined through them,
  and what each kind of link may do.
- ``views.py``: what each kind of link may see, built from the session state.
- ``gateway.py``: the one thread that talks to the session store.
- ``live.py``: new events pushed to the pages (Server-Sent Events).
- ``app.py``: the routes and the guards (tokens, origin, sizes, rate, headers).
- ``control.py``: the parent's line protocol (stdin/stdout) and the ``serve`` entry.
"""
