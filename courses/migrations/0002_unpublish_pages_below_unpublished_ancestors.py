"""Pages left live below a page that is not: until the publishing rules (courses/publishing.py),
unpublishing a course left its modules live, and Wagtail served them. Each goes offline as
Wagtail's unpublish() would leave it; cached copies go with the content generation."""

from django.db import migrations

from lms.core.cache import bump_generation


def unpublish_pages_below_unpublished_ancestors(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    offline = Page.objects.filter(live=False, depth__gt=1).values_list("path", "depth")
    unpublished = 0
    for path, depth in offline:
        unpublished += Page.objects.filter(
            path__startswith=path, depth__gt=depth, live=True
        ).update(live=False, has_unpublished_changes=True, live_revision=None)
    if unpublished:
        bump_generation()


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(
            unpublish_pages_below_unpublished_ancestors, migrations.RunPython.noop
        ),
    ]
