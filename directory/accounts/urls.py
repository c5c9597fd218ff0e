from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    # Takes over django.contrib.auth's "password_reset" (same path, throttled) because the root
    # URLconf lists these URLs first; no name of its own, so reverse("password_reset") and its
    # rule in tests/core/test_authorisation.py keep meaning this page.
    path("konto/password_reset/", views.password_reset),
    path("redaktion/einladen/", views.invite, name="invite"),
    path("konto/einladung/<str:token>/", views.accept, name="accept"),
    path("konto/zwei-faktor/", views.two_factor, name="two_factor"),
]
