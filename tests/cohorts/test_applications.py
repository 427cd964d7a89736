"""Applying to an edition run as a cohort, the staff's decisions, withdrawing, the waitlist's offers
and their deadlines, the participants group, and the application panel of the edition's page."""

import datetime

from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from cohorts import applications
from cohorts.applications import ApplicationRefused
from cohorts.models import Application, Cohort
from lms.accounts.models import User
from lms.core.cache import current_generation
from tests.factories import (
    ApplicationFactory,
    CohortFactory,
    EditionPageFactory,
    PageViewRestrictionFactory,
    UserFactory,
    crowd_of_applicants,
)

Status = Application.Status
pytestmark = pytest.mark.django_db


def days(n):
    return datetime.timedelta(days=n)


def form_data(**changes):
    return {
        "organisation": "Photonics Cluster Piemonte",
        "role": "cluster_manager",
        "country": "Italy",
        "motivation": "Our cluster is growing and needs a strategy.",
        "learning_goals": "Strategy, funding and internationalisation.",
        **changes,
    }


def apply_url(edition):
    return reverse("cohorts:apply", args=[edition.pk])


def action_url(name, application):
    return reverse(f"cohorts:{name}", args=[application.pk])


@pytest.fixture
def edition(home):
    return EditionPageFactory(parent=home, title="Turin 2027", slug="turin-2027")


@pytest.fixture
def cohort(edition):
    """Two seats, applications open since yesterday for a month, for cluster teams."""
    return CohortFactory(edition=edition, seats=2)


@pytest.fixture
def staff():
    return UserFactory(is_staff=True, is_superuser=True, email="staff@eccp.example.org")


def fresh(obj):
    obj.refresh_from_db()
    return obj


def applied(cohort, **user):
    return ApplicationFactory(cohort=cohort, applicant=UserFactory(**user))


def subjects():
    return [message.subject for message in mail.outbox]


def html_of(message):
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


# Applying


def test_a_signed_in_person_applies_with_their_profile_prefilled_and_hears_by_email(
    client, cohort, edition
):
    learner = UserFactory(
        display_name="Giulia Rossi", organisation="Photonics Cluster Piemonte", country="Italy"
    )
    learner.role = User.Role.CLUSTER_MANAGER
    learner.save()
    client.force_login(learner)

    form = client.get(apply_url(edition)).content.decode()
    assert 'value="Photonics Cluster Piemonte"' in form
    assert '<option value="cluster_manager" selected>' in form

    response = client.post(apply_url(edition), form_data(), follow=True)

    assert response.redirect_chain == [(edition.url, 302)]
    assert "your application to “Turin 2027” is received" in response.content.decode()
    application = Application.objects.get(applicant=learner)
    assert (application.cohort, application.status) == (cohort, Status.SUBMITTED)
    assert (application.organisation, application.role) == (
        "Photonics Cluster Piemonte",
        "Cluster manager",
    )
    [message] = mail.outbox
    assert message.to == [learner.email]
    assert message.subject == "Your application to Turin 2027 is received"
    assert "Hello Giulia Rossi" in message.body and edition.full_url in message.body
    assert "Turin 2027" in html_of(message) and "<p>" in html_of(message)


def test_applying_twice_is_refused_and_stores_one_application(client, learner, cohort, edition):
    client.force_login(learner)
    client.post(apply_url(edition), form_data())

    response = client.post(apply_url(edition), form_data(country="France"), follow=True)

    assert "You have already applied to “Turin 2027”." in response.content.decode()
    assert Application.objects.filter(applicant=learner).count() == 1
    # The database's uniqueness decides, whatever the view checked before.
    with pytest.raises(ApplicationRefused, match="already applied"):
        applications.apply(learner, cohort, form_data())
    assert Application.objects.filter(applicant=learner).count() == 1


