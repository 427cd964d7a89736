"""The stored facet counts (materials/models/facet_counts.py) stay exactly the published
materials' own counts after every kind of change, however it reaches the database."""

from collections import Counter

from django.db import connection

from wagtail.models import PageViewRestriction

import pytest

from materials.models import (
    Material,
    MaterialFacetCount,
    MaterialSkill,
    MaterialTag,
    SkillFacetCount,
)
from skills.models import Skill
from tests.factories import MaterialFactory, PageViewRestrictionFactory, SkillAreaFactory

pytestmark = pytest.mark.django_db


def recomputed():
    """Each facet value's published materials, counted in Python from the materials themselves."""
    counts = Counter()
    for material in Material.objects.filter(live=True).prefetch_related("skills", "tags"):
        skills = list(material.skills.all())
        counts.update(("skill", str(skill.pk)) for skill in skills)
        counts.update(("area", str(area)) for area in {skill.area_id for skill in skills})
        counts.update(("tag", str(tag)) for tag in {tag.pk for tag in material.tags.all()})
        edition = "" if material.edition_id is None else str(material.edition_id)
        columns = f"{edition}|{material.kind}|{material.language}"
        counts[("columns", columns)] += 1
        for skill in skills:
            counts[(skill.pk, "columns", columns)] += 1
            counts.update(
                (skill.pk, "tag", str(tag)) for tag in {t.pk for t in material.tags.all()}
            )
    return counts


def stored():
    counts = Counter(
        {
            (row.facet, row.value): row.count
            for row in MaterialFacetCount.objects.filter(count__gt=0)
        }
    )
    counts.update(
        {
            (row.skill_id, row.facet, row.value): row.count
            for row in SkillFacetCount.objects.exclude(count=0)
        }
    )
    return counts


def assert_exact():
    assert stored() == recomputed()


@pytest.fixture
def material(academy):
    """A published worksheet of the academy's first edition, with two skills of one area."""
    return MaterialFactory(
        title="Counted worksheet",
        edition=academy.editions[0],
        skills=[academy.action_planning, academy.trend_analysis],
        tags=["counted", "counted twice"],
    )


def test_an_academy_is_counted_exactly(academy, material):
    """Published materials, a draft, and two skills of one area on one material (the area
    counts it once), each saved the ordinary way."""
    assert stored()[("skill", str(academy.action_planning.pk))] == 2
    assert stored()[("area", str(academy.strategy.pk))] == 2
    assert_exact()


def test_creating_publishing_and_unpublishing(material):
    assert_exact()
    material.unpublish()
    assert_exact()
    material.refresh_from_db()
    revision = material.save_revision()
    revision.publish()
    assert Material.objects.get(pk=material.pk).live
    assert_exact()


def test_editing_a_materials_columns_skills_and_tags(academy, material):
    material.kind = Material.Kind.SLIDES
    material.language = "fr"
    material.edition = academy.editions[1]
    material.skills.set([academy.kpis])
    material.tags.set(["recounted"])
    material.save()
    assert_exact()
    material.edition = None
    material.save()
    assert_exact()


def test_deleting_a_material_or_its_skills(material):
    MaterialSkill.objects.filter(content_object=material).delete()
    assert_exact()
    material.delete()
    assert_exact()


def test_changes_in_bulk_and_by_queryset(material):
    skills = list(Skill.objects.all()[:3])
    created = Material.objects.bulk_create(
        Material(title=f"Bulk {i}", slug=f"bulk-{i}", kind="slides", live=i % 2 == 0)
        for i in range(6)
    )
    MaterialSkill.objects.bulk_create(
        MaterialSkill(content_object=m, tag=skill) for m in created for skill in skills
    )
    assert_exact()
    Material.objects.filter(pk__in=[m.pk for m in created]).update(live=True, language="de")
    assert_exact()
    Material.objects.filter(pk__in=[m.pk for m in created[:3]]).delete()
    assert_exact()


def test_tagging_rows_added_moved_and_removed_one_by_one(academy, material):
    """A tag given twice counts once, and still counts while one of its rows is left."""
    tag = material.tags.first()
    MaterialTag.objects.create(content_object=material, tag=tag)
    assert_exact()
    other = MaterialFactory(title="Other", skills=[academy.kpis])
    MaterialTag.objects.filter(content_object=material, tag=tag).first().delete()
    assert_exact()
    MaterialTag.objects.filter(content_object=material, tag=tag).update(content_object=other)
    assert_exact()
    MaterialSkill.objects.filter(content_object=material).update(content_object=other)
    assert_exact()


def test_moving_a_skill_to_another_area(material):
    skill = material.skills.first()
    skill.area = SkillAreaFactory()
    skill.save()
    assert_exact()


def test_a_view_restriction_on_an_edition_hides_its_count_in_the_library(client, material):
    edition = material.edition
    PageViewRestrictionFactory(page=edition, restriction_type=PageViewRestriction.LOGIN)
    shown = {
        value["value"]
        for facet in client.get("/materials/").context["facets"]
        for value in facet["values"]
    }
    assert edition.slug not in shown
    assert_exact()


def test_the_counts_live_in_the_database_not_in_python(material):
    """Raw SQL, which no Django signal sees, is counted too."""
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE materials_material SET live = %s WHERE id = %s", [False, material.pk]
        )
    assert_exact()
