"""Editors import a batch of materials from a CSV: all of it, or none of it with the reasons."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

import pytest

from materials.models import Material
from tests.factories import EditorFactory, UserFactory

# The rows name what the `academy` fixture has: edition 3 (Sofia 2024) and these skills.
GOOD = """title,kind,edition,skills,tags,url
Member interview guide,template,3,member-satisfaction-surveys;Trend analysis,surveys;members,
Sofia keynote recording,Recording,3,trend-analysis,,https://video.example.org/sofia-keynote
"""

ONE_BAD_ROW = """title,kind,edition,skills,tags,url
Member interview guide,template,3,member-satisfaction-surveys,,
Mystery material,podcast,3,trend-analysis,,
"""


def test_command_imports_a_good_file_as_drafts(tmp_path, academy):
    csv_file = tmp_path / "materials.csv"
    csv_file.write_text(GOOD)

    call_command("import_materials", str(csv_file), stdout=open("/dev/null", "w"))

    survey = Material.objects.get(slug="member-interview-guide")
    assert not survey.live
    assert survey.edition.number == 3
    assert {s.slug for s in survey.skills.all()} == {
        "member-satisfaction-surveys",
        "trend-analysis",
    }
    assert {t.name for t in survey.tags.all()} == {"surveys", "members"}
    recording = Material.objects.get(slug="sofia-keynote-recording")
    assert recording.kind == Material.Kind.RECORDING
    assert recording.external_url == "https://video.example.org/sofia-keynote"
    assert recording.latest_revision is not None


def test_command_with_one_bad_row_imports_nothing_and_names_it(tmp_path, academy, capsys):
    csv_file = tmp_path / "materials.csv"
    csv_file.write_text(ONE_BAD_ROW)
    before = Material.objects.count()

    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_materials", str(csv_file))

    assert "Line 3: unknown kind “podcast”" in capsys.readouterr().err
    assert Material.objects.count() == before


def upload(client, text):
    return client.post(
        reverse("materials_import"),
        {"csv_file": SimpleUploadedFile("materials.csv", text.encode(), "text/csv")},
        follow=True,
    )


def test_editor_imports_a_good_file_in_the_admin(client, academy):
    client.force_login(EditorFactory())

    response = upload(client, GOOD)

    assert response.status_code == 200
    assert "Imported 2 materials" in response.content.decode()
    assert Material.objects.filter(slug="member-interview-guide", live=False).exists()


def test_admin_import_lists_every_bad_row_and_imports_nothing(client, academy):
    client.force_login(EditorFactory())
    text = ONE_BAD_ROW + "Orphan,worksheet,9,no-such-skill,,not a url\n"
    before = Material.objects.count()

    page = upload(client, text).content.decode()

    assert "Nothing was imported" in page
    assert "Line 3: unknown kind “podcast”" in page
    assert "Line 4: no edition number “9”" in page
    assert "Line 4: unknown skill “no-such-skill”" in page
    assert "Line 4: “not a url” is not a valid URL" in page
    assert Material.objects.count() == before


def test_missing_columns_are_reported(client, db):
    client.force_login(EditorFactory())

    page = upload(client, "title,kind\nA,worksheet\n").content.decode()

    assert "Line 1: missing column(s): edition, skills, tags, url" in page


def test_learners_cannot_import(client, db):
    client.force_login(UserFactory())

    response = client.get(reverse("materials_import"))

    assert response.status_code == 302
    assert "/admin/login/" in response.url