@pytest.mark.parametrize(
    ("opens", "closes", "message"),
    [
        (days(2), days(30), "Applications to “Turin 2027” open on"),
        (-days(30), -days(1), "Applications to “Turin 2027” closed on"),
        (None, None, "“Turin 2027” does not take applications."),
    ],
    ids=["before-opening", "after-closing", "never-opened"],
)
def test_applying_outside_the_dates_is_refused_with_a_clear_message(
    learner_client, edition, opens, closes, message
):
    now = timezone.now()
    CohortFactory(
        edition=edition,
        applications_open_at=opens and now + opens,
        applications_close_at=closes and now + closes,
    )

    page = learner_client.get(apply_url(edition))
    response = learner_client.post(apply_url(edition), form_data())

    assert page.status_code == 200 and message in page.content.decode()
    assert 'name="motivation"' not in page.content.decode()
    assert response.status_code == 400 and message in response.content.decode()
    assert not Application.objects.exists()
    assert not mail.outbox


@pytest.mark.parametrize(
    "field", ["organisation", "role", "country", "motivation", "learning_goals"]
)
def test_a_missing_field_is_a_form_error_and_nothing_is_stored(learner_client, cohort, field):
    response = learner_client.post(apply_url(cohort.edition), form_data(**{field: ""}))

    assert response.status_code == 400
    assert response.context["form"].errors[field] == ["This field is required."]
    assert not Application.objects.exists()


def test_the_role_given_decides_who_may_apply(learner_client, learner, edition):
    cohort = CohortFactory(edition=edition, open_to=Cohort.OpenTo.CLUSTER_MANAGERS)

    response = learner_client.post(apply_url(edition), form_data(role="cluster_staff"))

    assert response.status_code == 400
    assert response.context["form"].errors["role"] == [
        "“Turin 2027” is open to cluster managers only."
    ]
    assert not Application.objects.exists()
    # Open to anyone with an account, a policy maker may apply.
    cohort.open_to = Cohort.OpenTo.EVERYONE
    cohort.save()
    assert (
        learner_client.post(apply_url(edition), form_data(role="policy_maker")).status_code == 302
    )
    assert Application.objects.get(applicant=learner).role == "Policy maker"


@pytest.mark.parametrize(
    "changes",
    [
        {"motivation": "x" * 100_000},
        {"organisation": "y" * 5000},
        {"country": "Italy\x00"},
        {"role": "administrator"},
    ],
    ids=["huge-motivation", "huge-organisation", "nul", "unknown-role"],
)
def test_hostile_input_is_a_form_error(learner_client, cohort, changes):
    response = learner_client.post(apply_url(cohort.edition), form_data(**changes))

    assert response.status_code == 400
    assert response.context["form"].errors
    assert not Application.objects.exists()


def test_an_edition_one_may_not_see_or_apply_to_answers_404(client, learner, home, cohort):
    draft = EditionPageFactory(parent=home, live=False)
    CohortFactory(edition=draft)
    closed = EditionPageFactory(parent=home)
    CohortFactory(edition=closed)
    PageViewRestrictionFactory(
        page=closed, restriction_type=PageViewRestriction.GROUPS, groups=[Group.objects.create()]
    )
    no_cohort = EditionPageFactory(parent=home)
    client.force_login(learner)

    for edition_id in (draft.pk, closed.pk, no_cohort.pk, 999999, 10**30):
        url = reverse("cohorts:apply", args=[edition_id])
        assert client.get(url).status_code == 404, edition_id
        assert client.post(url, form_data()).status_code == 404, edition_id
    assert not Application.objects.exists()


def test_an_anonymous_visitor_signs_in_first(client, cohort):
    response = client.post(apply_url(cohort.edition), form_data())

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    assert not Application.objects.exists()


# Seats


def test_accepting_fills_the_seats_and_then_is_refused_changing_nothing(cohort, staff):
    first, second, third = (applied(cohort) for _ in range(3))

    applications.accept(first, by=staff)
    applications.accept(second, by=staff)
    mail.outbox.clear()
    with pytest.raises(ApplicationRefused, match="No seat left in “Turin 2027”: all 2 seats"):
        applications.accept(third, by=staff)

    assert fresh(cohort).seats_taken == 2
    assert [fresh(a).status for a in (first, second, third)] == [
        Status.ACCEPTED,
        Status.ACCEPTED,
        Status.SUBMITTED,
    ]
    assert not mail.outbox
    group = Group.objects.get(cohort=cohort)
    assert set(group.user_set.all()) == {first.applicant, second.applicant}


