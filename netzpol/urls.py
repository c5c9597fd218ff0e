from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.urls import include, path
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from directory.accounts.two_factor import second_factor_missing

# Admin logs in through the portal's login (lockout, then the second factor), not its own form.
admin.site.login = lambda request, extra_context=None: redirect_to_login(
    request.GET.get("next", "/admin/")
)
# Admin itself refuses a session without its second factor too, however the request reached it.
_has_permission = admin.site.has_permission
admin.site.has_permission = lambda request: (
    _has_permission(request) and not (second_factor_missing(request.user))
)
admin.site.site_header = _("NetZPol curation")
admin.site.site_title = _("NetZPol curation")
admin.site.index_title = _("Keep the directory current")
# Without the app sidebar, lists have the whole width (at 1280 px it took 300 of it and hid
# the last columns); the breadcrumbs and the index lead everywhere it did.
admin.site.enable_nav_sidebar = False
# Each admin page's context lists every app for that sidebar: worked out only when a page shows
# the list (the index), not on every changelist (a reverse() and permission checks per model).
_get_app_list = admin.site.get_app_list
admin.site.get_app_list = lambda request, app_label=None: SimpleLazyObject(
    lambda: _get_app_list(request, app_label)
)

handler500 = "directory.core.views.server_error"

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    # Login, logout and password reset by email; no registration (members are invited).
    # Before Django's auth URLs: its password reset view is replaced by a throttled one.
    path("", include("directory.accounts.urls")),
    path("konto/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("", include("directory.core.urls")),
    path("", include("directory.search.urls")),
    path("", include("directory.organisations.urls")),
    path("", include("directory.police.urls")),
    path("", include("directory.contacts.urls")),
    path("", include("directory.agreements.urls")),
    path("", include("directory.projects.urls")),
    path("", include("directory.events.urls")),
    path("", include("directory.exports.urls")),
    path("", include("directory.reviews.urls")),
    path("", include("directory.privacy.urls")),
    path("", include("directory.requests.urls")),
    path("", include("directory.network.urls")),
    path("", include("directory.api.urls")),
]
