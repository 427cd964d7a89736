"""Moderators see the xAPI outbox and resend what failed (see lms/core/migrations/0001 for the
roles). Nobody adds, edits or deletes a statement in the admin. Permissions are created here
rather than left to post_migrate, which runs too late on a fresh database.
"""

from django.db import migrations

MODERATOR_PERMISSIONS = {("xapi", "statement"): ["view", "change"]}


def grant(apps, group_name, permissions):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=group_name)
    for (app_label, model), actions in permissions.items():
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            group.permissions.add(permission)


def configure_roles(apps, schema_editor):
    grant(apps, "Moderators", MODERATOR_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("xapi", "0001_initial"),
        ("core", "0001_editor_and_moderator_roles"),
    ]

    operations = [migrations.RunPython(configure_roles, migrations.RunPython.noop)]