def test_accepting_the_same_application_twice_takes_one_seat(cohort, staff):
    application = applied(cohort)
    applications.accept(application, by=staff)

    with pytest.raises(ApplicationRefused, match="already accepted"):
        applications.accept(application, by=staff)

    assert fresh(cohort).seats_taken == 1


def test_every_status_change_emails_the_applicant_both_parts(cohort, staff):
    application = applied(cohort, display_name="Ana Pop")

    applications.waitlist(application, by=staff)
    applications.accept(application, by=staff)
    applications.decline(application, by=staff)

    assert subjects() == [
        "You are on the waiting list for Turin 2027",
        "You have a seat in Turin 2027",
        "Your application to Turin 2027",
    ]
    for message in mail.outbox:
        assert message.to == [application.applicant.email]
        assert message.body.startswith("Hello Ana Pop,")
        assert "Hello Ana Pop," in html_of(message)
    assert "in position 1" in mail.outbox[0].body


@pytest.fixture
def full_cohort(cohort, staff):
    """Both seats taken by Ada and Ben; Cleo then Dan on the waiting list."""
    people = {}
    for name in ("Ada", "Ben", "Cleo", "Dan"):
        people[name] = applied(cohort, display_name=name)
    applications.accept(people["Ada"], by=staff)
    applications.accept(people["Ben"], by=staff)
    applications.waitlist(people["Cleo"], by=staff)
    applications.waitlist(people["Dan"], by=staff)
    mail.outbox.clear()
    return people


def test_a_participant_who_withdraws_frees_the_seat_for_the_first_on_the_waitlist(
    client, cohort, full_cohort
):
    ada, cleo, dan = full_cohort["Ada"], full_cohort["Cleo"], full_cohort["Dan"]
    client.force_login(ada.applicant)

    response = client.post(action_url("withdraw", ada), follow=True)

    assert "Your application to “Turin 2027” is withdrawn." in response.content.decode()
    assert fresh(ada).status == Status.WITHDRAWN
    cleo = fresh(cleo)
    assert cleo.status == Status.OFFERED
    deadline = cleo.offer_expires_at - timezone.now()
    assert days(3) - datetime.timedelta(minutes=1) < deadline <= days(3)
    assert applications.waitlist_position(fresh(dan)) == 1
    assert fresh(cohort).seats_taken == 2
    group = Group.objects.get(cohort=cohort)
    assert ada.applicant not in group.user_set.all()
    offer = next(m for m in mail.outbox if m.to == [cleo.applicant.email])
    assert offer.subject.startswith("A seat in Turin 2027 is yours if you confirm by ")
    shown_deadline = timezone.localtime(cleo.offer_expires_at).strftime("%H:%M")
    assert shown_deadline in offer.body and shown_deadline in html_of(offer)
    assert subjects().count("Your application to Turin 2027 is withdrawn") == 1


def test_the_withdraw_button_asks_first_and_changes_nothing_until_confirmed(
    client, cohort, full_cohort
):
    ada = full_cohort["Ada"]
    client.force_login(ada.applicant)

    page = client.get(action_url("withdraw", ada), {"next": "/learning/"}).content.decode()

    assert "Your seat goes to the next person on the waiting list." in page
    assert 'name="next" value="/learning/"' in page
    assert fresh(ada).status == Status.ACCEPTED
    hostile = client.get(action_url("withdraw", ada), {"next": "https://evil.example/"})
    assert "evil.example" not in hostile.content.decode()


def test_confirming_the_offer_in_time_makes_a_participant(client, cohort, full_cohort):
    applications.withdraw(full_cohort["Ada"])
    cleo = fresh(full_cohort["Cleo"])
    client.force_login(cleo.applicant)

    response = client.post(action_url("confirm_offer", cleo), follow=True)

    assert "The seat is yours: welcome to “Turin 2027”." in response.content.decode()
    assert fresh(cleo).status == Status.ACCEPTED
    assert fresh(cleo).offer_expires_at is None
    assert cleo.applicant in Group.objects.get(cohort=cohort).user_set.all()
    assert fresh(cohort).seats_taken == 2


