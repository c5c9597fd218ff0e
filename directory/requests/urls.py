from django.urls import path

from . import views

app_name = "office_requests"
urlpatterns = [
    path("kontakt/", views.contact_request, name="contact"),
    path("kontakt/danke/", views.thanks, name="thanks"),
]
