"""What an issued credential says and how it is kept: expiry, criteria, signed once, issued with
the certificate or not at all, revoked with a reason, one per learner and achievement; and the
public JSON the academy publishes about its achievements and its revocations."""

import datetime
import json
import logging

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Site

import pytest
from jsonschema import Draft201909Validator

from courses.models import ModulePage
from credentials import issuing, keys, status_list
from credentials.models import Credential, SigningKey
from learning import services
from learning.models import Certificate
from lms.accounts.models import User
from tests.concurrency import POSTGRESQL_ONLY, run_together
from tests.credentials import STANDARDS, schema_errors, verified_with_pyjwt
from tests.factories import (
    CohortFactory,
    CourseWithModulesFactory,
    EditionPageFactory,
    EnrolmentFactory,
    ModuleCompletionFactory,
    PageViewRestrictionFactory,
    SkillFactory,
    SuperuserFactory,
    UserFactory,
    academy_home,
)


@pytest.fixture
def course(academy):
    return academy.course


def test_a_credential_expires_when_the_academy_says_so(settings, course, learner, client):
    settings.CREDENTIALS_VALID_DAYS = 365
    credential = issuing.issue_for_course(learner, course)
    claims = verified_with_pyjwt(client, credential.jwt)
    assert credential.valid_until == credential.issued_at + datetime.timedelta(days=365)
    assert claims["validUntil"] == credential.valid_until.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert claims["exp"] == int(credential.valid_until.timestamp())
    assert claims["nbf"] == int(credential.issued_at.timestamp())
    assert schema_errors(claims) == []


def test_by_default_a_credential_does_not_expire(course, learner):
    document = issuing.credential_document(issuing.issue_for_course(learner, course))
    assert "validUntil" not in document
    assert "exp" not in document


def test_the_criteria_name_the_editions_attendance_minimum(course, learner):
    CohortFactory(edition=course.edition, min_attendance=75)
    document = issuing.credential_document(issuing.issue_for_course(learner, course))
    narrative = document["credentialSubject"]["achievement"]["criteria"]["narrative"]
    assert "all 3 modules" in narrative
    assert f"at least 75% of the live sessions of {course.edition.title}" in narrative


def test_a_credential_says_what_it_said_when_signed_after_the_course_changes(course, learner):
    credential = issuing.issue_for_course(learner, course)
    signed = issuing.credential_document(credential)
    course.title = "Renamed later"
    course.save_revision().publish()
    credential.refresh_from_db()
    assert issuing.credential_document(credential) == signed
    assert keys.verify(credential.jwt)[1]["name"] == signed["name"] != "Renamed later"


def test_no_certificate_without_its_credential(course, learner, monkeypatch):
    """Issued in the certificate's transaction: if signing fails, the certificate is not issued
    either, and the learner's next completion tries both again."""
    EnrolmentFactory(learner=learner, course=course)
    *done, last = ModulePage.objects.child_of(course).order_by("path")
    for module in done:
        ModuleCompletionFactory(learner=learner, module=module)

    def broken_signing(claims, key):
        raise RuntimeError("the signing key cannot be read")

    monkeypatch.setattr(keys, "sign", broken_signing)
    with pytest.raises(RuntimeError):
        services.complete_module(learner, last, course, {})
    assert not Certificate.objects.filter(learner=learner).exists()
    assert not Credential.objects.filter(learner=learner).exists()

    monkeypatch.undo()
    completion = services.complete_module(learner, last, course, {})
    assert completion.certificate is not None
    assert Credential.objects.filter(learner=learner, page=course).exists()


def test_the_database_keeps_one_credential_per_learner_and_achievement(course, learner):
    first = issuing.issue_for_course(learner, course)
    assert issuing.issue_for_course(learner, course) == first
    with pytest.raises(IntegrityError), transaction.atomic():
        Credential.objects.create(
            learner=learner,
            page=course,
            kind=Credential.Kind.COURSE,
            achievement_name=course.title,
            signing_key=first.signing_key,
        )


@pytest.fixture
def audit_log(caplog):
    caplog.set_level(logging.INFO, logger="lms.audit")
    return lambda event: [r for r in caplog.records if getattr(r, "event", None) == event]


def test_staff_revoke_with_a_reason_once(
    course, learner, audit_log, django_capture_on_commit_callbacks
):
    credential = issuing.issue_for_course(learner, course)
    staff = SuperuserFactory()
    for reason in ("", "   ", None):
        with pytest.raises(issuing.RevocationRefused, match="Say why"):
            issuing.revoke(credential, by=staff, reason=reason)
    with pytest.raises(issuing.RevocationRefused, match="at most 1000"):
        issuing.revoke(credential, by=staff, reason="x" * 1001)
    assert not Credential.objects.get(pk=credential.pk).revoked

    with django_capture_on_commit_callbacks(execute=True):
        assert issuing.revoke(credential, by=staff, reason=" Issued by mistake. ")
        assert not issuing.revoke(credential, by=SuperuserFactory(), reason="Another reason.")

    credential.refresh_from_db()
    assert credential.revoked
    assert (credential.revoked_reason, credential.revoked_by) == ("Issued by mistake.", staff)
    (event,) = audit_log("credential_revoked")
    assert event.user_id == staff.pk
    assert event.credential == str(credential.public_id)
    assert event.reason == "Issued by mistake."


