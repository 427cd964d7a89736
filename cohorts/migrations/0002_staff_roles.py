"""Who runs cohorts in the admin (see lms/core/migrations/0001 for the groups themselves).

Editors keep the schedule: they add and change sessions. Moderators also run applications and
seats, and record and report attendance. Neither may add an application: people apply themselves.
Permissions are created here rather than left to post_migrate, which runs too late on a fresh
database.
"""

from django.db import migrations

EDITOR_PERMISSIONS = {"session": ["add", "change", "view"]}
MODERATOR_PERMISSIONS = {
    "cohort": ["add", "change", "view"],
    "application": ["change", "view"],
    "session": ["add", "change", "delete", "view"],
    "attendance": ["change", "view"],
}


def grant(apps, group_name, permissions):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=group_name)
    for model, actions in permissions.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="cohorts", model=model)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            group.permissions.add(permission)


def configure_roles(apps, schema_editor):
    grant(apps, "Editors", EDITOR_PERMISSIONS)
    grant(apps, "Moderators", MODERATOR_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("cohorts", "0001_initial"),
        ("core", "0001_editor_and_moderator_roles"),
    ]

    operations = [migrations.RunPython(configure_roles, migrations.RunPython.noop)]
