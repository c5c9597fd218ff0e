"""Making, checking and revoking personal API tokens. Nothing here is about HTTP."""

import hashlib
import hmac
import secrets

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ApiToken

PREFIX = "netzpol_"


def hash_secret(token):
    """SHA-256 of the token: enough for a random 256-bit secret (no salt or slow hash needed,
    there is nothing to guess), and it lets a request find its token by one indexed lookup."""
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(user, name, expires_on=None):
    """A new token for `user`: returns (ApiToken, the token text, shown to the user once)."""
    token = PREFIX + secrets.token_urlsafe(32)
    entry = ApiToken.objects.create(
        user=user,
        name=name,
        prefix=token[: len(PREFIX) + 4],
        secret_hash=hash_secret(token),
        expires_on=expires_on,
    )
    return entry, token


class TokenInvalid(Exception):
    """The token is unknown, revoked or expired, or its owner's account is inactive; the
    message says which, for the client."""


def check_token(token):
    """The ApiToken for a token text, with its owner loaded; raises TokenInvalid."""
    digest = hash_secret(token)
    entry = ApiToken.objects.select_related("user").filter(secret_hash=digest).first()
    # The lookup found the row by its hash; comparing again in constant time costs nothing.
    if entry is None or not hmac.compare_digest(entry.secret_hash, digest):
        raise TokenInvalid(_("Invalid token."))
    if entry.is_revoked:
        raise TokenInvalid(_("This token has been revoked."))
    if entry.is_expired:
        raise TokenInvalid(_("This token has expired."))
    if not entry.user.is_active:
        raise TokenInvalid(_("The token's account is inactive."))
    return entry


def revoke(entry):
    if entry.revoked_at is None:
        entry.revoked_at = timezone.now()
        entry.save(update_fields=["revoked_at"])
