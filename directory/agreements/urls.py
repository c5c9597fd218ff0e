from django.urls import path

from . import views

app_name = "agreements"

urlpatterns = [
    path("vereinbarungen/dokument/<path:name>", views.document, name="document"),
]
