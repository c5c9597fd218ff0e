"""Two-factor authentication for curators and admin (django-otp): a TOTP app on the phone, and
ten single-use recovery codes. With NETZPOL_REQUIRE_2FA, a curator's session counts as a
curator only after a code; until then it is sent to enrol or verify."""

import base64
import io

import segno
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10


def required_for(user):
    """Whether this (authenticated) user must present a second factor."""
    from directory.core.roles import Role, role_of

    if not settings.NETZPOL_REQUIRE_2FA or not user.is_authenticated:
        return False
    return user.is_staff or role_of(user, ignore_second_factor=True) >= Role.CURATOR


def second_factor_missing(user):
    """Whether this user must still present a second factor in this session."""
    return user.is_authenticated and not user.is_verified() and required_for(user)


def pending_device(user):
    """The user's TOTP device being set up (created on first call)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator", confirmed=False)


def qr_code(device):
    """The device's otpauth:// URL as an SVG data URI (made here, no external service)."""
    buffer = io.BytesIO()
    segno.make(device.config_url).save(buffer, kind="svg", scale=5)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def secret(device):
    """The device's key in base32, for typing into an authenticator app by hand."""
    return base64.b32encode(device.bin_key).decode()


def new_recovery_codes(user):
    """Replace the user's recovery codes; returns them (shown once)."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name="Recovery codes")
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


class RequireSecondFactorMiddleware:
    """Admin and curator pages need a verified second factor (after OTPMiddleware)."""

    PROTECTED = ("/admin/", "/redaktion/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        # path_info, not path: a SCRIPT_NAME prefix ("/x/admin/...") must not hide admin.
        if request.path_info.startswith(self.PROTECTED) and second_factor_missing(user):
            # As for the login: the whole address, query string encoded, comes back as `next`.
            return redirect_to_login(request.get_full_path(), reverse("accounts:two_factor"))
        return self.get_response(request)
