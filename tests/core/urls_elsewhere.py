"""A URLconf that mounts the contacts elsewhere (tests/core/test_links.py)."""

from django.urls import include, path

urlpatterns = [path("anderswo/", include("directory.contacts.urls"))]
