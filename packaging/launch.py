"""Entry point of the frozen app: the same `snapp` command a pip install gives."""

import sys

from snapp.cli import main

sys.exit(main())
