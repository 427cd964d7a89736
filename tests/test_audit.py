"""The audit trail: learners' actions as JSON lines on `lms.audit`, editors' in Wagtail's log."""

import json
import logging

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import APIToken, ModelLogEntry

import pytest

from materials.models import Material
from tests.factories import (
    CourseWithModulesFactory,
    EditionPageFactory,
    EditorFactory,
    MaterialFactory,
    ModeratorFactory,
    SkillFactory,
)

PASSWORD = "correct horse battery"  # tests/factories.py UserFactory


@pytest.fixture
def audit_log(caplog):
    """The audit events logged so far, as the JSON objects the configured handler writes."""
    caplog.set_level(logging.INFO, logger="lms.audit")
    (handler,) = logging.getLogger("lms.audit").handlers
    return lambda: [
        json.loads(handler.format(record))
        for record in caplog.records
        if record.name == "lms.audit"
    ]


@pytest.fixture
def course(home):
    return CourseWithModulesFactory(parent=EditionPageFactory(parent=home), title="Audited")


def only(events, name):
    (event,) = [event for event in events if event["event"] == name]
    return event


def test_each_line_is_one_json_object_with_time_and_fields(client, learner, audit_log):
    client.post("/accounts/login/", {"username": learner.email, "password": PASSWORD})
    login = only(audit_log(), "login")
    assert login["logger"] == "lms.audit"
    assert login["level"] == "INFO"
    assert login["time"].endswith("+00:00")
    assert login["user_id"] == learner.pk
    assert login["email"] == learner.email
    assert login["ip"] == "127.0.0.1"


def test_failed_sign_in_keeps_the_email_never_the_password(client, learner, audit_log):
    client.post("/accounts/login/", {"username": learner.email, "password": "Wrong guess 7!"})
    events = audit_log()
    failed = only(events, "login_failed")
    assert failed["email"] == learner.email
    assert not [event for event in events if event["event"] == "login"]
    assert "Wrong guess" not in json.dumps(events)


def test_sign_out_is_logged(client, learner, audit_log):
    client.force_login(learner)
    client.post("/accounts/logout/")
    assert only(audit_log(), "logout")["user_id"] == learner.pk


def test_enrol_complete_certificate_and_leave_are_logged(
    client, learner, course, audit_log, django_capture_on_commit_callbacks
):
    client.force_login(learner)
    modules = list(course.get_modules())

    def post(url):
        # Completions and certificates are logged when their transaction commits.
        with django_capture_on_commit_callbacks(execute=True):
            client.post(url)

    post(reverse("enrol", args=[course.pk]))
    for module in modules:
        post(reverse("complete_module", args=[module.pk]))
    post(reverse("complete_module", args=[modules[0].pk]))  # again: nothing new, nothing logged
    post(reverse("enrol", args=[course.pk]))
    post(reverse("leave", args=[course.pk]))
    post(reverse("leave", args=[course.pk]))

    events = [event for event in audit_log() if event["event"] != "login"]  # force_login's
    assert [event["event"] for event in events] == [
        "enrolment",
        *["module_completion"] * len(modules),
        "certificate_issued",
        # The course's credential, then its edition's: the edition has no other course.
        "credential_issued",
        "credential_issued",
        "leave",
    ]
    assert {event["user_id"] for event in events} == {learner.pk}
    assert only(events, "enrolment")["course_id"] == course.pk
    assert [e["module_id"] for e in events if e["event"] == "module_completion"] == [
        module.pk for module in modules
    ]
    certificate = learner.certificates.get()
    assert only(events, "certificate_issued")["certificate"] == certificate.code


def test_account_deletion_is_logged(client, learner, audit_log):
    client.force_login(learner)
    response = client.post("/accounts/delete/", {"password": PASSWORD})
    assert response.status_code == 302
    deleted = only(audit_log(), "account_deleted")
    assert deleted["email"] == learner.email
    assert deleted["user_id"] == learner.pk


# Editors' actions: Wagtail's audit log ------------------------------------------------------


def actions_on(instance):
    return list(
        ModelLogEntry.objects.for_instance(instance)
        .order_by("timestamp", "pk")
        .values_list("action", "user_id")
    )


def test_bulk_add_skill_logs_an_edit_and_publish_per_material(client, db):
    moderator = ModeratorFactory()
    client.force_login(moderator)
    skill = SkillFactory(name="Action planning")
    materials = [MaterialFactory(), MaterialFactory()]
    before = {material.pk: actions_on(material) for material in materials}
    bulk_url = reverse("wagtail_bulk_action", args=("materials", "material", "add_skills"))
    query = "&".join(f"id={material.pk}" for material in materials)

    response = client.post(f"{bulk_url}?{query}", {"skills": [skill.pk]})

    assert response.status_code == 302
    for material in materials:
        new = actions_on(material)[len(before[material.pk]) :]
        assert new == [("wagtail.edit", moderator.pk), ("wagtail.publish", moderator.pk)]


def test_csv_import_logs_each_material_as_created_by_the_importer(client, academy):
    editor = EditorFactory()
    client.force_login(editor)
    edition, skill = academy.editions[1].number, academy.trend_analysis.slug
    csv = (
        "title,kind,edition,skills,tags,url\n"
        f"Audit trail worksheet,template,{edition},{skill},,\n"
        f"Audit trail recording,recording,{edition},{skill},,https://video.example.org/audit\n"
    )
    response = client.post(
        reverse("materials_import"),
        {"csv_file": SimpleUploadedFile("materials.csv", csv.encode(), "text/csv")},
    )

    assert response.status_code == 302
    for slug in ("audit-trail-worksheet", "audit-trail-recording"):
        material = Material.objects.get(slug=slug)
        assert actions_on(material) == [("wagtail.create", editor.pk)]
        entry = ModelLogEntry.objects.for_instance(material).get()
        assert entry.revision == material.latest_revision


def test_material_created_through_the_api_is_logged(client, db):
    editor = EditorFactory()
    token = APIToken.create_token(user=editor, name="script")[1]
    response = client.post(
        "/api/v3/snippets/materials.Material/",
        json.dumps(
            {"title": "Logged via the API", "slug": "logged-via-the-api", "kind": "template"}
        ),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 201, response.content
    material = Material.objects.get(slug="logged-via-the-api")
    assert ("wagtail.create", editor.pk) in actions_on(material)
