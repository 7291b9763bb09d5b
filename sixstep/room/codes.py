"""The room's secrets: the short room code read off the projector and each phone's token."""

from __future__ import annotations

import hashlib
import hmac
import secrets

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: easy to read and type
CODE_LENGTH = 6
TOKEN_BYTES = 24


def new_room_code() -> str:
    """Six random characters of CODE_ALPHABET (about 887 million codes), never a counter."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_token() -> str:
    """A phone's secret: 24 random bytes, URL-safe base64 (32 characters)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def same_code(typed: str, code: str) -> bool:
    """Whether a typed room code is ``code`` (case and surrounding spaces ignored), compared in
    constant time."""
    return hmac.compare_digest(typed.strip().upper().encode("utf-8"), code.encode("utf-8"))


def token_digest(token: str) -> bytes:
    """What the hub keys a device by: the token's SHA-256, so a lookup leaks nothing useful."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).digest()
