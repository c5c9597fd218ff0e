from django.urls import path

from . import views

app_name = "exports"
urlpatterns = [path("export/<slug:list_key>/", views.export, name="export")]
