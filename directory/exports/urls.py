from django.urls import path

from . import merkliste, views

app_name = "exports"
urlpatterns = [
    path("export/<slug:list_key>/", views.export, name="export"),
    path("merkliste/", merkliste.merkliste, name="merkliste"),
    path("merkliste/alle-hinzufuegen/", merkliste.save_all, name="merkliste_add_all"),
    path("merkliste/leeren/", merkliste.clear, name="merkliste_clear"),
    path("merkliste/<int:pk>/merken/", merkliste.save, name="merkliste_save"),
    path("merkliste/<int:pk>/entfernen/", merkliste.remove, name="merkliste_remove"),
]
