from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    # Takes over django.contrib.auth's "password_reset" (same path, throttled) because the root
    # URLconf lists these URLs first; no name of its own, so reverse("password_reset") and its
    # rule in tests/core/test_authorisation.py keep meaning this page.
    path("konto/password_reset/", views.password_reset),
    # Takes over django.contrib.auth's "logout" likewise: a GET gets the portal's 405 page.
    path("konto/logout/", views.LogoutView.as_view()),
    path("redaktion/einladen/", views.invite, name="invite"),
    path("redaktion/konten/", views.accounts, name="accounts"),
    path("redaktion/konten/<int:pk>/aktiv/", views.account_active, name="account_active"),
    path("redaktion/konten/<int:pk>/rolle/", views.account_role, name="account_role"),
    path(
        "redaktion/konten/<int:pk>/einladung/",
        views.account_invitation,
        name="account_invitation",
    ),
    path("konto/einladung/<str:token>/", views.accept, name="accept"),
    path("konto/zwei-faktor/", views.two_factor, name="two_factor"),
]
