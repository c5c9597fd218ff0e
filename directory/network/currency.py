"""Figures about how current the directory is, and about the office's requests: each counted by
the database over what the viewer may see."""

import datetime

from django.conf import settings
from django.db.models import (
    Case,
    CharField,
    Count,
    DateTimeField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Least
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from directory.contacts.models import ContactPerson
from directory.police.models import PoliceUnit
from directory.requests.models import BrokeredContact, OfficeRequest
from directory.reviews.models import ConfirmationEmail, CorrectionRequest


def share(part, whole):
    return round(100 * part / whole) if whole else 0


def current_by(queryset, column, today):
    """{value of `column`: (entries, current)}: current = verified within the review interval
    (next review after today, `CuratedQuerySet.current`), in one query."""
    rows = (
        queryset.order_by()
        .values_list(column)
        .annotate(total=Count("pk"), current=Count("pk", filter=Q(review_due__gt=today)))
    )
    return {value: (total, current) for value, total, current in rows}


def contacts_by_land(contacts, today, land_expression):
    """`current_by` for contact persons by the Land of their organisation or police unit.

    Those of police units are counted per unit first and added up per Land here: joining
    every contact to its unit's region tree costs several times more."""
    counts = current_by(
        contacts.filter(organisation__isnull=False), "organisation__land__name", today
    )
    per_unit = current_by(contacts.filter(organisation__isnull=True), "police_unit_id", today)
    # Every unit's Land (a few thousand short rows, cheaper than naming thousands of ids).
    lands = dict(
        PoliceUnit.objects.order_by()
        .annotate(land_name=land_expression())
        .values_list("pk", "land_name")
    )
    for unit, (total, current) in per_unit.items():
        land = lands.get(unit)
        before = counts.get(land, (0, 0))
        counts[land] = (before[0] + total, before[1] + current)
    return counts


def currency_by_land(user, today, land_expression, organisations, units):
    """[(Land, entries, current, %, organisations %, police units %, contact persons %)]:
    organisations by their Land, police units by their jurisdiction's (else their address's),
    contact persons by their organisation's or police unit's Land; `organisations` and
    `units` the [(Land, entries, current)] of the ones `user` may see (`by_kind_and_land`)."""
    parts = [
        {land: (total, current) for land, total, current in organisations},
        {land: (total, current) for land, total, current in units},
        contacts_by_land(ContactPerson.objects.visible_to(user), today, land_expression),
    ]
    names = sorted({name for part in parts for name in part if name})
    missing = any(None in part or "" in part for part in parts)
    rows = []
    for name in [*names, *([None] if missing else [])]:
        cells = [part.get(name, (0, 0)) for part in parts]
        if name is None:
            cells = [
                tuple(map(sum, zip(part.get(None, (0, 0)), part.get("", (0, 0)), strict=True)))
                for part in parts
            ]
        total = sum(n for n, _current in cells)
        current = sum(c for _n, c in cells)
        rows.append(
            (
                name or gettext("Not specified"),
                total,
                current,
                share(current, total),
                *(share(c, n) if n else "–" for n, c in cells),
            )
        )
    return rows


class Answer:
    CONFIRMED = "confirmed"
    CORRECTED = "corrected"
    REMOVAL = "removal"
    NONE = "none"
    WAITING = "waiting"

    labels = {
        CONFIRMED: _("Confirmed"),
        CORRECTED: _("Correction sent"),
        REMOVAL: _("Removal requested"),
        NONE: _("No answer"),
        WAITING: _("Link still valid, no answer yet"),
    }


def reviewed_models():
    """{entry kind of a confirmation email: (model, its history event model)}."""
    from directory.reviews.entries import REVIEWABLE

    return {
        key: (reviewable.model, reviewable.model.events.rel.related_model)
        for key, reviewable in REVIEWABLE.items()
    }


def confirmation_answers(user, now=None):
    """[(answer, confirmation requests)]: what became of each "please confirm your entry"
    email sent about an entry the viewer may see.

    An email's answer is the first one given for its entry after it was sent and before its
    link expired or the next email went out (a later email's link answers for both, so the
    answer is counted once, with the later email): a self-confirmation (its history event), a
    correction or a removal request. Without one, "no answer", or "still valid" while the
    link can still be used."""
    now = now or timezone.now()
    link_days = datetime.timedelta(days=settings.NETZPOL_CONFIRMATION_LINK_DAYS)
    models = reviewed_models()
    sent = ConfirmationEmail.objects.filter(status=ConfirmationEmail.Status.SENT)
    visible = Q(pk__in=[])
    for key, (model, _events) in models.items():
        visible |= Q(entry_kind=key, entry_id__in=model.objects.visible_to(user).values("pk"))
    same_entry = {"entry_kind": OuterRef("entry_kind"), "entry_id": OuterRef("entry_id")}
    next_email = (
        sent.filter(**same_entry, created_at__gt=OuterRef("created_at"))
        .order_by("created_at")
        .values("created_at")[:1]
    )
    confirmed_at = Case(
        *(
            When(
                entry_kind=key,
                then=Subquery(
                    events.objects.filter(
                        pgh_obj_id=OuterRef("entry_id"),
                        pgh_context__confirmation="self",
                        pgh_created_at__gte=OuterRef("created_at"),
                    )
                    .order_by("pgh_created_at")
                    .values("pgh_created_at")[:1]
                ),
            )
            for key, (_model, events) in models.items()
        ),
        output_field=DateTimeField(),
    )
    requests = CorrectionRequest.objects.filter(
        **same_entry, created_at__gte=OuterRef("created_at")
    ).order_by("created_at")
    queryset = (
        sent.filter(visible)
        .annotate(
            link_end=ExpressionWrapper(F("created_at") + link_days, output_field=DateTimeField()),
        )
        .annotate(
            window_end=Least(Coalesce(Subquery(next_email), F("link_end")), F("link_end")),
            confirmed_at=confirmed_at,
            request_at=Subquery(requests.values("created_at")[:1]),
            request_kind=Subquery(requests.values("kind")[:1]),
        )
        .annotate(
            answer=Case(
                # Conditions on NULL are not true: no answer of that kind.
                When(
                    Q(confirmed_at__lt=F("window_end"))
                    & (
                        Q(request_at__isnull=True)
                        | Q(request_at__gte=F("window_end"))
                        | Q(confirmed_at__lte=F("request_at"))
                    ),
                    then=Value(Answer.CONFIRMED),
                ),
                When(
                    request_at__lt=F("window_end"),
                    request_kind=CorrectionRequest.Kind.REMOVAL,
                    then=Value(Answer.REMOVAL),
                ),
                When(request_at__lt=F("window_end"), then=Value(Answer.CORRECTED)),
                When(window_end__gt=now, then=Value(Answer.WAITING)),
                default=Value(Answer.NONE),
                output_field=CharField(),
            )
        )
    )
    counts = dict(queryset.order_by().values_list("answer").annotate(n=Count("pk")))
    return [(str(label), counts[key]) for key, label in Answer.labels.items() if counts.get(key)]


class Outcome:
    OPEN = "open"
    BROKERED = "brokered"
    CLOSED = "closed"

    labels = {
        OPEN: _("Open"),
        BROKERED: _("Contact brokered"),
        CLOSED: _("Closed without brokering"),
    }


def requests_by_reason():
    """[(reason, requests, open, brokered, closed without brokering)]: requests to the office;
    "brokered" when the office recorded a brokered contact for it or marked it so. Curators
    only: these are the office's own business."""
    brokered = Q(status=OfficeRequest.Status.BROKERED) | Q(has_brokered=True)
    rows = (
        OfficeRequest.objects.annotate(
            has_brokered=Exists(BrokeredContact.objects.filter(request=OuterRef("pk")))
        )
        .order_by()
        .values_list("reason")
        .annotate(
            total=Count("pk"),
            open=Count(
                "pk",
                filter=Q(status__in=[OfficeRequest.Status.NEW, OfficeRequest.Status.IN_PROGRESS])
                & ~Q(has_brokered=True),
            ),
            brokered=Count("pk", filter=brokered),
            closed=Count("pk", filter=Q(status=OfficeRequest.Status.CLOSED) & ~brokered),
        )
    )
    counts = {reason: rest for reason, *rest in rows}
    return [
        (str(label), *counts[reason])
        for reason, label in OfficeRequest.Reason.choices
        if reason in counts
    ]
