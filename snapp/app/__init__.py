"""What every front end (desktop, command line, HTTP) needs and none should own."""
