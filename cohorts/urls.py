from django.urls import path

from cohorts import feeds, views

app_name = "cohorts"

urlpatterns = [
    path("editions/<int:edition_id>/apply/", views.apply, name="apply"),
    path("learning/applications/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("learning/applications/<int:pk>/confirm/", views.confirm_offer, name="confirm_offer"),
    path("learning/applications/<int:pk>/decline/", views.decline_offer, name="decline_offer"),
    path("calendar/editions/<int:edition_id>.ics", feeds.edition_feed, name="edition_feed"),
    path("calendar/sessions/<uuid:uid>.ics", feeds.session_ics, name="session_ics"),
    # A token is URL-safe base64 (`secrets.token_urlsafe`), the slug alphabet: nothing else
    # reaches the database (PostgreSQL refuses a NUL in a text).
    path("calendar/private/<slug:token>.ics", feeds.private_feed, name="private_feed"),
    path("learning/calendar/reset/", feeds.reset_feed, name="reset_feed"),
    path("learning/sessions/<int:pk>/attendance/", views.attendance, name="attendance"),
]
