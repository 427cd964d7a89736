"""Who keeps the skills' levels in the admin, and who sees the cohorts' skills.

Moderators, who keep the skills taxonomy, describe each skill's levels and see every edition's
cohort skills (view self-assessments: assessments/cohort_profile.py); editors see the levels.
Permissions are created here rather than left to post_migrate, which runs too late on a fresh
database.
"""

from django.db import migrations

PERMISSIONS = {
    "Editors": {"skillscale": ["view"]},
    "Moderators": {"skillscale": ["add", "change", "view"], "selfassessment": ["view"]},
}
# Django's names for them, as post_migrate would create them.
VERBOSE_NAMES = {"skillscale": "skill scale", "selfassessment": "self assessment"}


def configure_roles(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, models in PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for model, actions in models.items():
            content_type, _ = ContentType.objects.get_or_create(
                app_label="assessments", model=model
            )
            for action in actions:
                permission, _ = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model}",
                    defaults={"name": f"Can {action} {VERBOSE_NAMES[model]}"},
                )
                group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0001_initial"),
        ("core", "0001_editor_and_moderator_roles"),
    ]

    operations = [migrations.RunPython(configure_roles, migrations.RunPython.noop)]
