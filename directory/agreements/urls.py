from django.urls import path

from . import views

app_name = "agreements"
urlpatterns = [
    path("vereinbarungen/", views.AgreementListView.as_view(), name="list"),
    path("vereinbarungen/<int:pk>/", views.agreement_detail, name="detail"),
    path("vereinbarungen/dokument/<path:name>", views.document, name="document"),
]
