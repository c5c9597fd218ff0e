"""The registration form on a public event's page, for people and organisations not yet in the
directory. What they send waits in the curators' queue (admin: registrations); nothing of it is
shown or counted until a curator accepts it (registration_services)."""

from django import forms
from django.conf import settings
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _

from directory.core import spam

from . import registration_services
from .models import Event

RATE = "NETZPOL_RATE_REGISTRATIONS"


def consent_explanation():
    return _(
        "The NetZPol office stores your details to check and organise your registration. "
        "Nothing is published: once your registration is accepted, the office and the event's "
        "coordinators see your name, organisation, function and email address (for example on "
        "the list of participants). Your registration is deleted %(months)s months after the "
        "event. You can withdraw your consent at any time by writing to the office; your "
        "registration is then deleted."
    ) % {"months": settings.NETZPOL_REGISTRATION_RETENTION_MONTHS}


class RegistrationForm(spam.SpamCheckedForm):
    signing_salt = "events.registration-started"
    honeypot_message = _("This field must stay empty. Your registration was not sent.")

    first_name = forms.CharField(
        label=_("First name"), max_length=80, widget=forms.TextInput({"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        label=_("Last name"), max_length=80, widget=forms.TextInput({"autocomplete": "family-name"})
    )
    organisation_name = forms.CharField(
        label=_("Organisation or police unit"),
        max_length=200,
        widget=forms.TextInput({"autocomplete": "organization"}),
    )
    function = forms.CharField(
        label=_("Your role or function"),
        max_length=160,
        widget=forms.TextInput({"autocomplete": "organization-title"}),
    )
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        widget=forms.EmailInput({"autocomplete": "email"}),
        help_text=_("We send the confirmation and all news about the event to this address."),
    )
    phone = forms.CharField(
        label=_("Phone (optional)"),
        max_length=40,
        required=False,
        widget=forms.TextInput({"autocomplete": "tel", "type": "tel"}),
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea({"rows": 4}),
        help_text=_("For example accessibility needs, or what your organisation would present."),
    )
    consent = forms.BooleanField(
        label=_("I agree that the office stores my details to handle my registration."),
        error_messages={
            "required": _("Please agree to the storage of your details, or we cannot register you.")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].help_text = consent_explanation()

    def consent_text(self):
        """What the person agreed to, word for word as the form showed it."""
        return f"{self.fields['consent'].label}\n{self.fields['consent'].help_text}"


def registrable_event(pk):
    """A public announcement with public registration (open or not), as the public sees it."""
    return get_object_or_404(
        Event.objects.visible_to(None)
        .filter(public_registration=True)
        .select_related("format", "region"),
        pk=pk,
    )


def register(request, pk):
    event = registrable_event(pk)
    is_open = event.takes_public_registrations()
    limited = False
    if request.method == "POST":
        form = RegistrationForm(request.POST)
        if is_open:
            limited = spam.rate_limited(request, RATE)
        if is_open and not limited and form.is_valid():
            registration = registration_services.create_registration(
                event, form.cleaned_data, form.consent_text()
            )
            registration_services.send_received(registration)
            return redirect("events:registered", pk=event.pk)
        form.renew_token()
    else:
        form = RegistrationForm()
    status = 200
    if request.method == "POST":
        status = 429 if limited else 400
    return render(
        request,
        "events/register.html",
        {
            "event": event,
            "form": form,
            "is_open": is_open,
            "is_full": event.is_full(),
            "limited": limited,
        },
        status=status,
    )


def registered(request, pk):
    return render(request, "events/registered.html", {"event": registrable_event(pk)})
