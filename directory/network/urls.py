from django.urls import path

from . import trends, views

app_name = "network"
urlpatterns = [
    path("statistik/", views.statistics, name="statistics"),
    path("netzwerk/", views.network, name="network"),
    path("redaktion/verlauf.csv", trends.trends_csv, name="trends_csv"),
]
