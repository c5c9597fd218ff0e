"""The curators' overview of what needs attention; every number links to the admin list."""

import datetime

from django.db.models import Q
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.agreements.models import Agreement
from directory.contacts.models import ContactPerson, past_retention_condition
from directory.core import registry
from directory.core.models import ReviewState, review_state_condition
from directory.core.roles import Role, role_required
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit

from .models import ConfirmationEmail, CorrectionRequest

ENTITIES = [Organisation, PoliceUnit, ContactPerson, Agreement]
REVIEW_COLUMNS = [ReviewState.STALE, ReviewState.DUE_SOON, ReviewState.NEVER_VERIFIED]
# "Changed recently" and "failed recently" look this far back (the admin's "changed" filter).
RECENT_DAYS = 30


def changelist(model, **params):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"{url}?{query}" if query else url


@role_required(Role.CURATOR)
def dashboard(request):
    today = timezone.localdate()
    since = timezone.now() - datetime.timedelta(days=RECENT_DAYS)
    rows = []
    past_retention = None
    for model in ENTITIES:
        # One pass over each table for all of its numbers (the contacts' past retention too).
        conditions = {
            **{state.value: review_state_condition(state, today) for state in REVIEW_COLUMNS},
            "changed": Q(updated_at__gte=since),
        }
        if model is ContactPerson:
            conditions["past_retention"] = past_retention_condition(today)
        counts = model.objects.counts(**conditions)
        if model is ContactPerson:
            past_retention = counts["past_retention"]
        rows.append(
            {
                "label": model._meta.verbose_name_plural,
                "cells": [
                    *(
                        (counts[state.value], changelist(model, review=state.value))
                        for state in REVIEW_COLUMNS
                    ),
                    (counts["changed"], changelist(model, changed=RECENT_DAYS)),
                ],
            }
        )
    return render(
        request,
        "reviews/dashboard.html",
        {
            "rows": rows,
            "headings": [
                _("stale"),
                ReviewState.DUE_SOON.label,
                _("never verified"),
                _("changed in the last 30 days"),
            ],
            "open_requests": (
                CorrectionRequest.objects.filter(status=CorrectionRequest.Status.OPEN).count(),
                changelist(CorrectionRequest, status__exact="open"),
            ),
            "failed_emails": (
                ConfirmationEmail.objects.filter(
                    status=ConfirmationEmail.Status.FAILED, created_at__gte=since
                ).count(),
                changelist(ConfirmationEmail, status__exact="failed"),
            ),
            # What the apps above plug in (e.g. the trend lines, directory.network).
            "parts": [html for part in registry.dashboard_parts if (html := part(request))],
            "past_retention": (
                past_retention,
                changelist(ContactPerson, retention="past"),
            ),
        },
    )
