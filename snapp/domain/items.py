"""What an item can be: how its units are tracked."""

from __future__ import annotations

TRACKING_MODES = ("serial", "batch", "none")
