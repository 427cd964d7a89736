"""The skills taxonomy: eight areas, each with its skills, as a controlled taggit vocabulary."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.forms.tags import TagField
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.forms import TagField as TaggitTagField
from taggit.models import ItemBase, TagBase, TaggedItemBase


class SkillArea(index.Indexed, models.Model):
    """The first level of the taxonomy, e.g. "Strategy & foresight"."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(
        max_length=100, unique=True, help_text="Appears in URLs: change it only with care."
    )
    description = models.TextField(blank=True)
    sort_order = models.PositiveIntegerField(default=0, db_index=True)

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
        known = {}
        for name, slug in Skill.objects.filter(Q(name__in=given) | Q(slug__in=given)).values_list(
            "name", "slug"
        ):
            known[name] = known[slug] = name
        unknown = [item for item in given if item not in known]
        if unknown:
            raise ValidationError(
                "Not in the skills taxonomy: %(unknown)s. Use a skill's name or slug.",
                code="unknown_skill",
                params={"unknown": ", ".join(unknown)},
            )
        return list(dict.fromkeys(known[item] for item in given))


class SkillsManager(ClusterTaggableManager):
    """The skills of a course, module or material, chosen from the taxonomy."""


register_form_field_override(SkillsManager, override={"form_class": SkillsField})


class CourseSkill(ItemBase):
    tag = models.ForeignKey(Skill, on_delete=models.PROTECT, related_name="course_items")
    content_object = ParentalKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="skill_items"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_course_skill")
        ]


class ModuleSkill(ItemBase):
    tag = models.ForeignKey(Skill, on_delete=models.PROTECT, related_name="module_items")
    content_object = ParentalKey(
        "courses.ModulePage", on_delete=models.CASCADE, related_name="skill_items"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_module_skill")
        ]


class MaterialSkill(ItemBase):
    tag = models.ForeignKey(Skill, on_delete=models.PROTECT, related_name="material_items")
    content_object = ParentalKey(
        "courses.Material", on_delete=models.CASCADE, related_name="skill_items"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_material_skill")
        ]


class CourseTag(TaggedItemBase):
    content_object = ParentalKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ModuleTag(TaggedItemBase):
    content_object = ParentalKey(
        "courses.ModulePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class MaterialTag(TaggedItemBase):
    content_object = ParentalKey(
        "courses.Material", on_delete=models.CASCADE, related_name="tagged_items"
    )
