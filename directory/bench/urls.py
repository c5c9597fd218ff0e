"""The portal's URLs plus the floor view; mounted only by the benchmark's settings."""

from django.urls import path

from netzpol.urls import urlpatterns as portal

from .views import floor

urlpatterns = [path("bench/floor/", floor, name="bench-floor"), *portal]
