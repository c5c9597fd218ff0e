from django.urls import path

from . import views

app_name = "organisations"
urlpatterns = [
    path("organisationen/", views.OrganisationListView.as_view(), name="list"),
    path("organisationen/<int:pk>/", views.organisation_detail, name="detail"),
]
