"""Launch crisisdesk from a clone: ``python main.py [PACKAGE_OR_SESSION]``."""

from ui.launcher import main

if __name__ == "__main__":
    raise SystemExit(main())
