"""Nobody is sent off the site by a crafted `next=`, and no POST is accepted without its CSRF token.

The POST endpoints are enumerated from the URL conf and the routes of every routable page, so a
new form is covered the day it is added; the admin (Wagtail's own), document downloads and the
v3 API (bearer tokens, never cookies) are outside the enumeration.
"""

import json
import re
import uuid
from urllib.parse import urlsplit

from django.apps import apps
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessments.models import SelfAssessment
from cohorts.models import Application
from courses.models import CoursePage, ModulePage
from learning.models import Certificate, Enrolment, ModuleCompletion
from lms.accounts.models import User
from tests.factories import (
    ApplicationFactory,
    CertificateFactory,
    CohortFactory,
    CourseWithModulesFactory,
    EditionPageFactory,
    EditorFactory,
    PageViewRestrictionFactory,
    SessionFactory,
    UserFactory,
    self_check,
)
from tests.security.hostile import examples

PASSWORD = "correct horse battery"
STRONG = "Quiet lantern 7 harbour"
EVIL = [
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "https:evil.example",
    "http://testserver@evil.example",
    " //evil.example",
    "/%09/evil.example",
    "\t//evil.example",
]
# Prefixes of the URL conf that are not the public site's forms (see the module docstring).
OUTSIDE = ("admin/", "api/", "documents/^", "healthz/")


def stays_on_site(location):
    """True when a browser following this Location stays on the test server."""
    # Browsers drop tabs and newlines from URLs and read a backslash as a slash.
    normalised = re.sub(r"[\t\n\r]", "", location).replace("\\", "/").strip()
    parts = urlsplit(normalised)
    return parts.scheme in ("", "http", "https") and parts.netloc in ("", "testserver")


@pytest.fixture
def course(home):
    return CourseWithModulesFactory(
        parent=EditionPageFactory(parent=home),
        title="Redirect course",
        modules=2,
        modules__body=json.dumps([self_check(correct=1)]),
    )


@pytest.fixture
def module(course):
    return ModulePage.objects.child_of(course).live().order_by("path").first()


def answer_field(module):
    return f"answer-{module.self_checks[0].id}"


# Open redirects


def sign_in(client, path, user, next_url, field="next"):
    return client.post(path, {"username": user.email, "password": PASSWORD, field: next_url})


@pytest.mark.parametrize("next_url", EVIL)
@pytest.mark.parametrize("path", ["/accounts/login/", "/_util/login/"])
def test_sign_in_never_sends_the_learner_off_site(client, db, path, next_url):
    response = sign_in(client, path, UserFactory(), next_url)

    assert response.status_code == 302
    assert "_auth_user_id" in client.session
    assert stays_on_site(response["Location"]), response["Location"]


@pytest.mark.parametrize("next_url", EVIL)
def test_admin_sign_in_never_sends_staff_off_site(client, db, next_url):
    response = sign_in(client, "/admin/login/", EditorFactory(), next_url)

    assert response.status_code == 302
    assert stays_on_site(response["Location"]), response["Location"]


@pytest.mark.parametrize("next_url", EVIL)
def test_sign_out_never_sends_anyone_off_site(client, db, next_url):
    client.force_login(UserFactory())

    response = client.post("/accounts/logout/", {"next": next_url})

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert stays_on_site(response["Location"]), response["Location"]


@pytest.mark.parametrize("next_url", EVIL)
def test_sign_up_never_sends_the_new_learner_off_site(client, db, next_url):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "newcomer@cluster.example.eu",
            "display_name": "Newcomer",
            "password1": STRONG,
            "password2": STRONG,
            "next": next_url,
        },
    )

    assert response.status_code == 302
    assert User.objects.filter(email="newcomer@cluster.example.eu").exists()
    assert stays_on_site(response["Location"]), response["Location"]


