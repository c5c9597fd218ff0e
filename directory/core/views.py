import sys
from email.utils import parseaddr
from functools import wraps

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from . import registry
from .links import same_site
from .models import LegalPage


class HomeView(TemplateView):
    """The start page: a search box, entry points and figures. What it shows of the directory
    comes from the apps above core (registry.add_home_part), each counting only what the
    user may see."""

    template_name = "core/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for part in registry.home_parts:
            context.update(part(self.request))
        context["office_email"] = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
        return context


@never_cache
def healthz(request):
    """200 when every configured database answers, 503 otherwise (for load balancers)."""
    try:
        for connection in connections.all():
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def server_error(request):
    """500, or 503 while the database cannot be reached (a restart, a failover): that passes,
    and clients and proxies may retry. Rendered without a request context, which would need
    the database; never with a traceback."""
    if isinstance(sys.exception(), OperationalError | InterfaceError):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = "5"
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())


def rate_limited(request, exception):
    """429 for a client over its rate limit (django-ratelimit): scraping protection."""
    return render(request, "429.html", status=429)


def post_only(view):
    """`require_POST` with a page: a GET of a button's address (a bookmark, a link typed in)
    gets 405 with a page that says what the address is, where Django's answer is empty and
    browsers show their own error, in English."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method != "POST":
            return method_not_allowed(request, ["POST"])
        return view(request, *args, **kwargs)

    return wrapped


def method_not_allowed(request, allowed):
    """405 with the page for an address only a button sends to (see `post_only`)."""
    response = render(request, "405.html", status=405)
    response["Allow"] = ", ".join(allowed)
    return response


def csrf_failure(request, reason=""):
    """403 for a form sent without a valid CSRF token (CSRF_FAILURE_VIEW): the portal's own page,
    in the user's language, with a link back to the form when it came from this site. Django's
    own is an English technical page."""
    back = same_site(request, request.headers.get("Referer", ""))
    return render(request, "403_csrf.html", {"back": back}, status=403)


def legal_page(request, slug, template):
    """The imprint or privacy statement: the office's text from admin, else the default."""
    page = LegalPage.objects.filter(slug=slug).first()
    return render(request, template, {"page": page})
