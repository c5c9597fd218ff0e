"""Computed figures in the default cache, under a key that changes whenever the data they count
may have changed.

The key holds:
- the newest history event id (pghistory) of every tracked model the figures read: its
  database triggers write an event for every insert, update and delete, bulk ones and imports
  included, so any change to these tables gives a new key;
- a token that `bump` replaces after a commit that saved or deleted a row of the few models the
  figures read without history (brokered contacts, correction requests, confirmation emails,
  topic and event-organiser links; see apps.py);
- the day (figures about "current" and "the last 12 months" change at midnight), the role
  (figures count what the role may see) and the language (labels are translated).

When a key is missing, one process computes it (it holds a lock key, `cache.add`); the others
wait up to WAIT seconds for its result, reading the key again, and compute it themselves only
if it is still missing then (the computing process failed or is slow). So several workers that
miss the same key at once count once, not each.

Old keys are never read again and expire after TIMEOUT; TIMEOUT also bounds how long a change
in a transaction that committed after a later one (its event id is lower) can stay unseen, and
how long figures computed by the code before a deployment are shown after it (clear the cache
on a deployment that changes them).
"""

import hashlib
import time
import uuid

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone, translation

from directory.agreements.models import Agreement, AgreementParty
from directory.contacts.models import ContactPerson
from directory.core.models import Region, Topic
from directory.core.roles import role_of
from directory.core.versions import data_version
from directory.events.models import Event, Format, Invitation
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit
from directory.projects.models import Project, ProjectParty
from directory.requests.models import OfficeRequest

TIMEOUT = 60 * 60
# How long a process computing a missing key holds its lock at most (a crashed one's lock
# lapses then), and how long the others wait for its result before computing it themselves.
LOCK_TIMEOUT = 60
WAIT = 20
POLL = 0.1
TOKEN_KEY = "network:figures:token"  # noqa: S105 (a cache key, no secret)
TRACKED = [
    Organisation,
    PoliceUnit,
    ContactPerson,
    Agreement,
    AgreementParty,
    Project,
    ProjectParty,
    Event,
    Format,
    Invitation,
    OfficeRequest,
    Region,
    Topic,
]


def token():
    value = cache.get(TOKEN_KEY)
    if value is None:
        # Lost or never set: a new one (never an old one again), so no old entry is read.
        value = uuid.uuid4().hex
        cache.add(TOKEN_KEY, value, None)
        value = cache.get(TOKEN_KEY, value)
    return value


def bump_now():
    """Every cached figure is old from now on."""
    cache.set(TOKEN_KEY, uuid.uuid4().hex, None)


def bump(**_kwargs):
    """Signal receiver: after the commit, every cached figure is old."""
    transaction.on_commit(bump_now)


def cached(name, user, compute, today=None):
    """`compute()`, cached for `user`'s role under a key of the current data (see above)."""
    today = today or timezone.localdate()
    marks = data_version(TRACKED)
    data = hashlib.sha256(f"{token()}:{marks}".encode()).hexdigest()[:32]
    key = f"network:{name}:{int(role_of(user))}:{translation.get_language()}:{today}:{data}"
    return computed_once(key, compute)


def computed_once(key, compute, wait=None):
    """The value under `key`, else `compute()` stored there: by one process at a time (see
    above); the others wait up to `wait` seconds (WAIT) for it."""
    value = cache.get(key)
    if value is not None:
        return value
    lock = f"{key}:computing"
    if not cache.add(lock, 1, LOCK_TIMEOUT):
        deadline = time.monotonic() + (WAIT if wait is None else wait)
        while time.monotonic() < deadline:
            time.sleep(POLL)
            value = cache.get(key)
            if value is not None:
                return value
            if cache.get(lock) is None:
                # Its holder finished without storing a value (it failed): compute it here.
                break
        value = cache.get(key)
        if value is not None:
            return value
        # Still missing: compute and store it here (a result is better than an error).
        value = compute()
        cache.set(key, value, TIMEOUT)
        return value
    try:
        value = compute()
        cache.set(key, value, TIMEOUT)
    finally:
        cache.delete(lock)
    return value
