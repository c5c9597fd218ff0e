"""Retention of invitations: NETZPOL_EVENT_RETENTION_MONTHS after an event, who took part
stays (the participation history is how the network remembers who met), everything else about
the invitees goes.

- Invitations of people who did not take part (declined, excused, did not come, never
  answered, still waiting) are deleted, with their history.
- Invitations of participants keep event, contact, answer and attendance; their note,
  answer time and sending errors are erased, in the row and in its history.

Run by `manage.py apply_event_retention` (daily, next to `apply_retention`)."""

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from directory.core import personal_data
from directory.core.dates import add_months

from .models import Event, Invitation

# What a participant's invitation keeps of its declared personal data: the attendance itself.
KEPT = {"attendance"}


def retention_limit(today=None):
    """Events that ended on or before this day are past retention."""
    today = today or timezone.localdate()
    return add_months(today, -settings.NETZPOL_EVENT_RETENTION_MONTHS)


def past_events(today=None):
    """Events that ended NETZPOL_EVENT_RETENTION_MONTHS ago (without an end: that started)."""
    return Event.objects.alias(ended=Coalesce("ends_at", "starts_at")).filter(
        ended__date__lte=retention_limit(today)
    )


def erased_fields():
    """The declared personal-data fields a participant's invitation loses, emptied."""
    values = personal_data.erased_values(Invitation)
    return {name: value for name, value in values.items() if name not in KEPT}


def past_retention(today=None):
    """(invitations to delete, participants' invitations to erase) of events past retention;
    only what still holds something to remove."""
    invitations = Invitation.objects.filter(event__in=past_events(today).values("pk"))
    participants = invitations.participants()
    to_delete = invitations.exclude(pk__in=participants.values("pk"))
    to_erase = participants.exclude(still_empty(erased_fields()))
    return to_delete.order_by("pk"), to_erase.order_by("pk")


def still_empty(values):
    """Rows whose `values` fields are all empty already."""
    condition = Q()
    for name, empty in values.items():
        condition &= Q(**{f"{name}__isnull": True}) if empty is None else Q(**{name: empty})
    return condition


@transaction.atomic
def apply_retention(today=None):
    """Delete and erase what is past retention (see the module); returns
    {"deleted": n, "erased": n}."""
    to_delete, to_erase = past_retention(today)
    deleted_ids = list(to_delete.values_list("pk", flat=True))
    erased_ids = list(to_erase.values_list("pk", flat=True))
    values = erased_fields()
    # Blanking and deleting write history events of their own, already without the data: the
    # history is cleaned after.
    Invitation.objects.filter(pk__in=erased_ids).update(**values, updated_at=timezone.now())
    Invitation.objects.filter(pk__in=deleted_ids).delete()
    for history in personal_data.history_models(Invitation):
        history.objects.filter(pgh_obj__in=deleted_ids).delete()
        names = {field.name for field in history._meta.concrete_fields}
        history.objects.filter(pgh_obj__in=erased_ids).update(
            **{name: value for name, value in values.items() if name in names}
        )
    return {"deleted": len(deleted_ids), "erased": len(erased_ids)}
