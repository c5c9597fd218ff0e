from django.urls import include, path
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.routers import SimpleRouter

from . import views
from .portal import docs, token_revoke, tokens

router = SimpleRouter()
router.register("organisations", views.OrganisationViewSet, basename="organisation")
router.register("police-units", views.PoliceUnitViewSet, basename="police-unit")
router.register("contacts", views.ContactViewSet, basename="contact")
router.register("agreements", views.AgreementViewSet, basename="agreement")
router.register("projects", views.ProjectViewSet, basename="project")
router.register("events", views.EventViewSet, basename="event")
router.register("topics", views.TopicViewSet, basename="topic")
router.register("regions", views.RegionViewSet, basename="region")
router.register("languages", views.LanguageViewSet, basename="language")

app_name = "api"
urlpatterns = [
    path("api/v1/", include(router.urls)),
    path("api/v1/schema/", SpectacularJSONAPIView.as_view(), name="schema"),
    path("api/v1/docs/", docs, name="docs"),
    path("konto/api-tokens/", tokens, name="tokens"),
    path("konto/api-tokens/<int:pk>/widerrufen/", token_revoke, name="token_revoke"),
]
