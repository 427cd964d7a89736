"""Sessions in the admin: times entered and shown in the session's own zone, whatever the
editor's; moving or cancelling raises the calendar SEQUENCE; bad input is a form error."""

import datetime
import zoneinfo

from django.urls import reverse

from wagtail.users.models import UserProfile

import pytest

from cohorts.models import Session
from tests.factories import EditionPageFactory, SessionFactory, SuperuserFactory

UTC = datetime.UTC
SOFIA = zoneinfo.ZoneInfo("Europe/Sofia")


@pytest.fixture
def editor(client, db):
    """Staff working from New York: the admin shows them times in their own zone elsewhere."""
    user = SuperuserFactory()
    profile = UserProfile.get_for_user(user)
    profile.current_time_zone = "America/New_York"
    profile.save()
    client.force_login(user)
    return client


@pytest.fixture
def edition(home):
    return EditionPageFactory(parent=home)


def session_form(edition, /, **fields):
    return {
        "edition": edition.pk,
        "title": "Study visit",
        "kind": "on_site",
        "starts_at": "2024-03-14 09:00",
        "ends_at": "2024-03-14 17:00",
        "time_zone": "Europe/Sofia",
        "venue": "Sofia Tech Park",
        **fields,
    }


def test_the_sessions_are_in_the_cohorts_menu(editor):
    response = editor.get(reverse("wagtailadmin_home"))
    assert "Cohorts" in response.content.decode()
    assert reverse("sessions:index") in response.content.decode()


def test_a_new_session_starts_in_brussels_time(editor, edition):
    response = editor.get(reverse("sessions:add"))
    assert response.status_code == 200
    assert '<option value="Europe/Brussels" selected>' in response.content.decode()
    assert '<option value="Europe/Sofia">' in response.content.decode()


def test_times_are_entered_in_the_sessions_zone(editor, edition):
    response = editor.post(reverse("sessions:add"), session_form(edition))

    assert response.status_code == 302
    session = Session.objects.get()
    # 09:00 in Sofia (EET, UTC+2) whatever the editor's own zone.
    assert session.starts_at == datetime.datetime(2024, 3, 14, 7, tzinfo=UTC)
    assert session.ends_at == datetime.datetime(2024, 3, 14, 15, tzinfo=UTC)
    assert session.time_zone == "Europe/Sofia"


def test_times_are_shown_in_the_sessions_zone(editor, edition):
    session = SessionFactory(
        edition=edition,
        starts_at=datetime.datetime(2024, 7, 2, 10, 30, tzinfo=SOFIA),
        ends_at=datetime.datetime(2024, 7, 2, 12, tzinfo=SOFIA),
        time_zone="Europe/Sofia",
    )

    response = editor.get(reverse("sessions:edit", args=[session.pk]))

    assert 'value="2024-07-02 10:30"' in response.content.decode()
    assert 'value="2024-07-02 12:00"' in response.content.decode()
    listing = editor.get(reverse("sessions:index")).content.decode()
    assert "Tue 2 Jul 2024, 10:30 EEST" in listing


def test_moving_a_session_raises_its_sequence_and_keeps_its_uid(editor, edition):
    editor.post(reverse("sessions:add"), session_form(edition))
    session = Session.objects.get()
    edit_url = reverse("sessions:edit", args=[session.pk])

    editor.post(edit_url, session_form(edition))  # saved unchanged
    unchanged = Session.objects.get()
    editor.post(edit_url, session_form(edition, starts_at="2024-03-14 10:00"))
    moved = Session.objects.get()

    assert unchanged.sequence == session.sequence
    assert moved.sequence == session.sequence + 1
    assert moved.uid == session.uid
    assert moved.starts_at == datetime.datetime(2024, 3, 14, 8, tzinfo=UTC)


def test_cancelling_is_ticking_the_box(editor, edition):
    session = SessionFactory(edition=edition)
    form = session_form(edition, cancelled="on")

    response = editor.post(reverse("sessions:edit", args=[session.pk]), form)

    assert response.status_code == 302
    session.refresh_from_db()
    assert session.cancelled
    assert session.sequence == 1
    listing = editor.get(reverse("sessions:index"), {"cancelled": "true"}).content.decode()
    assert session.title in listing


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"ends_at": "2024-03-14 08:00"}, "ends_at", "A session must end after it starts."),
        ({"ends_at": "2024-03-14 09:00"}, "ends_at", "A session must end after it starts."),
        ({"time_zone": "Mars/Olympus_Mons"}, "time_zone", "Select a valid choice."),
        ({"time_zone": ""}, "time_zone", "This field is required."),
        ({"starts_at": "14 March at nine"}, "starts_at", "Enter a valid date/time."),
        ({"starts_at": ""}, "starts_at", "This field is required."),
        # The clocks skip from 03:00 to 04:00 in Sofia that night.
        (
            {"starts_at": "2024-03-31 03:30", "ends_at": "2024-03-31 05:00"},
            "starts_at",
            "does not exist or happens twice in Europe/Sofia",
        ),
        ({"edition": "999999999999999999999"}, "edition", "Select a valid choice."),
        ({"modules": "999999999999999999999"}, "modules", "Select a valid choice."),
        ({"trainers": "999999999999999999999"}, "trainers", "Select a valid choice."),
        ({"materials": "999999999999999999999"}, "materials", "Select a valid choice."),
        ({"join_url": "javascript:alert(1)"}, "join_url", "Enter a valid URL."),
    ],
    ids=[
        "end before start",
        "no length",
        "unknown zone",
        "no zone",
        "not a time",
        "no start",
        "clocks change",
        "no such edition",
        "no such module",
        "no such trainer",
        "no such material",
        "join link not a web address",
    ],
)
def test_bad_input_is_a_form_error(editor, edition, fields, field, message):
    response = editor.post(reverse("sessions:add"), session_form(edition, **fields))

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors, errors
    assert any(message in error for error in errors[field])
    assert not Session.objects.exists()


def test_the_listing_filters_by_edition_and_kind(editor, home, edition):
    other = EditionPageFactory(parent=home)
    SessionFactory(edition=edition, title="Online in the first")
    SessionFactory(edition=edition, title="On site in the first", kind="on_site")
    SessionFactory(edition=other, title="Online in the other")

    by_edition = editor.get(reverse("sessions:index"), {"edition": edition.pk})
    by_kind = editor.get(reverse("sessions:index"), {"kind": "on_site"})

    assert "Online in the first" in by_edition.content.decode()
    assert "Online in the other" not in by_edition.content.decode()
    assert "On site in the first" in by_kind.content.decode()
    assert "Online in the first" not in by_kind.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"q": "\x00"},
        {"q": "visit"},
        {"edition": "99999999999999999999999"},
        {"edition": "sofia"},
        {"kind": "webinar"},
        {"cancelled": "maybe"},
    ],
)
def test_odd_listing_filters_never_fail(editor, edition, params):
    SessionFactory(edition=edition, title="Study visit")
    assert editor.get(reverse("sessions:index"), params).status_code == 200


def test_the_listing_searches_titles_and_venues(editor, edition):
    SessionFactory(edition=edition, title="Study visit", venue="Sofia Tech Park")
    SessionFactory(edition=edition, title="Opening session")

    by_title = editor.get(reverse("sessions:index"), {"q": "visit"}).content.decode()
    by_venue = editor.get(reverse("sessions:index"), {"q": "tech park"}).content.decode()

    assert "Study visit" in by_title
    assert "Opening session" not in by_title
    assert "Study visit" in by_venue
