"""An event as an iCalendar file (.ics) for the user's calendar."""

import datetime

from django.conf import settings
from django.http import HttpResponse
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from directory.core.roles import rate_limit

from .views import visible_event


def calendar_for(event, url):
    calendar = Calendar()
    calendar.add("prodid", "-//NetZPol//Veranstaltungen//DE")
    calendar.add("version", "2.0")
    calendar.add_component(calendar_entry(event, url))
    return calendar.to_ical()


def calendar_entry(event, url):
    """The event as a VEVENT (for one event's file and for the personal feeds)."""
    entry = CalendarEvent()
    # Stable per event and site: a second download updates the entry instead of adding one.
    host = settings.NETZPOL_SITE_URL.split("://", 1)[-1].split("/", 1)[0]
    entry.add("uid", f"event-{event.pk}@{host}")
    entry.add("dtstamp", event.updated_at)
    entry.add("dtstart", event.starts_at)
    entry.add("dtend", event.ends_at or event.starts_at + datetime.timedelta(hours=2))
    entry.add("summary", event.title)
    entry.add("url", url)
    location = ", ".join(part for part in (event.place, event.online_url) if part)
    if location:
        entry.add("location", location)
    entry.add("description", "\n\n".join(p for p in (event.description, url) if p))
    if event.status == event.Status.CANCELLED:
        entry.add("status", "CANCELLED")
    return entry


@rate_limit("NETZPOL_RATE_PAGES")
def ics(request, pk):
    """The event as .ics, for those who may see it."""
    event = visible_event(request, pk)
    response = HttpResponse(
        calendar_for(event, request.build_absolute_uri(event.get_absolute_url())),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="veranstaltung-{event.pk}.ics"'
    return response
