"""One function per user action, each one unit of work (see `snapp.services.base`)."""
