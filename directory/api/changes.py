"""Deltas: what changed after a moment, for `modified_after`, including tombstones for entries
that were deleted or anonymised. Nothing here is about HTTP.

Deletions come from the pghistory delete events every tracked entry writes (whatever deleted
the row: admin, a cascade, SQL). Only entries the caller could see when they were deleted get
a tombstone, judged by the deleted row's own snapshot. Anonymised contacts stay in the table,
visible to the office only (see reviews.services.anonymise); for everyone else they are gone.
Their history no longer says who could see them before (erasure blanked it), so their tombstone
carries nothing but the id, as every tombstone does.
"""

from django.db.models import Q

from directory.contacts.models import ANONYMOUS_TITLE, VISIBLE_FROM, ContactPerson
from directory.core.personal_data import history_models
from directory.core.roles import Role, role_of


def was_visible(model, role):
    """A row snapshot the role could see (the rule of `visible_to` a row can tell by itself)."""
    if model is ContactPerson:
        # An anonymised contact was someone's entry once: deleted later, it is gone for all.
        return Q(visibility__in=VISIBLE_FROM[role]) | Q(
            last_name="", functional_title=ANONYMOUS_TITLE
        )
    return Q() if role >= Role.MEMBER else Q(is_public=True)


def tombstones(model, user, since):
    """[{id, removed_at, reason}] for entries of `model` gone for `user` after `since`."""
    role = role_of(user)
    found = []
    for events in history_models(model):
        deleted = events.objects.filter(
            was_visible(model, role), pgh_label="delete", pgh_created_at__gt=since
        )
        found += [
            {"id": pk, "removed_at": when, "reason": "deleted"}
            for pk, when in deleted.values_list("pgh_obj_id", "pgh_created_at")
        ]
    if model is ContactPerson and role < Role.CURATOR:
        anonymised = ContactPerson.objects.filter(
            last_name="", functional_title=ANONYMOUS_TITLE, updated_at__gt=since
        )
        found += [
            {"id": pk, "removed_at": when, "reason": "anonymised"}
            for pk, when in anonymised.values_list("pk", "updated_at")
        ]
    return sorted(found, key=lambda t: (t["removed_at"], t["id"]))
