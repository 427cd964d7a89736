"""A self-check's right answer and its explanation stay on the server: no API, page or search
result shows them, and the completion form grades only a few wrong answers in a row per learner
and module before it makes the learner wait (the review's finding that answers were public)."""

import json
import re
import time

from django.test import Client
from django.urls import reverse

from wagtail.models import APIToken

import pytest

from courses.models import ModulePage
from learning.models import ModuleCompletion
from tests.factories import (
    CourseWithModulesFactory,
    EditionPageFactory,
    EditorFactory,
    UserFactory,
    self_check,
)

QUESTION = "Who should write a cluster's action plan?"
# Words of the explanation that appear nowhere else on the site.
EXPLANATION = "Members own the plan they drafted themselves, said the quokka"
RIGHT, WRONG = "2", "0"


@pytest.fixture
def course(home):
    """A live course of two modules, each with one required self-check whose answer is option 2,
    explained."""
    block = self_check(question=QUESTION, correct=int(RIGHT))
    block["value"]["explanation"] = EXPLANATION
    return CourseWithModulesFactory(
        parent=EditionPageFactory(parent=home), modules=2, modules__body=json.dumps([block])
    )


@pytest.fixture
def modules(course):
    return list(ModulePage.objects.child_of(course).live().order_by("path"))


@pytest.fixture
def module(modules):
    return modules[0]


def _self_checks(body):
    return [block["value"] for block in body if block["type"] == "self_check"]


@pytest.mark.django_db
def test_the_page_api_shows_a_self_check_question_and_options_but_not_the_answer(client, module):
    response = client.get(f"/api/v3/pages/{module.pk}/")
    assert response.status_code == 200, response.content
    [check] = _self_checks(response.json()["body"])
    assert set(check) == {"question", "options", "required"}
    assert check["question"] == QUESTION
    assert check["options"] == [{"text": "Option 0"}, {"text": "Option 1"}, {"text": "Option 2"}]
    assert EXPLANATION not in response.content.decode()


def _token_headers(user):
    return {"Authorization": f"Bearer {APIToken.create_token(user=user, name='script')[1]}"}


@pytest.mark.django_db
def test_no_api_output_page_or_search_result_shows_anyone_but_editors_the_answers(
    client, course, module
):
    """Every way a module's body leaves the site: anonymous, with a learner's token, and with an
    editor's browser session, which the API does not count."""
    learner = _token_headers(UserFactory())
    signed_in_editor = Client()
    signed_in_editor.force_login(EditorFactory())
    outputs = {
        "page detail": client.get(f"/api/v3/pages/{module.pk}/"),
        "page found by path": client.get(
            "/api/v3/pages/find/", {"html_path": module.url}, follow=True
        ),
        "page found by id": client.get("/api/v3/pages/find/", {"id": module.pk}, follow=True),
        "page list": client.get("/api/v3/pages/", {"type": "courses.ModulePage", "limit": 20}),
        "draft": client.get(f"/api/v3/pages/{module.pk}/", {"version": "draft"}),
        "learner's page list": client.get(
            "/api/v3/pages/", {"type": "courses.ModulePage"}, headers=learner
        ),
        "editor's session": signed_in_editor.get(
            f"/api/v3/pages/{module.pk}/", {"version": "draft"}
        ),
        "academy courses": client.get("/api/v3/academy/courses/", {"limit": 20}),
        "openapi schema": client.get("/api/v3/openapi.json"),
        "module page": client.get(module.url),
        "search": client.get("/search/", {"q": "quokka"}),
        "autocomplete": client.get("/search/autocomplete/", {"q": "quokka"}),
    }
    for name, response in outputs.items():
        assert response.status_code == 200, name
        content = response.content.decode()
        assert EXPLANATION not in content, name
        assert not re.search(r"[\"']correct[\"']", content), name
    shown = outputs["page detail"].json()
    assert _self_checks(shown["body"])[0]["question"] == QUESTION
    for name in ("page found by path", "page found by id", "draft", "editor's session"):
        assert outputs[name].json() == shown, name
    # A learner's token sees no page to edit, and so no draft either.
    draft = client.get(f"/api/v3/pages/{module.pk}/", {"version": "draft"}, headers=learner)
    assert draft.status_code == 404


