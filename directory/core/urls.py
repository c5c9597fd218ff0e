from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("healthz", views.healthz, name="healthz"),
    path(
        "impressum/",
        views.legal_page,
        {"slug": "imprint", "template": "core/imprint.html"},
        name="imprint",
    ),
    path(
        "datenschutz/",
        views.legal_page,
        {"slug": "privacy", "template": "core/privacy.html"},
        name="privacy",
    ),
]
