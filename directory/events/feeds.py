"""A member's personal calendar feed: a secret URL that calendar apps subscribe to without
logging in. The URL's token is stored only as a hash (`core.hashing`, as API tokens); it is
shown once, when it is made. Making a new one revokes the old; revoked or unknown tokens and
inactive accounts get 404. The feed holds what the owner's role may see (`visible_to`), as
without a second factor (a curator's feed sees what a coordinator sees where 2FA is required,
as with API tokens)."""

import datetime
import hmac
import secrets

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from icalendar import Calendar

from directory.core.hashing import hash_secret
from directory.core.roles import Role, rate_limit, role_required
from directory.core.views import post_only

from .calendar import calendar_entry
from .models import CalendarFeed, Event

PREFIX = "kal_"
# The feed holds events from this long ago onwards (past ones keep their minutes' dates in
# the calendar for a while), and at most this many.
PAST_DAYS = 90
MAX_EVENTS = 500


def active_feed(user):
    return CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).first()


@transaction.atomic
def create_feed(user):
    """A new feed for `user`, revoking any earlier one: returns (CalendarFeed, token)."""
    revoke_feeds(user)
    token = PREFIX + secrets.token_urlsafe(32)
    feed = CalendarFeed.objects.create(
        user=user, prefix=token[: len(PREFIX) + 4], secret_hash=hash_secret(token)
    )
    return feed, token


def revoke_feeds(user):
    return CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


def feed_for(token):
    """The active feed of an active account for the token text, or None."""
    digest = hash_secret(token)
    feed = (
        CalendarFeed.objects.select_related("user")
        .filter(secret_hash=digest, revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if feed is None or not hmac.compare_digest(feed.secret_hash, digest):
        return None
    return feed


def feed_events(user, now=None):
    """The events `user` may see, from PAST_DAYS ago onwards, soonest first."""
    now = now or timezone.now()
    return (
        Event.objects.visible_to(user)
        .upcoming(now - datetime.timedelta(days=PAST_DAYS))
        .select_related("format")
        .order_by("starts_at", "pk")[:MAX_EVENTS]
    )


def feed_url(token):
    return settings.NETZPOL_SITE_URL.rstrip("/") + reverse("events:feed", args=[token])


# --- views ----------------------------------------------------------------------------------


@never_cache
@rate_limit("NETZPOL_RATE_PAGES")
def feed(request, token):
    found = feed_for(token)
    if found is None:
        raise Http404
    user = found.user
    # A token is no second factor (see the module's docstring).
    user.is_verified = lambda: False
    calendar = Calendar()
    calendar.add("prodid", "-//NetZPol//Veranstaltungen//DE")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "NetZPol")
    site = settings.NETZPOL_SITE_URL.rstrip("/")
    for event in feed_events(user):
        calendar.add_component(calendar_entry(event, site + event.get_absolute_url()))
    # Last used, to the minute: calendar apps poll often, the row need not be written each time.
    now = timezone.now()
    if found.last_used_at is None or now - found.last_used_at > datetime.timedelta(minutes=1):
        CalendarFeed.objects.filter(pk=found.pk).update(last_used_at=now)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="netzpol.ics"'
    response["X-Robots-Tag"] = "noindex"
    return response


@role_required(Role.MEMBER)
@rate_limit("NETZPOL_RATE_PAGES")
def manage(request):
    """The user's feed: make (or replace) it, revoke it. A new URL is shown once."""
    new_url = None
    if request.method == "POST":
        _feed, token = create_feed(request.user)
        new_url = feed_url(token)
        messages.success(request, _("Your calendar feed has been created."))
    return render(
        request,
        "events/feed.html",
        {"feed": active_feed(request.user), "new_url": new_url},
    )


@role_required(Role.MEMBER)
@post_only
def revoke(request):
    if revoke_feeds(request.user):
        messages.success(
            request, _("Your calendar feed has been revoked: its URL no longer works.")
        )
    return redirect("events:feed_manage")
