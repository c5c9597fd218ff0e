from django.urls import path
from django.views.generic import TemplateView

from . import views

app_name = "core"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("impressum/", TemplateView.as_view(template_name="core/imprint.html"), name="imprint"),
    path(
        "datenschutz/",
        TemplateView.as_view(template_name="core/privacy.html"),
        name="privacy",
    ),
]
