"""SNApp: serial-number tracking from purchase order to end of life."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("snapp")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
