"""An edition's trainers, and the Trainers group they join (its permissions: coaching 0002)."""

from django.conf import settings
from django.db import migrations, models


def create_trainers_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name="Trainers")


class Migration(migrations.Migration):

    dependencies = [
        ('cohorts', '0002_staff_roles'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='cohort',
            name='trainers',
            field=models.ManyToManyField(blank=True, help_text="They see this edition's participants, submissions and shared action plans, give feedback and take attendance. They join the Trainers group.", related_name='cohorts_trained', to=settings.AUTH_USER_MODEL),
        ),
        migrations.RunPython(create_trainers_group, migrations.RunPython.noop),
    ]
