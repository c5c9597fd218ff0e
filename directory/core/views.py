from django.db import DatabaseError, connections
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from .models import LegalPage


class HomeView(TemplateView):
    template_name = "core/home.html"


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


def rate_limited(request, exception):
    """429 for a client over its rate limit (django-ratelimit): scraping protection."""
    return render(request, "429.html", status=429)


def legal_page(request, slug, template):
    """The imprint or privacy statement: the office's text from admin, else the default."""
    page = LegalPage.objects.filter(slug=slug).first()
    return render(request, template, {"page": page})
