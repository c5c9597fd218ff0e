from django.urls import path

from . import views

app_name = "projects"
urlpatterns = [
    path("projekte/", views.ProjectListView.as_view(), name="list"),
    path("projekte/<int:pk>/", views.project_detail, name="detail"),
]
