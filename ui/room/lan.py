"""The laptop's address on the local network, for the phones to reach the room."""

from __future__ import annotations

import ipaddress
import socket

FALLBACK = "127.0.0.1"
_PROBE = ("192.0.2.1", 9)  # a documentation address: a UDP "connect" sends no packet


def lan_address() -> str:
    """The address this machine would use to reach the local network; 127.0.0.1 when it
    has none (no network at all). Nothing is sent: connecting a UDP socket only picks the
    route."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(_PROBE)
            address = str(probe.getsockname()[0])
    except OSError:
        return FALLBACK
    try:
        if ipaddress.ip_address(address).is_unspecified:
            return FALLBACK
    except ValueError:
        return FALLBACK
    return address
