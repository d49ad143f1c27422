"""The HTTP API (`snapp serve`): the same application layer and services as the desktop and the command line."""

# What `snapp serve` prints that the desktop's Share setting reads back (kept here: importing it loads no server).
FINGERPRINT_LINE = "certificate fingerprint (SHA-256): "
LISTENING_LINE = "SNApp is listening at "  # printed once the socket is bound, so a client connecting next is answered
DEFAULT_PORT = 8470


def lan_address() -> str:
    """The address other devices on the LAN reach this PC by (the one its default route leaves from)."""
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: nothing is sent, it only picks the outgoing interface
            return probe.getsockname()[0]
        except OSError:
            return "127.0.0.1"
