"""Member and coordinator accounts as curators manage them, without being superusers: list,
deactivate and reactivate, switch between member and coordinator, resend the invitation.

Curators, staff and superusers are out of reach here (a 404), and no role above coordinator
can be given: those stay with whoever administers the site."""

from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.auth.models import Group
from django.contrib.postgres.aggregates import ArrayAgg
from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from directory.core.roles import GROUP_NAMES, ROLE_LABELS, Role

from . import invitations

# The roles a curator may give here, by the value the forms post.
ASSIGNABLE = {"member": Role.MEMBER, "coordinator": Role.COORDINATOR}


class Status:
    ACTIVE = "active"
    INVITED = "invited"
    INACTIVE = "inactive"
    LABELS = {
        ACTIVE: _("active"),
        INVITED: _("invitation open"),
        INACTIVE: _("deactivated"),
    }


def managed_accounts():
    """Every account a curator manages here, with its group names (one query for a page)."""
    return (
        get_user_model()
        .objects.filter(is_staff=False, is_superuser=False)
        .exclude(groups__name=GROUP_NAMES[Role.CURATOR])
        .annotate(group_names=ArrayAgg("groups__name", default=[]))
        .order_by("last_name", "first_name", "username")
    )


def search(accounts, q="", role="", status=""):
    """Narrow `accounts` by name or address, role (a key of ASSIGNABLE, or "none") and status."""
    for word in q.split():
        accounts = accounts.filter(
            Q(username__icontains=word)
            | Q(email__icontains=word)
            | Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
        )
    if role in ASSIGNABLE:
        accounts = accounts.filter(groups__name=GROUP_NAMES[ASSIGNABLE[role]])
    elif role == "none":
        accounts = accounts.exclude(groups__name__in=list(GROUP_NAMES.values()))
    if status == Status.ACTIVE:
        accounts = accounts.filter(is_active=True).exclude(
            password__startswith=UNUSABLE_PASSWORD_PREFIX
        )
    elif status == Status.INVITED:
        accounts = accounts.filter(is_active=True, password__startswith=UNUSABLE_PASSWORD_PREFIX)
    elif status == Status.INACTIVE:
        accounts = accounts.filter(is_active=False)
    return accounts


def role_of_account(account):
    """The account's role by its groups, whether active or not (see core.roles.role_of for the
    role a request gets)."""
    names = set(account.group_names)
    return max((r for r, name in GROUP_NAMES.items() if name in names), default=Role.PUBLIC)


def role_key(account):
    role = role_of_account(account)
    return next((key for key, value in ASSIGNABLE.items() if value == role), "")


def status_of(account):
    if not account.is_active:
        return Status.INACTIVE
    # An invited account has no usable password until the person sets one.
    return Status.ACTIVE if account.has_usable_password() else Status.INVITED


def describe(account):
    """What the list shows of one account."""
    status = status_of(account)
    return {
        "account": account,
        "role": role_key(account),
        "role_label": ROLE_LABELS[role_of_account(account)],
        "status": status,
        "status_label": Status.LABELS[status],
    }


def record(curator, account, message, **params):
    """Kept in Django's admin log: who changed which account, when, and how (in the office's
    language, as the log is read later by anyone)."""
    with translation.override(settings.LANGUAGE_CODE):
        message = gettext(message) % params
    LogEntry.objects.log_actions(
        user_id=curator.pk,
        queryset=[account],
        action_flag=CHANGE,
        change_message=message,
        single_object=True,
    )


@transaction.atomic
def set_active(account, active, curator):
    """Deactivate (the account loses access with its next request) or reactivate."""
    if account.is_active == active:
        return False
    account.is_active = active
    account.save(update_fields=["is_active"])
    record(
        curator, account, gettext_noop("Reactivated.") if active else gettext_noop("Deactivated.")
    )
    return True


@transaction.atomic
def set_role(account, key, curator):
    """Make the account a member or a coordinator (`key` in ASSIGNABLE), nothing else."""
    role = ASSIGNABLE[key]
    groups = Group.objects.filter(name__in=[GROUP_NAMES[r] for r in ASSIGNABLE.values()])
    account.groups.remove(*groups)
    account.groups.add(Group.objects.get(name=GROUP_NAMES[role]))
    record(curator, account, gettext_noop("Role changed to %(role)s."), role=GROUP_NAMES[role])


def resend_invitation(account, curator):
    """Send a new invitation link; only to an active account whose password is not set yet."""
    if status_of(account) != Status.INVITED:
        return False
    invitations.send_invitation(account, curator)
    record(curator, account, gettext_noop("Invitation sent again."))
    return True
