"""A learner follows a course from sign-up to certificate, and the rules hold on the way."""

import json
import re

from django.urls import reverse

import pytest

from courses.models import ModulePage
from learning.models import Certificate, Enrolment, ModuleCompletion
from tests.factories import (
    CourseWithModulesFactory,
    EnrolmentFactory,
    ModuleCompletionFactory,
    UserFactory,
    self_check,
)

PASSWORD = "a sturdy passphrase 42"


@pytest.fixture
def edition(academy):
    """Sofia 2024, the small academy's edition number 3."""
    return academy.editions[1]


@pytest.fixture
def ordered_course(edition):
    """Three modules taken in order, each with a required self-check whose answer is option 1."""
    return CourseWithModulesFactory(
        parent=edition,
        title="Testing your strategy",
        modules_in_order=True,
        modules__body=json.dumps([self_check(question="Which option is right?", correct=1)]),
    )


@pytest.fixture
def course(edition):
    return CourseWithModulesFactory(parent=edition, title="Open course")


def modules_of(course):
    return list(ModulePage.objects.child_of(course).live().order_by("path"))


def answer_field(html):
    return re.search(r'name="(answer-[^"]+)"', html).group(1)


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def test_whole_story_from_sign_up_to_certificate(client, edition, ordered_course):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "ana@cluster.example.eu",
            "display_name": "Ana Novak",
            "organisation": "Slovenian Wood Cluster",
            "country": "Slovenia",
            "role": "cluster_manager",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302
    client.post("/accounts/logout/")
    response = client.post(
        "/accounts/login/", {"username": "ana@cluster.example.eu", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get("/learning/").status_code == 200

    response = client.post(reverse("enrol", args=[ordered_course.pk]), follow=True)
    assert "You are enrolled" in response.content.decode()
    assert "0 of 3 modules" in response.content.decode()

    first, second, third = modules_of(ordered_course)
    html = client.get(third.url).content.decode()
    assert "Locked" in html
    assert 'id="module-complete-form"' not in html
    response = client.post(
        reverse("complete_module", args=[third.pk]), {answer_field(html): "1"}, follow=True
    )
    assert f"complete “{first.title}” first" in " ".join(messages_of(response))
    assert not ModuleCompletion.objects.filter(module=third).exists()

    for module in (first, second, third):
        html = client.get(module.url).content.decode()
        assert 'id="module-complete-form"' in html
        response = client.post(
            reverse("complete_module", args=[module.pk]), {answer_field(html): "1"}, follow=True
        )
        assert response.status_code == 200
        assert "You have completed this module." in response.content.decode()

    html = client.get(ordered_course.url).content.decode()
    assert "3 of 3 modules" in html
    assert "100%" in html
    assert html.count("status--done") == 3

    certificate = Certificate.objects.get(learner__email="ana@cluster.example.eu")
    verification = client.get(f"/certificates/{certificate.code}/").content.decode()
    assert "Ana Novak" in verification
    assert "Testing your strategy" in verification
    assert edition.title in verification

    dashboard = client.get("/learning/").content.decode()
    assert certificate.get_absolute_url() in dashboard
    assert "Testing your strategy" in dashboard[dashboard.index("completed-heading") :]


def test_anonymous_visitors_read_modules_and_are_invited_to_sign_in(client, course):
    module = modules_of(course)[0]
    html = client.get(module.url).content.decode()
    assert "Module text for the tests." in html
    assert "to enrol and track your progress" in html
    assert "/accounts/login/?next=" in html
    assert "enrol and track your progress" in client.get(course.url).content.decode()


def test_anonymous_completion_sends_to_sign_in_and_records_nothing(client, course):
    module = modules_of(course)[0]
    response = client.post(reverse("complete_module", args=[module.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert not ModuleCompletion.objects.filter(module=module).exists()


def test_enrolling_twice_is_harmless_and_leaving_keeps_completions(learner_client, learner, course):
    learner_client.post(reverse("enrol", args=[course.pk]))
    response = learner_client.post(reverse("enrol", args=[course.pk]), follow=True)
    assert "already enrolled" in " ".join(messages_of(response))
    assert Enrolment.objects.filter(learner=learner, course=course).count() == 1

    module = modules_of(course)[0]
    learner_client.post(reverse("complete_module", args=[module.pk]))
    learner_client.post(reverse("leave", args=[course.pk]))
    assert not Enrolment.objects.filter(learner=learner, course=course).exists()
    assert ModuleCompletion.objects.filter(learner=learner, module=module).exists()

    learner_client.post(reverse("enrol", args=[course.pk]))
    assert "1 of 3 modules" in learner_client.get(course.url).content.decode()


def test_completing_twice_leaves_one_record(learner_client, learner, course):
    learner_client.post(reverse("enrol", args=[course.pk]))
    module = modules_of(course)[0]
    learner_client.post(reverse("complete_module", args=[module.pk]))
    response = learner_client.post(reverse("complete_module", args=[module.pk]), follow=True)
    assert "already completed" in " ".join(messages_of(response))
    assert ModuleCompletion.objects.filter(learner=learner, module=module).count() == 1


def test_completion_needs_enrolment(learner_client, learner, course):
    module = modules_of(course)[0]
    response = learner_client.post(reverse("complete_module", args=[module.pk]), follow=True)
    assert response.status_code == 200
    assert f"Enrol in “{course.title}”" in " ".join(messages_of(response))
    assert not ModuleCompletion.objects.filter(learner=learner).exists()


@pytest.mark.parametrize("answer", ["0", "2", "", "not-a-number", "99"])
def test_wrong_or_missing_self_check_answer_is_refused_with_a_message(
    learner_client, learner, ordered_course, answer
):
    learner_client.post(reverse("enrol", args=[ordered_course.pk]))
    module = modules_of(ordered_course)[0]
    field = answer_field(learner_client.get(module.url).content.decode())
    response = learner_client.post(
        reverse("complete_module", args=[module.pk]), {field: answer}, follow=True
    )
    assert response.status_code == 200
    assert "Not quite: check your answer to “Which option is right?”" in messages_of(response)[0]
    assert not ModuleCompletion.objects.filter(learner=learner).exists()


def test_optional_self_checks_do_not_block_completion(learner_client, learner, edition):
    course = CourseWithModulesFactory(
        parent=edition, modules__body=json.dumps([self_check(required=False)])
    )
    learner_client.post(reverse("enrol", args=[course.pk]))
    module = modules_of(course)[0]
    learner_client.post(reverse("complete_module", args=[module.pk]))
    assert ModuleCompletion.objects.filter(learner=learner, module=module).exists()


def test_actions_need_post(learner_client, course):
    module = modules_of(course)[0]
    assert learner_client.get(reverse("complete_module", args=[module.pk])).status_code == 405
    assert learner_client.get(reverse("enrol", args=[course.pk])).status_code == 405
    assert learner_client.get(reverse("leave", args=[course.pk])).status_code == 405


def test_unknown_pages_and_codes_are_404(learner_client, course):
    module = modules_of(course)[0]
    # A module's id is not a course's, nor a course's a module's.
    assert learner_client.post(reverse("complete_module", args=[course.pk])).status_code == 404
    assert learner_client.post(reverse("enrol", args=[module.pk])).status_code == 404
    assert learner_client.post(course.url + "unenrol/").status_code == 404
    assert learner_client.get("/certificates/not-a-real-code/").status_code == 404


def test_unpublished_and_deleted_modules_never_count(learner_client, learner, course):
    EnrolmentFactory(learner=learner, course=course)
    first, second, third = modules_of(course)
    ModuleCompletionFactory(learner=learner, module=first)
    ModuleCompletionFactory(learner=learner, module=second)
    second.unpublish()
    html = learner_client.get(course.url).content.decode()
    assert "1 of 2 modules" in html

    first.delete()
    html = learner_client.get(course.url).content.decode()
    assert "0 of 1 module" in html
    response = learner_client.post(reverse("complete_module", args=[third.pk]), follow=True)
    assert response.status_code == 200
    assert "Course complete!" in " ".join(messages_of(response))
    assert Certificate.objects.get(learner=learner, course=course).module_count == 1


def test_completing_every_module_issues_exactly_one_certificate(learner_client, learner, course):
    learner_client.post(reverse("enrol", args=[course.pk]))
    for module in modules_of(course):
        learner_client.post(reverse("complete_module", args=[module.pk]))
    for module in modules_of(course):
        learner_client.post(reverse("complete_module", args=[module.pk]))
    assert Certificate.objects.filter(learner=learner, course=course).count() == 1


def test_course_page_offers_to_continue_where_the_learner_left_off(learner_client, learner, course):
    EnrolmentFactory(learner=learner, course=course)
    first, second, _ = modules_of(course)
    ModuleCompletionFactory(learner=learner, module=first)
    html = learner_client.get(course.url).content.decode()
    assert "Continue where you left off: " + second.title in html
    assert f'href="{second.url}"' in html
    assert 'role="progressbar"' in html or "<progress" in html
    assert 'aria-valuetext="1 of 3 modules"' in html


def test_another_learners_progress_is_never_shown(client, learner, course):
    EnrolmentFactory(learner=learner, course=course)
    for module in modules_of(course):
        ModuleCompletionFactory(learner=learner, module=module)
    other = UserFactory()
    client.force_login(other)
    assert "Enrol in this course" in client.get(course.url).content.decode()
    assert "status--done" not in client.get(course.url).content.decode()
    dashboard = client.get("/learning/").content.decode()
    assert course.title not in dashboard
    exported = client.get("/accounts/export/").json()
    assert exported["profile"]["email"] == other.email
    assert exported["enrolments"] == []
    assert exported["module_completions"] == []


def test_my_learning_shows_courses_next_module_and_skills(learner_client, learner, course):
    EnrolmentFactory(learner=learner, course=course)
    first, second, _ = modules_of(course)
    ModuleCompletionFactory(learner=learner, module=first)
    html = learner_client.get("/learning/").content.decode()
    assert course.title in html
    assert "1 of 3 modules" in html
    assert f'Next: <a href="{second.url}">{second.title}</a>' in html
    skill = first.skills.get()
    profile = html[html.index("skills-heading") :]
    assert skill.name in profile
    assert skill.area.name.replace("&", "&amp;") in profile
    assert second.skills.get().name not in profile


def test_my_learning_needs_sign_in(client):
    response = client.get("/learning/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
