"""The curators' overview of what needs attention; every number links to the admin list."""

import datetime

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.agreements.models import Agreement
from directory.contacts.models import ContactPerson
from directory.core.roles import Role, role_required
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit

from .models import ConfirmationEmail, CorrectionRequest

ENTITIES = [Organisation, PoliceUnit, ContactPerson, Agreement]
SOON = 30


def changelist(model, **params):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"{url}?{query}" if query else url


@role_required(Role.CURATOR)
def dashboard(request):
    since = timezone.now() - datetime.timedelta(days=SOON)
    rows = []
    for model in ENTITIES:
        entries = model.objects.all()
        rows.append(
            {
                "label": model._meta.verbose_name_plural,
                "cells": [
                    (entries.stale().count(), changelist(model, review="stale")),
                    (entries.due_within(SOON).count(), changelist(model, review="due")),
                    (entries.never_verified().count(), changelist(model, review="never")),
                    (entries.filter(updated_at__gte=since).count(), changelist(model, changed=30)),
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
                _("due within 30 days"),
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
            "past_retention": (
                ContactPerson.objects.past_retention().count(),
                changelist(ContactPerson, retention="past"),
            ),
        },
    )
