"""`python -m snapp`: the same as the `snapp` command."""

import sys

from snapp.cli import main

sys.exit(main())
