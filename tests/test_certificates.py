"""Anyone can verify a certificate by its code; the certificate outlives changes to the course."""

from django.urls import reverse
from django.utils import timezone

import pytest

from courses.models import ModulePage
from learning.models import Certificate, new_certificate_code
from tests.factories import (
    CourseWithModulesFactory,
    EditionPageFactory,
    EnrolmentFactory,
    ModuleCompletionFactory,
    UserFactory,
)


@pytest.fixture
def earned(home, client):
    """A certificate earned through the completion endpoint by a learner named Ana Novak."""
    learner = UserFactory(display_name="Ana Novak")
    edition = EditionPageFactory(
        parent=home, title="1st Cluster Booster Academy: Strasbourg", number=1
    )
    course = CourseWithModulesFactory(parent=edition, title="Designing cluster services")
    EnrolmentFactory(learner=learner, course=course)
    first, *rest = ModulePage.objects.child_of(course).order_by("path")
    for module in rest:
        ModuleCompletionFactory(learner=learner, module=module)
    client.force_login(learner)
    client.post(reverse("complete_module", args=[first.pk]))
    client.logout()
    return Certificate.objects.get(learner=learner, course=course)


def test_anyone_can_verify_a_certificate_by_its_code(client, earned):
    response = client.get(f"/certificates/{earned.code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ana Novak" in html
    assert "Designing cluster services" in html
    assert "1st Cluster Booster Academy" in html
    assert timezone.localtime(earned.issued_at).strftime("%Y-%m-%d") in html
    assert 'class="certificate-page"' in html
    print_sections = open("static/css/academy.css").read().split("@media print")[1:]
    assert any(".certificate {" in section for section in print_sections)
    assert earned.learner.email not in html


def test_codes_are_long_random_and_unique(earned):
    codes = {new_certificate_code() for _ in range(1000)}
    assert len(codes) == 1000
    assert len(earned.code) >= 22


@pytest.mark.parametrize("code", ["nope", "a" * 22, "../../etc/passwd"])
def test_unknown_codes_are_404(client, db, code):
    assert client.get(f"/certificates/{code}/").status_code == 404


def test_the_certificate_stays_verifiable_after_the_course_changes(client, earned):
    course = earned.course
    course.title = "Renamed course"
    course.save_revision().publish()
    assert "Designing cluster services" in client.get(earned.get_absolute_url()).content.decode()
    course.delete()
    response = client.get(earned.get_absolute_url())
    assert response.status_code == 200
    assert "Designing cluster services" in response.content.decode()
    assert "Ana Novak" in response.content.decode()


@pytest.mark.parametrize("deleted", ["the learner's account", "the certificate"])
def test_a_deleted_certificate_stops_being_genuine_at_once_even_with_the_page_cache_on(
    client, page_cache, earned, deleted
):
    url = earned.get_absolute_url()
    for _ in range(2):
        response = client.get(url)
        assert "Ana Novak" in response.content.decode()
        # Kept by no cache: neither the site's page cache nor a browser or proxy.
        assert "X-Page-Cache" not in response
        assert "no-store" in response["Cache-Control"]
    if deleted == "the certificate":
        earned.delete()
    else:
        earned.learner.delete()
    response = client.get(url)
    assert response.status_code == 404
    assert "Ana Novak" not in response.content.decode()
    assert "genuine" not in response.content.decode()
