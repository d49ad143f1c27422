"""SNApp: serial-number tracking from purchase order to end of life."""


def __getattr__(name: str) -> str:
    # The version is read from the installed package's metadata on first use, not on every
    # import of snapp: reading it costs a tenth of a whole command-line lookup.
    if name != "__version__":
        raise AttributeError(f"module 'snapp' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("snapp")
    except PackageNotFoundError:  # running from a source tree that was never installed
        found = "0.0.0"
    globals()["__version__"] = found
    return found