def test_an_offer_not_confirmed_in_time_moves_to_the_next_on_the_waitlist(cohort, full_cohort):
    applications.withdraw(full_cohort["Ada"])
    cleo, dan = fresh(full_cohort["Cleo"]), full_cohort["Dan"]
    mail.outbox.clear()

    assert applications.expire_due_offers() == 0  # not due yet
    assert applications.expire_due_offers(now=cleo.offer_expires_at + days(1)) == 1

    assert fresh(cleo).status == Status.WITHDRAWN
    assert fresh(dan).status == Status.OFFERED
    assert fresh(cohort).seats_taken == 2
    assert subjects() == [
        "Your offer of a seat in Turin 2027 has expired",
        f"A seat in Turin 2027 is yours if you confirm by "
        f"{timezone.localtime(fresh(dan).offer_expires_at):%-d %B %Y, %H:%M %Z}",
    ]


def test_confirming_too_late_is_refused_and_the_offer_moves_on(cohort, full_cohort):
    applications.withdraw(full_cohort["Ada"])
    cleo = fresh(full_cohort["Cleo"])

    with pytest.raises(ApplicationRefused, match="This offer expired on"):
        applications.confirm_offer(cleo, now=cleo.offer_expires_at + datetime.timedelta(1))

    assert fresh(cleo).status == Status.WITHDRAWN
    assert fresh(full_cohort["Dan"]).status == Status.OFFERED


def test_declining_the_offer_moves_it_to_the_next(client, cohort, full_cohort):
    applications.withdraw(full_cohort["Ada"])
    cleo = fresh(full_cohort["Cleo"])
    client.force_login(cleo.applicant)

    client.post(action_url("decline_offer", cleo))

    assert fresh(cleo).status == Status.WITHDRAWN
    assert fresh(full_cohort["Dan"]).status == Status.OFFERED
    assert fresh(cohort).seats_taken == 2


def test_the_expiry_task_is_harmless_at_any_time(cohort, full_cohort):
    applications.withdraw(full_cohort["Ada"])
    cleo = fresh(full_cohort["Cleo"])

    applications.expire_offer.enqueue(cleo.pk)  # before the deadline
    assert fresh(cleo).status == Status.OFFERED
    applications.confirm_offer(cleo)
    applications.expire_offer.enqueue(cleo.pk)  # after confirming
    applications.expire_offer.enqueue(999999)  # gone
    assert fresh(cleo).status == Status.ACCEPTED
    assert fresh(full_cohort["Dan"]).status == Status.WAITLISTED


def test_an_offer_plans_its_expiry_where_the_backend_defers_tasks(settings, cohort, full_cohort):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

    applications.withdraw(full_cohort["Ada"])

    cleo = fresh(full_cohort["Cleo"])
    [planned] = [
        result
        for result in applications.expire_offer.get_backend().results
        if result.task.func == applications.expire_offer.func
    ]
    assert list(planned.args) == [cleo.pk]
    assert planned.task.run_after == cleo.offer_expires_at


def test_staff_declining_a_participant_offers_the_seat_too(cohort, staff, full_cohort):
    applications.decline(full_cohort["Ben"], by=staff)

    assert fresh(full_cohort["Cleo"]).status == Status.OFFERED
    assert full_cohort["Ben"].applicant not in Group.objects.get(cohort=cohort).user_set.all()


def test_a_deleted_account_frees_its_seat(cohort, full_cohort):
    full_cohort["Ben"].applicant.delete()

    assert fresh(cohort).seats_taken == 2
    assert fresh(full_cohort["Cleo"]).status == Status.OFFERED


def test_statuses_move_only_the_way_they_may(cohort, staff, full_cohort):
    with pytest.raises(ApplicationRefused, match="is accepted: it cannot be waitlisted"):
        applications.waitlist(full_cohort["Ada"], by=staff)
    with pytest.raises(ApplicationRefused, match="is waitlisted: it cannot be confirmed"):
        applications.confirm_offer(full_cohort["Cleo"])
    applications.withdraw(full_cohort["Dan"])
    with pytest.raises(ApplicationRefused, match="already withdrawn"):
        applications.withdraw(full_cohort["Dan"])


# The participants group


