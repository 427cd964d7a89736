"""The skills taxonomy: eight areas, each with its skills, as a controlled taggit vocabulary."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse

from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.forms.tags import TagField
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from taggit.forms import TagField as TaggitTagField
from taggit.models import TagBase

# The reverse relations through which the other apps tag their items with skills (each app's
# through model names its relation), and the name of each count `with_usage()` adds.
USAGE_RELATIONS = {"course": "course_items", "module": "module_items", "material": "material_items"}


def usage_counts(group, counted):
    """`{kind}_count` annotations: how many items of each kind are tagged with the outer row, a
    subquery each so that the counts never multiply. `group` leads from a through row to the
    outer row; `counted` narrows a kind to a queryset of its items (e.g. the published ones)."""
    annotations = {}
    for kind, relation in USAGE_RELATIONS.items():
        through = Skill._meta.get_field(relation).related_model
        rows = through.objects.filter(**{group: OuterRef("pk")})
        if kind in counted:
            rows = rows.filter(content_object__in=counted[kind])
        rows = (
            rows.order_by()
            .values(group)
            .annotate(n=Count("content_object_id", distinct=True))
            .values("n")
        )
        annotations[f"{kind}_count"] = Coalesce(Subquery(rows, output_field=IntegerField()), 0)
    return annotations


class SkillAreaQuerySet(models.QuerySet):
    def with_usage(self, **counted):
        """Each area with `course_count`, `module_count` and `material_count`: items tagged with
        any of its skills, each counted once; see `SkillQuerySet.with_usage`."""
        return self.annotate(**usage_counts("tag__area", counted))


class SkillQuerySet(models.QuerySet):
    def with_usage(self, **counted):
        """Each skill with `course_count`, `module_count` and `material_count`: how many items
        are tagged with it. `course=`, `module=` or `material=` a queryset counts only those
        items, e.g. `with_usage(material=Material.objects.published())`."""
        return self.annotate(**usage_counts("tag", counted))

    def find(self, values):
        """{value: skill} for each of `values` that is a skill's slug or its name (in any case);
        values that are neither are left out. One query: the taxonomy is a few dozen skills."""
        skills = {}
        for skill in self:
            skills[skill.slug] = skills[skill.name.lower()] = skill
        return {value: skills[value.lower()] for value in values if value.lower() in skills}


class SkillArea(index.Indexed, models.Model):
    """The first level of the taxonomy, e.g. "Strategy & foresight"."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(
        max_length=100, unique=True, help_text="Appears in URLs: change it only with care."
    )
    description = models.TextField(blank=True)
    sort_order = models.PositiveIntegerField(default=0, db_index=True)

    objects = SkillAreaQuerySet.as_manager()

    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("description"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "skill area"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("skills:detail", args=[self.slug])

    @staticmethod
    def taxonomy():
        """The areas in order, each with its skills in order as `skill_list`, in one query.
        An area without skills has nothing to show or filter by, and is left out."""
        areas = {}
        skills = Skill.objects.select_related("area").order_by(
            "area__sort_order", "area__name", "sort_order", "name"
        )
        for skill in skills:
            if skill.area_id not in areas:
                areas[skill.area_id] = skill.area
                skill.area.skill_list = []
            areas[skill.area_id].skill_list.append(skill)
        return list(areas.values())

    def clean(self):
        if Skill.objects.filter(slug=self.slug).exists():
            raise ValidationError({"slug": "A skill already uses this slug."})


class Skill(index.Indexed, TagBase):
    """A skill tag. Editors pick skills from this list; nobody can invent one by typing it."""

    free_tagging = False

    area = models.ForeignKey(SkillArea, on_delete=models.PROTECT, related_name="skills")
    description = models.TextField(blank=True)
    sort_order = models.PositiveIntegerField(default=0, db_index=True)

    objects = SkillQuerySet.as_manager()

    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("area_id"),
    ]

    class Meta:
        ordering = ["area__sort_order", "sort_order", "name"]
        verbose_name = "skill"

    def get_absolute_url(self):
        return reverse("skills:detail", args=[self.slug])

    def clean(self):
        if SkillArea.objects.filter(slug=self.slug).exists():
            raise ValidationError({"slug": "A skill area already uses this slug."})


class SkillsField(TagField):
    """Skills by name or slug. One that is not in the taxonomy is an error, where Wagtail's tag
    field would drop it without a word: the editor's widget only offers known skills, but the API
    and imports send text."""

    def __init__(self, **kwargs):
        super().__init__(tag_model=Skill, free_tagging=False, **kwargs)

    def clean(self, value):
        given = TaggitTagField.clean(self, value)
        known = Skill.objects.find(given)
        unknown = [item for item in given if item not in known]
        if unknown:
            raise ValidationError(
                "Not in the skills taxonomy: %(unknown)s. Use a skill's name or slug.",
                code="unknown_skill",
                params={"unknown": ", ".join(unknown)},
            )
        return list(dict.fromkeys(known[item].name for item in given))


class SkillsManager(ClusterTaggableManager):
    """The skills of a course, module or material, chosen from the taxonomy."""


register_form_field_override(SkillsManager, override={"form_class": SkillsField})
