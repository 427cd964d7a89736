"""Who does what with coaching in the admin (see lms/core/migrations/0001 for Editors and
Moderators).

Trainers get the admin and the grading and coaching views; which editions' work each sees is their
assignment to editions (Cohort.trainers), not their group. Editors attach assignments to courses
and modules. Moderators also form teams and see every edition's submissions and shared plans.
Permissions are created here rather than left to post_migrate, which runs too late on a fresh
database.
"""

from django.db import migrations

TRAINER_PERMISSIONS = {
    ("wagtailadmin", "admin"): ["access_admin"],
    ("coaching", "submission"): ["review"],
}
EDITOR_PERMISSIONS = {("coaching", "assignment"): ["add", "change", "delete", "view"]}
MODERATOR_PERMISSIONS = {
    ("coaching", "assignment"): ["add", "change", "delete", "view"],
    ("coaching", "team"): ["add", "change", "delete", "view"],
    ("coaching", "submission"): ["view", "review"],
    ("coaching", "actionplan"): ["view"],
}


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
                # "access_admin" is already a full codename; the rest are "<action>_<model>".
                codename=action if "_" in action else f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            group.permissions.add(permission)


def configure_roles(apps, schema_editor):
    grant(apps, "Trainers", TRAINER_PERMISSIONS)
    grant(apps, "Editors", EDITOR_PERMISSIONS)
    grant(apps, "Moderators", MODERATOR_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("coaching", "0001_initial"),
        ("core", "0001_editor_and_moderator_roles"),
    ]

    operations = [migrations.RunPython(configure_roles, migrations.RunPython.noop)]