@pytest.mark.django_db
def test_an_editor_reads_the_whole_self_check_so_a_body_sent_back_keeps_its_answers(client, module):
    editor = _token_headers(EditorFactory())
    body = client.get(f"/api/v3/pages/{module.pk}/", {"version": "draft"}, headers=editor).json()[
        "body"
    ]
    [check] = _self_checks(body)
    assert check["explanation"] == EXPLANATION
    assert [option["correct"] for option in check["options"]] == [False, False, True]

    check["question"] = "Who writes the action plan?"
    response = client.patch(
        f"/api/v3/pages/{module.pk}/",
        json.dumps({"meta": {"type": "courses.ModulePage"}, "body": body}),
        content_type="application/json",
        headers=editor,
    )
    assert response.status_code == 200, response.content
    [saved] = ModulePage.objects.get(pk=module.pk).get_latest_revision_as_object().self_checks
    assert saved.value["question"] == "Who writes the action plan?"
    assert saved.value["explanation"] == EXPLANATION
    assert [option["correct"] for option in saved.value["options"]] == [False, False, True]


# Completing a module grades its answers: only a few wrong ones in a row, then a pause.


@pytest.fixture
def few_tries(settings):
    settings.SELF_CHECK_MAX_WRONG_ANSWERS = 3
    settings.SELF_CHECK_WINDOW_MINUTES = 15
    return 3


def _enrolled_client(client, learner, course):
    client.force_login(learner)
    assert client.post(reverse("enrol", args=[course.pk])).status_code == 302
    return client


def _answer(client, module, answer):
    """The learner's completion form sent with `answer`; the messages shown back."""
    field = f"answer-{module.self_checks[0].id}"
    response = client.post(
        reverse("complete_module", args=[module.pk]), {field: answer}, follow=True
    )
    assert response.status_code == 200
    return " ".join(str(message) for message in response.context["messages"])


def _completed(learner, module):
    return ModuleCompletion.objects.filter(learner=learner, module=module).exists()


@pytest.mark.django_db
def test_after_three_wrong_answers_even_the_right_one_waits_for_the_window(
    client, learner, course, module, few_tries
):
    _enrolled_client(client, learner, course)
    for _ in range(few_tries):
        assert "Not quite" in _answer(client, module, WRONG)
    refusal = _answer(client, module, RIGHT)
    assert "3 wrong answers in a row" in refusal
    assert "you can answer once more in 15 minutes" in refusal
    assert not _completed(learner, module)
    # Nor is a wrong answer graded: the message never says which question was wrong.
    assert "Not quite" not in _answer(client, module, WRONG)


@pytest.mark.django_db
def test_a_right_answer_ends_the_series_of_wrong_ones(client, learner, course, module, few_tries):
    _enrolled_client(client, learner, course)
    for _ in range(few_tries - 1):
        _answer(client, module, WRONG)
    assert "is complete" in _answer(client, module, RIGHT)
    for _ in range(few_tries):
        assert "Not quite" in _answer(client, module, WRONG)


@pytest.mark.django_db
def test_the_pause_is_for_one_learner_and_one_module(client, learner, course, modules, few_tries):
    first, second = modules
    _enrolled_client(client, learner, course)
    for _ in range(few_tries):
        _answer(client, first, WRONG)
    assert "in a row" in _answer(client, first, RIGHT)

    assert "is complete" in _answer(client, second, RIGHT)
    assert _completed(learner, second)

    other = UserFactory()
    _enrolled_client(client, other, course)
    assert "is complete" in _answer(client, first, RIGHT)
    assert _completed(other, first)
    assert not _completed(learner, first)


@pytest.mark.django_db
def test_once_the_window_has_passed_the_learner_may_answer_again(
    client, learner, course, module, few_tries, monkeypatch
):
    _enrolled_client(client, learner, course)
    for _ in range(few_tries):
        _answer(client, module, WRONG)
    assert "in a row" in _answer(client, module, RIGHT)

    # Sixteen minutes later, as the cache's clock tells it.
    later = time.time() + 16 * 60
    monkeypatch.setattr(time, "time", lambda: later)
    assert "is complete" in _answer(client, module, RIGHT)
    assert _completed(learner, module)
