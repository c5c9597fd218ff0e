"""Invitations: a curator creates the account; the invited person sets a password through a
signed link that expires (NETZPOL_INVITATION_DAYS) and works once (it names the account's
password state, which setting a password changes)."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac

SALT = "netzpol.accounts.invitation"


def password_state(user):
    return salted_hmac(SALT, user.password).hexdigest()[:16]


def token_for(user):
    return signing.dumps({"u": user.pk, "p": password_state(user)}, salt=SALT)


def user_for(token):
    """The invited user, or None if the link is forged, expired or already used."""
    max_age = datetime.timedelta(days=settings.NETZPOL_INVITATION_DAYS)
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.BadSignature:
        return None
    user = get_user_model().objects.filter(pk=data.get("u"), is_active=True).first()
    if user is None or not constant_time_compare(data.get("p", ""), password_state(user)):
        return None
    return user


@transaction.atomic
def invite(email, first_name, last_name, group_name, invited_by):
    """Create the account (no usable password) in the role's group and email the link."""
    user = get_user_model().objects.create_user(
        username=email, email=email, first_name=first_name, last_name=last_name
    )
    user.groups.add(Group.objects.get(name=group_name))
    send_invitation(user, invited_by)
    return user


def send_invitation(user, invited_by):
    """Email the user a link to set their password (a new one each time; earlier links keep
    working until they expire or a password is set)."""
    link = settings.NETZPOL_SITE_URL.rstrip("/") + reverse(
        "accounts:accept", kwargs={"token": token_for(user)}
    )
    context = {"user": user, "link": link, "days": settings.NETZPOL_INVITATION_DAYS,
               "invited_by": invited_by}  # fmt: skip
    send_mail(
        "Einladung in das NetZPol-Kontaktverzeichnis / Invitation",
        render_to_string("accounts/invitation_email.txt", context),
        None,
        [user.email],
    )
