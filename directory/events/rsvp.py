"""The page behind an invitation's link: no login, exactly one invitee, three answers.

As with the confirmation links (reviews), answers are throttled per client address and per
invitation, with the same settings; over the limit is the 429 page. An answer may be changed
until the registration deadline, so the link stays usable after the first answer."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django_ratelimit.core import is_ratelimited
from django_ratelimit.decorators import ratelimit
from django_ratelimit.exceptions import Ratelimited

from directory.core.roles import setting_rate

from . import services
from .models import Invitation

limit_per_address = ratelimit(
    group="events.answers.address",
    key="ip",
    rate=setting_rate("NETZPOL_RATE_CONFIRMATION_IP"),
    method="POST",
)

ANSWERS = {
    "accept": Invitation.State.ACCEPTED,
    "decline": Invitation.State.DECLINED,
    "maybe": Invitation.State.MAYBE,
}


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label=gettext_lazy("Your answer"), choices=[(key, key) for key in ANSWERS]
    )


def limit_per_invitation(request, invitation):
    if is_ratelimited(
        request,
        group="events.answers.invitation",
        key=lambda group, request: f"invitation:{invitation.pk}",
        rate=setting_rate("NETZPOL_RATE_CONFIRMATION_ENTRY"),
        method="POST",
        increment=True,
    ):
        raise Ratelimited


@never_cache
@limit_per_address
def rsvp(request, token):
    try:
        invitation = services.invitation_for(token)
    except services.LinkError as error:
        context = {"expired": error.expired, "spent": error.spent}
        return render(request, "events/link_error.html", context, status=400)
    limit_per_invitation(request, invitation)
    event = invitation.event
    is_open = event.registration_open()
    if request.method == "POST":
        form = AnswerForm(request.POST)
        if not is_open:
            messages.error(request, _("Registration for this event has closed."))
        elif form.is_valid():
            state = services.answer(invitation, ANSWERS[form.cleaned_data["answer"]])
            messages.success(request, thanks_for(state))
            return redirect("events:rsvp", token=token)
        else:
            messages.error(request, _("Please choose one of the answers."))
    return render(
        request,
        "events/rsvp.html",
        {"invitation": invitation, "event": event, "is_open": is_open, "States": Invitation.State},
        status=200 if request.method == "GET" or is_open else 400,
    )


def thanks_for(state):
    return {
        Invitation.State.ACCEPTED: _("Thank you: you are registered."),
        Invitation.State.WAITING: _(
            "Thank you. The event is fully booked: you are on the waiting list and will move up "
            "when a place becomes free."
        ),
        Invitation.State.DECLINED: _("Thank you for letting us know that you cannot attend."),
        Invitation.State.MAYBE: _("Thank you: we have noted that you might attend."),
    }[state]
