"""The HTTP API (`snapp serve`): the same application layer and services as the desktop and the command line."""
