"""Who may see what: the four roles of the directory (see DOMAIN.md) and how a user gets one.

Members, coordinators and curators are Django groups; `ensure_groups` (run after every
`migrate`) creates them and gives curators every permission on the directory's data.
"""

import enum

from django.utils.translation import gettext_lazy as _

from . import registry


class Role(enum.IntEnum):
    PUBLIC = 0
    MEMBER = 1
    COORDINATOR = 2
    CURATOR = 3


GROUP_NAMES = {
    Role.MEMBER: "Mitglieder",
    Role.COORDINATOR: "Koordination",
    Role.CURATOR: "Redaktion",
}
ROLE_LABELS = {
    Role.PUBLIC: _("Public"),
    Role.MEMBER: _("Member"),
    Role.COORDINATOR: _("Coordinator"),
    Role.CURATOR: _("Curator"),
}


def role_of(user, ignore_second_factor=False):
    """The highest role of an active user; anonymous and group-less accounts are public.

    With NETZPOL_REQUIRE_2FA, a curator whose session has not passed the second factor
    (django-otp sets `is_verified` per request) counts as a coordinator until it has."""
    from django.conf import settings

    if user is None or not user.is_active or not user.is_authenticated:
        return Role.PUBLIC
    role = getattr(user, "_netzpol_role", None)
    if role is None:
        if user.is_superuser:
            role = Role.CURATOR
        else:
            # Loaded with the user by accounts.backends; asked for where it was not.
            names = getattr(user, "group_names", None)
            if names is None:
                names = user.groups.values_list("name", flat=True)
            names = set(names)
            role = max((r for r, name in GROUP_NAMES.items() if name in names), default=Role.PUBLIC)
        user._netzpol_role = role
    if (
        role == Role.CURATOR
        and not ignore_second_factor
        and settings.NETZPOL_REQUIRE_2FA
        and hasattr(user, "is_verified")
        and not user.is_verified()
    ):
        return Role.COORDINATOR
    return role


def ensure_groups(**kwargs):
    from django.contrib.auth.models import Group, Permission

    groups = {role: Group.objects.get_or_create(name=name)[0] for role, name in GROUP_NAMES.items()}
    # Every permission of the apps that registered as curated (registry.curate, from their
    # AppConfig.ready()); read-only admins refuse changes themselves.
    groups[Role.CURATOR].permissions.set(
        Permission.objects.filter(content_type__app_label__in=registry.curated_apps)
    )
    return groups


def role_required(role):
    """View decorator: anonymous users go to the login page, logged-in users below `role` get
    403 (a clear page, not a redirect loop).

    After the login a user comes back to the page asked for; from a form (a session that ended
    while a list was open, a "Merken" button), to the page the form was on: the form's own
    address only takes POST, and the browser would follow the login there with a GET."""
    from functools import wraps

    from django.contrib.auth.views import redirect_to_login
    from django.core.exceptions import PermissionDenied

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if role_of(request.user) >= role:
                return view(request, *args, **kwargs)
            if not request.user.is_authenticated:
                if request.method in ("GET", "HEAD"):
                    return redirect_to_login(request.get_full_path())
                return redirect_to_login(page_of_form(request))
            raise PermissionDenied

        return wrapped

    return decorator


def page_of_form(request):
    """The page a form was sent from: its `next` field, else the referrer, else the start
    page (only addresses on this site)."""
    from django.urls import reverse

    from .links import same_site

    next_field, referrer = request.POST.get("next", ""), request.headers.get("Referer", "")
    return same_site(request, next_field, referrer) or reverse("core:home")


def setting_rate(name):
    """A django-ratelimit rate read from `settings.<name>` at request time (tests change it)."""
    from django.conf import settings

    return lambda group, request: getattr(settings, name)


def rate_limit(rate_setting):
    """View decorator: at most `settings.<rate_setting>` requests per user (or per address for
    anonymous visitors), counted together for every view with the same setting; beyond that
    the 429 page (django-ratelimit)."""
    from django_ratelimit.decorators import ratelimit

    return ratelimit(
        group=rate_setting, key="user_or_ip", rate=setting_rate(rate_setting), block=True
    )