def test_deleting_accounts_from_the_admin_also_forgets_them(course, learner):
    credential = issuing.issue_for_course(learner, course)
    User.objects.filter(pk=learner.pk).delete()
    credential.refresh_from_db()
    assert (credential.learner, credential.learner_name, credential.jwt) == (None, "", "")


def test_the_issuer_profile_is_public_json(client, db):
    response = client.get(reverse("credentials:issuer"))
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert (
        response.json()["name"]
        == "European Cluster Collaboration Platform: Cluster Booster Academy"
    )
    assert client.post(reverse("credentials:issuer")).status_code == 405


# The status list


def revoked_credentials(count):
    """`count` revoked credentials among twice as many, made in bulk."""
    key = keys.signing_key()
    now = timezone.now()
    return Credential.objects.bulk_create(
        Credential(
            kind=Credential.Kind.COURSE,
            achievement_name=f"Course {n}",
            signing_key=key,
            revoked_at=now if n % 2 else None,
            revoked_reason="Test." if n % 2 else "",
        )
        for n in range(2 * count)
    )


def test_the_status_list_costs_the_same_queries_for_3_or_40_revocations(
    client, db, django_assert_num_queries
):
    made = revoked_credentials(3)
    client.get(reverse("credentials:status_list"))  # creates nothing more from here on
    with django_assert_num_queries(3) as small:
        client.get(reverse("credentials:status_list"))
    made += revoked_credentials(40)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(reverse("credentials:status_list"))
    _, status = keys.verify(response.content)
    assert response["Cache-Control"] == "no-cache"
    bits = status_list.decode(status["credentialSubject"]["encodedList"])
    revoked = {credential.pk for credential in made if credential.revoked}
    assert len(revoked) == 43
    assert all(status_list.is_set(bits, credential.pk) == credential.revoked for credential in made)


# Achievements


@pytest.fixture
def achievement_validator():
    schema = json.loads((STANDARDS / "achievementcredential.schema.json").read_text())
    return Draft201909Validator({"$ref": "#/$defs/Achievement", "$defs": schema["$defs"]})


def test_a_live_courses_achievement_is_public_json(client, course, achievement_validator):
    response = client.get(reverse("credentials:achievement", args=[course.pk]))
    assert response.status_code == 200
    badge = response.json()
    assert list(achievement_validator.iter_errors(badge)) == []
    assert badge["id"] == "http://testserver" + reverse("credentials:achievement", args=[course.pk])
    assert badge["name"] == course.title
    assert badge["criteria"]["id"] == "http://testserver" + course.url
    assert response["Cache-Control"] == "no-cache"


def test_an_editions_achievement_is_public_json(client, academy, achievement_validator):
    edition = academy.editions[1]
    response = client.get(reverse("credentials:achievement", args=[edition.pk]))
    assert response.status_code == 200
    assert list(achievement_validator.iter_errors(response.json())) == []
    assert [a["targetName"] for a in response.json()["alignment"]] == ["KPIs and impact"]


@pytest.mark.parametrize(
    "hidden",
    ["draft course", "password course", "login course", "groups course", "under a draft edition"],
)
def test_no_achievement_for_what_the_public_may_not_see(client, academy, hidden):
    edition = academy.editions[0]
    if hidden == "under a draft edition":
        draft = EditionPageFactory(parent=academy.home, live=False)
        page = CourseWithModulesFactory(parent=draft, title="Quokka secret")
    else:
        page = CourseWithModulesFactory(parent=edition, title="Quokka secret")
        if hidden == "draft course":
            page.unpublish()
        else:
            kind = hidden.split()[0]
            PageViewRestrictionFactory(page=page, restriction_type=kind)
    response = client.get(reverse("credentials:achievement", args=[page.pk]))
    assert response.status_code == 404
    assert b"Quokka" not in response.content


@pytest.mark.parametrize("which", ["module", "home", "nothing", "beyond any id"])
def test_no_achievement_for_other_pages(client, academy, which):
    page_id = {
        "module": academy.modules[0].pk,
        "home": academy.home.pk,
        "nothing": 999_999,
        "beyond any id": 10**30,
    }[which]
    assert client.get(reverse("credentials:achievement", args=[page_id])).status_code == 404


# Concurrency


@pytest.fixture
def committed_course(django_db_setup, django_db_blocker):
    """A learner and a live course of an edition, committed, then removed with what was issued."""
    with django_db_blocker.unblock():
        site = Site.objects.get(is_default_site=True)
        site_root = site.root_page
        skill = SkillFactory()
        home = academy_home()
        course = CourseWithModulesFactory(parent=EditionPageFactory(parent=home))
        learner = UserFactory(email="double@clusters.example.org")
        existing_keys = set(SigningKey.objects.values_list("pk", flat=True))
        try:
            yield learner, course
        finally:
            Credential.objects.filter(learner=learner).delete()
            SigningKey.objects.exclude(pk__in=existing_keys).delete()
            learner.delete()
            home.delete()
            site.root_page = site_root
            site.save()
            skill.delete()
            skill.area.delete()


@POSTGRESQL_ONLY
def test_two_simultaneous_issues_leave_one_credential(committed_course, django_db_blocker):
    learner, course = committed_course
    issued = []

    def issue():
        with transaction.atomic():
            issued.append(issuing.issue_for_course(learner, course).pk)

    with django_db_blocker.unblock():
        run_together([issue, issue])
        assert Credential.objects.filter(learner=learner, page=course).count() == 1
        assert issued[0] == issued[1]
