"""Published materials per facet value, for the library's counts when no other filter applies.

Counting them on each request means grouping every published material (0.4 s at 100,000). The
database keeps these rows exact itself: triggers (migration 0004) recount the values a change
touches, whether it comes from the admin, the API, a bulk insert or raw SQL.
"""

import importlib

from django.db import connection, models

# The migrations that install the triggers keeping these rows, and the SQL that recounts them.
FACET_COUNT_MIGRATIONS = [
    importlib.import_module(f"courses.migrations.{name}")
    for name in ("0004_material_facet_counts", "0006_skill_facet_counts")
]


def recount_all_facets():
    """Count every facet value again from the materials, for rows written while the triggers
    could not follow: loaded in an order they do not expect, or with the triggers paused."""
    material_counts, skill_counts = FACET_COUNT_MIGRATIONS
    recount = material_counts.RECOUNT_ALL + skill_counts.recount("SELECT id FROM courses_skill")
    with connection.cursor() as cursor:
        for statement in recount.split(";"):
            if statement.strip():
                cursor.execute(statement)


class MaterialFacetCount(models.Model):
    """How many published materials have one facet value.

    `facet` is "skill", "area" or "tag" with the id as `value`, or "columns" with
    "edition id|kind|language" (edition id empty for none) as `value`.
    """

    facet = models.CharField(max_length=10)
    value = models.CharField(max_length=300)
    count = models.IntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["facet", "value"], name="unique_material_facet_value")
        ]

    def __str__(self):
        return f"{self.facet} {self.value}: {self.count}"


class SkillFacetCount(models.Model):
    """How many published materials of one skill have one facet value: "tag" with the tag id as
    `value`, or "columns" with "edition id|kind|language". Kept by triggers (migration 0006), for
    the counts of a library filtered by that skill alone."""

    skill_id = models.IntegerField()
    facet = models.CharField(max_length=10)
    value = models.CharField(max_length=300)
    count = models.IntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["skill_id", "facet", "value"], name="unique_skill_facet_value"
            )
        ]

    def __str__(self):
        return f"skill {self.skill_id} {self.facet} {self.value}: {self.count}"
