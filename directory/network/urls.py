from django.urls import path

from . import views

app_name = "network"
urlpatterns = [
    path("statistik/", views.statistics, name="statistics"),
    path("netzwerk/", views.network, name="network"),
]
