from django.urls import path

from . import views

app_name = "privacy"
urlpatterns = [
    path("redaktion/auskunft/<int:pk>/", views.subject_access, name="subject_access"),
]
