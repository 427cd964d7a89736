"""Seats never exceed capacity, however many people apply and are accepted at the same moment
(PostgreSQL).

The tests run in a transactional database (rows are committed, then the tables flushed and the
migrations' rows restored, as for the browser journeys), so that every request uses a database
connection of its own and races the others on the cohort's row and its check constraint.
"""

from urllib.parse import urlencode

from django.test import Client
from django.urls import reverse

import pytest

from cohorts.models import Application, Cohort
from tests.concurrency import POSTGRESQL_ONLY, run_together
from tests.factories import (
    ApplicationFactory,
    CohortFactory,
    EditionPageFactory,
    SuperuserFactory,
    UserFactory,
)

pytestmark = [
    POSTGRESQL_ONLY,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

Status = Application.Status
SEATS = 30
APPLICANTS = 60

FORM = {
    "organisation": "Racing Cluster",
    "role": "cluster_manager",
    "country": "Bulgaria",
    "motivation": "We want a seat.",
    "learning_goals": "Everything.",
}


def accept_url(application_id):
    query = urlencode({"id": application_id, "next": reverse("applications:index")})
    return reverse("wagtail_bulk_action", args=["cohorts", "application", "accept"]) + "?" + query


@pytest.fixture
def racing_cohort(home):
    """An edition with SEATS seats open to applications, APPLICANTS people with an account and a
    member of staff."""
    cohort = CohortFactory(edition=EditionPageFactory(parent=home), seats=SEATS)
    people = [UserFactory(email=f"racer{n}@clusters.example.org") for n in range(APPLICANTS)]
    return cohort, people, SuperuserFactory(email="racing-staff@eccp.example.org")


def test_sixty_people_applying_and_accepted_at_once_never_overfill_thirty_seats(racing_cohort):
    cohort, people, staff = racing_cohort
    statuses = []

    def apply_and_be_accepted(person):
        def action():
            applicant = Client()
            applicant.force_login(person)
            statuses.append(
                applicant.post(reverse("cohorts:apply", args=[cohort.edition.pk]), FORM).status_code
            )
            application = Application.objects.get(cohort=cohort, applicant=person)
            reviewer = Client()
            reviewer.force_login(staff)
            statuses.append(reviewer.post(accept_url(application.pk)).status_code)

        return action

    run_together([apply_and_be_accepted(person) for person in people])

    assert statuses == [302] * (2 * APPLICANTS)
    stored = dict(Application.objects.filter(cohort=cohort).values_list("applicant_id", "status"))
    assert set(stored) == {person.pk for person in people}
    assert set(stored.values()) == {Status.ACCEPTED, Status.SUBMITTED}
    accepted = [pk for pk, status in stored.items() if status == Status.ACCEPTED]
    # Every accept refused was refused for want of a seat, so exactly the seats were filled.
    assert len(accepted) == SEATS
    cohort = Cohort.objects.get(pk=cohort.pk)
    assert cohort.seats_taken == SEATS
    members = set(cohort.participants_group.user_set.values_list("pk", flat=True))
    assert members == set(accepted)


def test_two_staff_tabs_accepting_the_same_applications_take_one_seat_each(racing_cohort):
    cohort, people, staff = racing_cohort
    applications = [ApplicationFactory(cohort=cohort, applicant=p) for p in people[:10]]

    def accept(application):
        def action():
            reviewer = Client()
            reviewer.force_login(staff)
            reviewer.post(accept_url(application.pk))

        return action

    run_together([accept(application) for application in applications for _tab in (1, 2)])

    assert Cohort.objects.get(pk=cohort.pk).seats_taken == 10
    statuses = Application.objects.filter(cohort=cohort).values_list("status", flat=True)
    assert set(statuses) == {Status.ACCEPTED}
