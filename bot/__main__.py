"""`python -m bot` behaves exactly like `provbot`."""

import sys

from bot.cli import main

sys.exit(main())
