"""The HTTP API (`snapp serve`): the same application layer and services as the desktop and the command line."""

# What `snapp serve` prints that the desktop's Share setting reads back (kept here: importing it loads no server).
FINGERPRINT_LINE = "certificate fingerprint (SHA-256): "
LISTENING_LINE = "SNApp is listening at "  # printed once the socket is bound, so a client connecting next is answered
