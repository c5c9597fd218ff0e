"""Making, checking and revoking personal API tokens. Nothing here is about HTTP."""

import functools
import hmac
import secrets

from django.contrib.auth.models import Group
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef, Value
from django.utils import timezone
from django.utils.translation import gettext as _

from directory.core.compiled import CompiledQuerySet, Slot
from directory.core.hashing import hash_secret

from .models import ApiToken

PREFIX = "netzpol_"


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
    message says which, for the client. `entry` is the ApiToken when the token is known."""

    def __init__(self, message, entry=None):
        super().__init__(message)
        self.entry = entry


@functools.cache
def token_lookup():
    """The ApiToken with a hash, its owner and the owner's group names (for the role), in one
    query compiled once (core.compiled): every request with a token asks it, and building and
    compiling it cost more than the database takes to answer it."""
    owner_groups = Group.objects.filter(user=OuterRef("user_id")).values("name")
    return CompiledQuerySet(
        ApiToken.objects.select_related("user")
        .annotate(owner_groups=ArraySubquery(owner_groups))
        .filter(secret_hash=Value(Slot("hash")))
    )


def check_token(token):
    """The ApiToken for a token text, with its owner and the owner's group names (for the
    role, see core.roles.role_of) loaded in one query; raises TokenInvalid."""
    digest = hash_secret(token)
    entry = next(iter(token_lookup().run(hash=digest)), None)  # the hash is unique
    # The lookup found the row by its hash; comparing again in constant time costs nothing.
    if entry is None or not hmac.compare_digest(entry.secret_hash, digest):
        raise TokenInvalid(_("Invalid token."))
    entry.user.group_names = entry.owner_groups
    if entry.is_revoked:
        raise TokenInvalid(_("This token has been revoked."), entry)
    if entry.is_expired:
        raise TokenInvalid(_("This token has expired."), entry)
    if not entry.user.is_active:
        raise TokenInvalid(_("The token's account is inactive."), entry)
    return entry


def revoke(entry):
    if entry.revoked_at is None:
        entry.revoked_at = timezone.now()
        entry.save(update_fields=["revoked_at"])
