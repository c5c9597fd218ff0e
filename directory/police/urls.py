from django.urls import path

from . import views

app_name = "police"
urlpatterns = [
    path("polizei/", views.PoliceUnitListView.as_view(), name="list"),
    path("polizei/<int:pk>/", views.police_unit_detail, name="detail"),
]