@pytest.mark.parametrize("next_url", EVIL)
def test_learner_actions_redirect_back_to_their_page(client, course, module, next_url):
    client.force_login(UserFactory())
    for url, data, back_to in [
        (reverse("enrol", args=[course.pk]), {}, course.url),
        (reverse("complete_module", args=[module.pk]), {answer_field(module): "1"}, module.url),
        (reverse("leave", args=[course.pk]), {}, course.url),
    ]:
        response = client.post(f"{url}?next={next_url}", {**data, "next": next_url})
        assert response.status_code == 302
        assert response["Location"] == back_to


@pytest.mark.parametrize("next_url", EVIL)
def test_anonymous_learner_actions_send_to_sign_in_on_site(client, course, next_url):
    response = client.post(reverse("enrol", args=[course.pk]), {"next": next_url})

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert stays_on_site(response["Location"])


@pytest.mark.parametrize("return_url", EVIL)
def test_the_password_form_of_a_private_page_never_sends_off_site(client, course, return_url):
    restriction = PageViewRestrictionFactory(page=course)
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, course.pk])

    response = client.post(url, {"password": restriction.password, "return_url": return_url})

    assert response.status_code == 302
    assert stays_on_site(response["Location"]), response["Location"]


def test_arbitrary_next_values_never_leave_the_site(client, db):
    learner = UserFactory()
    on_site_or_evil = st.one_of(
        st.sampled_from(EVIL),
        st.text(max_size=60),
        st.builds(lambda a, b: a + "evil.example" + b, st.text(max_size=5), st.text(max_size=5)),
    )

    @examples
    @given(next_url=on_site_or_evil)
    def check(next_url):
        response = sign_in(client, "/accounts/login/", learner, next_url)
        assert response.status_code == 302
        assert stays_on_site(response["Location"]), response["Location"]
        client.logout()

    check()


# CSRF


