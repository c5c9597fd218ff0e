from django.urls import path

from . import dashboard, reports, views

app_name = "reviews"
urlpatterns = [
    # Before the link pattern, which would otherwise take "danke" for a token.
    path("bestaetigen/danke/", views.thanks, name="thanks"),
    path("bestaetigen/<str:token>/", views.confirm, name="confirm"),
    path("bestaetigen/<str:token>/korrigieren/", views.correct, name="correct"),
    path("bestaetigen/<str:token>/entfernen/", views.remove, name="remove"),
    path("redaktion/", dashboard.dashboard, name="dashboard"),
    path("fehler-melden/<slug:kind>/<int:pk>/", reports.report, name="report"),
]
