"""The site's secret links: each is a random token sent once (an invitation, an offer,
a personal assessment link, a calendar feed, a newsletter subscription), and where the
link grants something only its SHA-256 hash is stored, so a leaked database opens
nothing."""

import hashlib
import secrets

TOKEN_BYTES = 32


def new_token(nbytes: int = TOKEN_BYTES) -> str:
    """A URL-safe random token of `nbytes` random bytes (43 characters for 32)."""
    return secrets.token_urlsafe(nbytes)


def hash_token(token: str) -> str:
    """What is stored for `token`: its SHA-256 in hex (64 characters), looked up again
    by hashing the token a link brings back."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
