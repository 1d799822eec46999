"""``python -m crisisdesk.server SESSION …``: the same as ``crisisdesk serve SESSION …`` (how the console starts it)."""

import sys

from crisisdesk.cli import main

sys.exit(main(["serve", *sys.argv[1:]]))
