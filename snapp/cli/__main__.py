"""``python -m snapp.cli``: the same command as ``snapp``."""

import sys

from snapp.cli import main

if __name__ == "__main__":
    sys.exit(main())
