from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("redaktion/einladen/", views.invite, name="invite"),
    path("konto/einladung/<str:token>/", views.accept, name="accept"),
    path("konto/zwei-faktor/", views.two_factor, name="two_factor"),
]
