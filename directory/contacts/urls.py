from django.urls import path

from . import views

app_name = "contacts"
urlpatterns = [
    path("ansprechpersonen/", views.ContactListView.as_view(), name="list"),
    path("ansprechpersonen/<int:pk>/", views.contact_detail, name="detail"),
]
