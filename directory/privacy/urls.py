from django.urls import path

from . import views

app_name = "privacy"
urlpatterns = [
    path("redaktion/auskunft/<int:pk>/", views.subject_access, name="subject_access"),
    path(
        "redaktion/verarbeitungsverzeichnis/",
        views.record_of_processing,
        name="processing_record",
    ),
]
