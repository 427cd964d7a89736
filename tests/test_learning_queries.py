"""Course page, module page, My learning and completion cost the same queries at any size."""

import json

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from courses.models import ModulePage
from credentials.keys import signing_key
from tests.factories import (
    CertificateFactory,
    CourseWithModulesFactory,
    EditionPageFactory,
    EnrolmentFactory,
    ModuleCompletionFactory,
    UserFactory,
    self_check,
)


@pytest.fixture
def edition(home):
    return EditionPageFactory(parent=home)


def course_half_done(edition, learner, size):
    """An ordered course of `size` modules (each with a required self-check), half completed."""
    course = CourseWithModulesFactory(
        parent=edition,
        modules=size,
        modules_in_order=True,
        modules__body=json.dumps([self_check(correct=2)]),
    )
    EnrolmentFactory(learner=learner, course=course)
    modules = list(ModulePage.objects.child_of(course).order_by("path"))
    for module in modules[: size // 2]:
        ModuleCompletionFactory(learner=learner, module=module)
    return course, modules


def queries(client, method, url, data=None):
    getattr(client, method)(url, data)  # warm Wagtail's site and URL caches
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(url, data)
    assert response.status_code in (200, 302)
    return len(captured)


@pytest.mark.parametrize("page", ["course", "module"])
def test_course_and_module_pages_cost_the_same_for_3_or_30_modules(
    client, edition, django_assert_num_queries, page
):
    learner = UserFactory()
    client.force_login(learner)
    small, small_modules = course_half_done(edition, learner, 3)
    large, large_modules = course_half_done(edition, learner, 30)
    # A third course left undone: finishing the second course must not also finish the edition,
    # whose own credential would add its queries to the second request only.
    course_half_done(edition, learner, 2)
    url = {"course": lambda c, m: c.url, "module": lambda c, m: m[-1].url}[page]
    expected = queries(client, "get", url(small, small_modules))
    client.get(url(large, large_modules))
    with django_assert_num_queries(expected):
        client.get(url(large, large_modules))


def test_my_learning_costs_the_same_for_one_course_or_many(
    client, edition, django_assert_num_queries
):
    few, many = UserFactory(), UserFactory()
    course_half_done(edition, few, 3)
    for size in (30, 12, 8, 5):
        course, modules = course_half_done(edition, many, size)
    for module in modules[5 // 2 :]:
        ModuleCompletionFactory(learner=many, module=module)
    CertificateFactory(learner=many, course=course)
    client.force_login(few)
    expected = queries(client, "get", "/learning/")
    client.force_login(many)
    client.get("/learning/")
    with django_assert_num_queries(expected):
        html = client.get("/learning/").content.decode()
    # Three courses in progress; the finished one is listed with its certificate instead.
    assert html.count("<progress") == 3
    assert "View and share your certificate" in html


def test_completing_the_last_module_costs_the_same_for_3_or_30_modules(
    client, edition, django_assert_num_queries
):
    """The course's state comes from counts, so finishing a long course walks no module list."""
    learner = UserFactory()
    client.force_login(learner)
    small, small_modules = course_half_done(edition, learner, 3)
    large, large_modules = course_half_done(edition, learner, 30)
    # A third course left undone: finishing the second course must not also finish the edition,
    # whose own credential would add its queries to the second request only.
    course_half_done(edition, learner, 2)
    for module in small_modules[1:-1]:
        ModuleCompletionFactory(learner=learner, module=module)
    for module in large_modules[15:-1]:
        ModuleCompletionFactory(learner=learner, module=module)
    signing_key()  # the first credential would create the academy's key: one exists already
    client.get(small_modules[-1].url)  # warm Wagtail's site and URL caches
    client.get(large_modules[-1].url)
    answer = {f"answer-{small_modules[-1].self_checks[0].id}": "2"}
    # Both requests look content types up afresh, as the first request of a process does.
    ContentType.objects.clear_cache()
    with CaptureQueriesContext(connection) as captured:
        client.post(reverse("complete_module", args=[small_modules[-1].pk]), answer)
    answer = {f"answer-{large_modules[-1].self_checks[0].id}": "2"}
    ContentType.objects.clear_cache()
    with django_assert_num_queries(len(captured)):
        client.post(reverse("complete_module", args=[large_modules[-1].pk]), answer)
    assert small.certificates.count() == 1
    assert large.certificates.count() == 1
