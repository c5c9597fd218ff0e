"""`Authorization: Bearer <token>`: the request acts as the token's owner, in the owner's role.

A token is no second factor: where curators need one (NETZPOL_REQUIRE_2FA), a curator's token
sees what a coordinator sees (`core.roles.role_of` asks `is_verified`)."""

from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions

from .tokens import TokenInvalid, check_token


class BearerTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode("latin-1").split()
        if not header or header[0].lower() != self.keyword.lower():
            return None  # anonymous: the public part
        try:
            if len(header) != 2:
                raise TokenInvalid(_("Malformed Authorization header: use “Bearer <token>”."))
            token = check_token(header[1])
        except TokenInvalid as error:
            # Logged as any token request (ApiView.log): with the token and its owner when the
            # token is known (revoked, expired), never with what the client sent.
            request._request.refused_token = error.entry
            raise exceptions.AuthenticationFailed(str(error)) from None
        user = token.user
        user.is_verified = lambda: False
        return user, token

    def authenticate_header(self, request):
        return f'{self.keyword} realm="api"'
