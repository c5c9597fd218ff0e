"""Secrets in URLs and headers (API tokens, calendar feeds) are stored only as a hash."""

import hashlib


def hash_secret(token):
    """SHA-256 of the token: enough for a random 256-bit secret (no salt or slow hash needed,
    there is nothing to guess), and it lets a request find its token by one indexed lookup."""
    return hashlib.sha256(token.encode()).hexdigest()