def url_conf_patterns(patterns=None, prefix="", namespace=None):
    """(route, qualified name, parameter names) of every named view in the URL conf."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace])) or None
            yield from url_conf_patterns(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif pattern.name:
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            params = list(pattern.pattern.regex.groupindex)
            yield prefix + str(pattern.pattern), name, params


def routable_page_routes():
    """(page model, route name, parameter names) of every route of every routable page type."""
    for model in apps.get_models():
        if issubclass(model, Page) and issubclass(model, RoutablePageMixin):
            for pattern in model.get_subpage_urls():
                yield model, pattern.name, list(pattern.pattern.regex.groupindex)


@pytest.fixture
def site(academy, course, module):
    """Every URL of the public site that a form could post to, with a value for each parameter."""
    learner = UserFactory()
    Enrolment.objects.create(learner=learner, course=course)
    restriction = PageViewRestrictionFactory(page=course)
    private = Collection.get_first_root_node().add_child(name="Private documents")
    documents_restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.PASSWORD, password="x"
    )
    samples = {
        "slug": academy.action_planning.slug,
        "code": CertificateFactory(course=course).code,
        # Credentials' pages and downloads; an id nobody holds answers as any other would.
        "public_id": uuid.uuid4(),
        "uidb64": "MQ",
        "token": "set-password",
        "page_view_restriction_id": restriction.pk,
        "page_id": course.pk,
        "restriction_id": documents_restriction.pk,
        "edition_id": academy.editions[0].pk,
        "uid": SessionFactory(edition=academy.editions[0]).uid,
        # The learner's own application (for withdrawing, confirming…); no session has to match.
        "pk": ApplicationFactory(
            cohort=CohortFactory(edition=academy.editions[0]), applicant=learner
        ).pk,
    }
    urls = {}
    for route, name, params in url_conf_patterns():
        if route.startswith(OUTSIDE) or name == "wagtail_serve":
            continue
        urls[name] = reverse(name, kwargs={param: samples[param] for param in params})
    urls["complete_module"] = reverse("complete_module", args=[module.pk])
    material = academy.material
    for model, name, params in routable_page_routes():
        page = {ModulePage: module, CoursePage: course}.get(model) or model.objects.live().first()
        kwargs = {
            param: material.slug if name == "material" else samples[param] for param in params
        }
        urls[f"{model.__name__}:{name}"] = page.url + page.reverse_subpage(name, kwargs=kwargs)
    # Wagtail serves every page at its own URL too (wagtail_serve), whatever method it is sent.
    for page in [academy.home, course, module]:
        urls[f"page:{page.specific_class.__name__}"] = page.url
    return {
        "urls": urls,
        "learner": learner,
        "course": course,
        "module": module,
        "skill": academy.action_planning,
    }


def form_data(site):
    """Everything any form of the site asks for, filled in as the signed-in learner would."""
    learner = site["learner"]
    return {
        "display_name": "Changed by a forged form",
        "organisation": "Forgers Ltd",
        "email": "forged@evil.example",
        "username": learner.email,
        "password": PASSWORD,
        "old_password": PASSWORD,
        "new_password1": STRONG,
        "new_password2": STRONG,
        "password1": STRONG,
        "password2": STRONG,
        answer_field(site["module"]): "1",
        f"skill_{site['skill'].pk}": "3",
    }


def snapshot(learner):
    learner.refresh_from_db()
    return {
        "users": list(User.objects.order_by("pk").values_list("pk", "email", "password")),
        "profile": (learner.display_name, learner.organisation, learner.password),
        "enrolments": list(Enrolment.objects.values_list("learner", "course")),
        "completions": list(ModuleCompletion.objects.values_list("learner", "module")),
        "certificates": Certificate.objects.count(),
        "restrictions": PageViewRestriction.objects.count(),
        "applications": list(Application.objects.values_list("applicant", "status")),
        "self_assessments": SelfAssessment.objects.count(),
    }


def signed_in_client(learner, csrf_secret=None):
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    if csrf_secret:
        client.cookies["csrftoken"] = csrf_secret
    return client


def post_endpoints(site):
    """The enumerated URLs that take a POST carrying a valid token (anything but a 405)."""
    accepting = {}
    for name, url in site["urls"].items():
        secret = _get_new_csrf_string()
        # A fresh learner each time: a valid POST may delete them or change their password.
        learner = UserFactory()
        Enrolment.objects.create(learner=learner, course=site["course"])
        client = signed_in_client(learner, secret)
        data = {**form_data({**site, "learner": learner}), "csrfmiddlewaretoken": secret}
        status = client.post(url, data).status_code
        assert status != 403, f"{name} refused a valid CSRF token"
        if status != 405:
            accepting[name] = url
    return accepting


KNOWN_POST_ENDPOINTS = {
    "accounts:signup",
    "accounts:login",
    "accounts:logout",
    "accounts:profile",
    "accounts:delete",
    "accounts:password_change",
    "accounts:password_reset",
    "accounts:password_reset_confirm",
    "wagtailcore_login",
    "wagtailcore_authenticate_with_password",
    "wagtaildocs_authenticate_with_password",
    "enrol",
    "leave",
    "complete_module",
    "cohorts:apply",
    "cohorts:withdraw",
    "cohorts:confirm_offer",
    "cohorts:decline_offer",
    "cohorts:reset_feed",
    "cohorts:attendance",
    "assessments:assess",
    "coaching:plan",
    "coaching:plan_share",
}


def test_the_enumeration_finds_every_known_post_endpoint(site):
    accepting = post_endpoints(site)

    assert KNOWN_POST_ENDPOINTS <= set(accepting)


@pytest.mark.parametrize("token", ["missing", "wrong", "wrong header", "no cookie"])
def test_every_post_without_its_csrf_token_is_forbidden_and_changes_nothing(site, token):
    learner, urls = site["learner"], post_endpoints(site)
    before = snapshot(learner)
    for name, url in urls.items():
        cookie, posted = _get_new_csrf_string(), _get_new_csrf_string()
        client = signed_in_client(learner, None if token == "no cookie" else cookie)
        data = form_data(site)
        headers = {}
        if token == "wrong":
            data["csrfmiddlewaretoken"] = posted
        elif token == "wrong header":
            headers["X-CSRFToken"] = posted
        elif token == "no cookie":
            data["csrfmiddlewaretoken"] = posted

        response = client.post(url, data, headers=headers)

        assert response.status_code == 403, name
        assert snapshot(learner) == before, name
        assert "_auth_user_id" in client.session, name
