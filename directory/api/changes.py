"""Deltas: what changed after a moment, for `modified_after`, including tombstones for entries
that were deleted or anonymised. Nothing here is about HTTP.

An entry's `last_modified` is the latest change of anything its representation shows
(`last_modified`): a renamed topic or organisation puts its contacts into the delta.

Deletions come from the pghistory delete events every tracked entry writes (whatever deleted
the row: admin, a cascade, SQL). Only entries the caller could see when they were deleted get
a tombstone, judged by the deleted row's own snapshot. Anonymised contacts stay in the table,
visible to the office only (see reviews.services.anonymise); for everyone else they are gone.
Erasure blanks who could see them before in the entry and its history, so the database records
it as it happens (models.AnonymisedContact): their tombstone, too, goes only to callers who
could see them. A tombstone carries nothing but the id.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import F, Func, OuterRef, Q, Subquery
from django.db.models.functions import Greatest

from directory.contacts.models import ANONYMOUS_TITLE, VISIBLE_FROM, ContactPerson
from directory.core.expressions import AnyOf
from directory.core.personal_data import history_models
from directory.core.roles import Role, role_of
from directory.events.models import VISIBLE_FROM as EVENT_VISIBLE_FROM
from directory.events.models import Event
from directory.police.models import PoliceUnit

from .models import AnonymisedContact


@dataclass(frozen=True)
class Shown:
    """Something an entry's representation shows besides its own row (a linked topic's name,
    its organisation's name, a superior unit in its path), in two forms of one rule: `newest`,
    SQL for when it last changed, per entry (for `last_modified`); `changed_after(since)`, a
    condition for "it changed after `since`" that finds the few entries concerned without
    working out `newest` for every entry (for `modified_after`)."""

    newest: object
    changed_after: Callable[[datetime.datetime], Q]


def related(path, model):
    """A foreign key's entry (`path`, e.g. "organisation"), an instance of `model`."""
    return Shown(
        newest=F(f"{path}__updated_at"),
        changed_after=lambda since: Q(**{f"{path}__in": changed(model, since)}),
    )


def linked(model, field_name):
    """The items of a many-to-many field (e.g. `topics`)."""
    field = model._meta.get_field(field_name)
    links = field.remote_field.through.objects
    entry, item = field.m2m_field_name(), field.m2m_reverse_field_name()
    # Per entry, by primary key from its link ids: cheaper per row than a join.
    ids = ArraySubquery(links.filter(**{entry: OuterRef(OuterRef("pk"))}).values(item))
    return Shown(
        newest=newest(field.related_model.objects.filter(AnyOf(F("pk"), ids))),
        changed_after=lambda since: Q(
            pk__in=links.filter(**{f"{item}__in": changed(field.related_model, since)}).values(
                entry
            )
        ),
    )


def superiors(unit=""):
    """A police unit (`unit`: the path to it, e.g. "police_unit__", or "" for the entry
    itself) and its superior units: its path names them all, and saving one (renamed, moved,
    made public or not) does not touch the units below it."""

    def changed_after(since):
        # The units below a changed one, by id: no join to the units for every entry.
        changed_units = ArraySubquery(changed(PoliceUnit, since))
        below = PoliceUnit.objects.filter(lineage__overlap=changed_units)
        return Q(**{f"{unit}in" if unit else "pk__in": below.values("pk")})

    return Shown(
        newest=newest(PoliceUnit.objects.filter(AnyOf(F("pk"), OuterRef(f"{unit}lineage")))),
        changed_after=changed_after,
    )


def changed(model, since):
    """The ids of `model`'s rows changed after `since` (a subquery)."""
    return model.objects.filter(updated_at__gt=since).values("pk")


def newest(queryset, field="updated_at"):
    """SQL: the latest `field` of the rows of `queryset` (NULL for none), as a subquery."""
    return Subquery(queryset.order_by().values(newest=Func(F(field), function="MAX")))


def last_modified(shown):
    """SQL: an entry's `last_modified` in the API: the latest change of the entry itself or of
    anything it shows (`shown`, a list of Shown). PostgreSQL's GREATEST skips NULLs (a contact
    without a police unit)."""
    if not shown:
        return F("updated_at")
    return Greatest("updated_at", *(item.newest for item in shown))


def changed_after(since, shown):
    """The entries whose `last_modified` is after `since`: the entry itself or one of the
    things it shows changed after it (the same rule as `last_modified`, as a condition)."""
    condition = Q(updated_at__gt=since)
    for item in shown:
        condition |= item.changed_after(since)
    return condition


def was_visible(model, role):
    """A row snapshot the role could see (the rule of `visible_to` a row can tell by itself)."""
    if model is ContactPerson:
        # An anonymised contact's snapshots say "staff"; what it was is recorded apart.
        return Q(visibility__in=VISIBLE_FROM[role]) | Q(
            pgh_obj_id__in=seen_before_anonymised(role).values("contact_id")
        )
    if model is Event:
        # As EventQuerySet.visible_to: staff-only formats for the office only.
        seen = Q(visibility__in=EVENT_VISIBLE_FROM[role])
        return seen if role >= Role.CURATOR else seen & ~Q(format__staff_only=True)
    return Q() if role >= Role.MEMBER else Q(is_public=True)


def seen_before_anonymised(role):
    """Records of anonymised contacts the role could see before."""
    return AnonymisedContact.objects.filter(visibility__in=VISIBLE_FROM[role])


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
        # Curators still see an anonymised contact (it is in their delta, not a tombstone);
        # one deleted since has its "deleted" tombstone instead.
        still_there = ContactPerson.objects.filter(last_name="", functional_title=ANONYMOUS_TITLE)
        anonymised = seen_before_anonymised(role).filter(
            anonymised_at__gt=since, contact_id__in=still_there.values("pk")
        )
        found += [
            {"id": pk, "removed_at": when, "reason": "anonymised"}
            for pk, when in anonymised.values_list("contact_id", "anonymised_at")
        ]
    return sorted(found, key=lambda t: (t["removed_at"], t["id"]))