def test_each_cohort_gets_its_participants_group_kept_in_step(home, staff):
    edition = EditionPageFactory(parent=home, title="Sofia 2028")
    cohort = CohortFactory(edition=edition)
    group = Group.objects.get(cohort=cohort)
    assert group.name == "Participants: Sofia 2028"
    # Another edition of the same title gets a group of its own.
    twin = CohortFactory(
        edition=EditionPageFactory(parent=home, title="Sofia 2028", slug="sofia-2028-again")
    )
    assert twin.participants_group != group

    application = applied(cohort)
    applications.accept(application, by=staff)
    assert list(group.user_set.all()) == [application.applicant]
    applications.withdraw(application)
    assert not group.user_set.exists()

    # A group deleted by mistake comes back with the participants.
    other = applied(cohort)
    applications.accept(other, by=staff)
    group.delete()
    applications.accept(applied(cohort), by=staff)
    group = Group.objects.get(cohort=cohort)
    assert other.applicant in group.user_set.all()


# Other people's applications


def test_other_peoples_applications_answer_404(client, cohort, full_cohort):
    applications.withdraw(full_cohort["Ada"])
    cleo = fresh(full_cohort["Cleo"])
    client.force_login(full_cohort["Dan"].applicant)

    for name in ("withdraw", "confirm_offer", "decline_offer"):
        assert client.post(action_url(name, cleo)).status_code == 404
        assert client.post(reverse(f"cohorts:{name}", args=[10**30])).status_code == 404
    client.force_login(cleo.applicant)
    assert client.get(action_url("confirm_offer", cleo)).status_code == 405
    assert fresh(cleo).status == Status.OFFERED


def test_a_refused_action_is_a_message_not_an_error(client, cohort, full_cohort):
    dan = full_cohort["Dan"]
    client.force_login(dan.applicant)

    response = client.post(action_url("confirm_offer", dan), follow=True)

    assert response.status_code == 200
    assert "This application is waitlisted: it cannot be confirmed now." in (
        response.content.decode()
    )


# The edition page's panel


def test_the_panel_tells_anonymous_visitors_when_and_how_to_apply(client, cohort, full_cohort):
    page = client.get(cohort.edition.url).content.decode()

    assert "Applications are open until" in page
    assert "all taken: new applicants may be waitlisted" in page
    assert "Cluster managers and cluster staff" in page
    assert apply_url(cohort.edition) in page
    assert "Your application" not in page and "csrfmiddlewaretoken" not in page


def test_the_panel_shows_an_applicant_their_status_position_and_offer(client, cohort, full_cohort):
    client.force_login(full_cohort["Dan"].applicant)
    page = client.get(cohort.edition.url).content.decode()
    assert "<strong>Waitlisted</strong>" in page and "You are number 2 on the waiting list" in page

    applications.withdraw(full_cohort["Ada"])
    client.force_login(full_cohort["Cleo"].applicant)
    page = client.get(cohort.edition.url).content.decode()
    deadline = timezone.localtime(fresh(full_cohort["Cleo"]).offer_expires_at)
    assert f"{deadline:%-d %B %Y, %H:%M}" in page
    assert action_url("confirm_offer", full_cohort["Cleo"]) in page
    assert action_url("decline_offer", full_cohort["Cleo"]) in page


def test_changing_a_cohort_refreshes_the_cached_edition_page(client, page_cache, cohort, staff):
    url = cohort.edition.url
    assert "2 still free" in client.get(url).content.decode()
    assert client.get(url)["X-Page-Cache"] == "hit"

    applications.accept(applied(cohort), by=staff)
    assert "1 still free" in client.get(url).content.decode()

    generation = current_generation()
    cohort = fresh(cohort)
    cohort.seats = 40
    cohort.save()
    assert current_generation() != generation
    assert "40, 39 still free" in client.get(url).content.decode()


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "waitlisted-applicant"])
def test_the_edition_page_runs_the_same_queries_for_10_or_500_applicants(
    client, django_assert_num_queries, cohort, signed_in
):
    crowd_of_applicants(cohort, 10)
    if signed_in:
        client.force_login(Application.objects.last().applicant)
    client.get(cohort.edition.url)  # Fills the caches every request then finds filled.
    with CaptureQueriesContext(connection) as few:
        assert client.get(cohort.edition.url).status_code == 200

    crowd_of_applicants(cohort, 490)
    with django_assert_num_queries(len(few)):
        page = client.get(cohort.edition.url).content.decode()
    if signed_in:
        assert "You are number 10 on the waiting list" in page
