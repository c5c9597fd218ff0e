from django.urls import path

from . import calendar, coordination, exports, feeds, registration, rsvp, views

app_name = "events"
urlpatterns = [
    path("veranstaltungen/", views.EventListView.as_view(), name="list"),
    path("veranstaltungen/<int:pk>/", views.event_detail, name="detail"),
    path("veranstaltungen/<int:pk>/kalender.ics", calendar.ics, name="ics"),
    path("veranstaltungen/dokument/<path:name>", views.document, name="document"),
    path("veranstaltungen/antwort/<str:token>/", rsvp.rsvp, name="rsvp"),
    path("veranstaltungen/<int:pk>/anmeldung/", registration.register, name="register"),
    path("veranstaltungen/<int:pk>/anmeldung/danke/", registration.registered, name="registered"),
    path("veranstaltungen/kalender/<str:token>.ics", feeds.feed, name="feed"),
    path("konto/kalender/", feeds.manage, name="feed_manage"),
    path("konto/kalender/widerrufen/", feeds.revoke, name="feed_revoke"),
    path("veranstaltungen/<int:pk>/einladungsliste/", coordination.build_list, name="build_list"),
    path("veranstaltungen/<int:pk>/versenden/", coordination.send, name="send"),
    path("veranstaltungen/<int:pk>/anwesenheit/", coordination.attendance, name="attendance"),
    path(
        "veranstaltungen/<int:pk>/antworten/<int:invitation_pk>/",
        coordination.record_answer,
        name="record_answer",
    ),
    path(
        "veranstaltungen/<int:pk>/anwesenheitsliste/",
        coordination.attendance_sheet,
        name="attendance_sheet",
    ),
    path("veranstaltungen/<int:pk>/einladungen.csv", coordination.invitations_csv, name="csv"),
    path(
        "veranstaltungen/<int:pk>/teilnahmeliste.<str:kind>",
        exports.attendance_export,
        name="attendance_export",
    ),
]
