"""Moderators see learners' progress (the course progress report); editors do not."""

import importlib

from django.db import migrations

roles = importlib.import_module("lms.core.migrations.0001_editor_and_moderator_roles")

PROGRESS = {
    ("courses", "enrolment"): ["view"],
    ("courses", "modulecompletion"): ["view"],
    ("courses", "certificate"): ["view"],
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    for (app_label, model), actions in PROGRESS.items():
        for action in actions:
            moderators.permissions.add(roles.permission(apps, app_label, model, action))


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_editor_and_moderator_roles"),
        ("courses", "0002_learning_records"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
