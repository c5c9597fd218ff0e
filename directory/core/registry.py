"""Where the apps above core plug in: small registries each app fills from its
`AppConfig.ready()` and core reads (as pretalx's plugins register their exporters).

Core names no higher app, not even as a string: what a higher app brings (its label among the
curated apps, the links of its topics, an admin action or inline, a link above a list) it
registers here, and core asks. Every registration is idempotent.
"""

from dataclasses import dataclass

# Apps whose every permission curators get (see roles.ensure_groups).
curated_apps = set()
# How each kind of entry links topics: the reverse names on Topic ("organisations").
topic_usages = []
# Admin actions and inlines other apps add to an entry's admin, by the entry's model
# (`_meta.label_lower`); read by CuratedAdmin, so no app patches another's admin class.
admin_actions = {}
admin_inlines = {}
# Functions of a list view that return a ListLink (or None) shown above its results.
list_links = []


@dataclass(frozen=True)
class ListLink:
    """A link above a list's results (e.g. "Export this list"), with a stable element id."""

    id: str
    label: str
    url: str


def _add(items, item):
    if item not in items:
        items.append(item)


def curate(app_label):
    """Curators get every permission on the models of `app_label`."""
    curated_apps.add(app_label)


def count_topic_usage(related_name):
    """The topics admin counts the entries that link a topic through `related_name`."""
    _add(topic_usages, related_name)


def add_admin_action(model, action):
    """`action` joins the actions of `model`'s admin."""
    _add(admin_actions.setdefault(model._meta.label_lower, []), action)


def add_admin_inline(model, inline):
    """`inline` joins the inlines of `model`'s admin."""
    _add(admin_inlines.setdefault(model._meta.label_lower, []), inline)


def add_list_link(link_for_view):
    """`link_for_view(view)` returns a ListLink for the lists it serves, else None."""
    _add(list_links, link_for_view)


# Functions of a request that return a dict for the start page's context (figures, entry
# points); read by core's HomeView.
home_parts = []
# Functions of (request, entry) that return HTML (or "") shown at the end of an entry's page,
# e.g. the members' "report an error" form; read by the `entry_actions` template tag.
entry_actions = []


def add_home_part(part_for_request):
    """`part_for_request(request)` returns a dict the start page shows."""
    _add(home_parts, part_for_request)


def add_entry_action(action_for_entry):
    """`action_for_entry(request, entry)` returns HTML for the end of the entry's page."""
    _add(entry_actions, action_for_entry)


# Functions of (request, entry) that return HTML (or "") shown with the entry in a list of
# results, e.g. the Merkliste button; read by the list's template (contacts: `result_actions`).
result_actions = []


def add_result_action(action_for_entry):
    """`action_for_entry(request, entry)` returns HTML shown with the entry in a list."""
    _add(result_actions, action_for_entry)


# Functions of a request that return HTML (or "") shown on the curators' overview, e.g. the
# trend lines; read by the reviews app's dashboard.
dashboard_parts = []


def add_dashboard_part(part_for_request):
    """`part_for_request(request)` returns HTML for the curators' overview."""
    _add(dashboard_parts, part_for_request)
