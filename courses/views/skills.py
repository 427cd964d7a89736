"""The skills taxonomy as public pages: every area and skill, and what is tagged with each."""

from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import render

from courses.models import CoursePage, Material, ModulePage, Skill, SkillArea


def _published_counts(skills):
    """Each skill annotated with how many published courses, modules and materials carry it."""
    live_courses = CoursePage.objects.live().public().values("pk")
    live_modules = ModulePage.objects.live().public().values("pk")
    return skills.annotate(
        course_count=Count(
            "course_items", filter=Q(course_items__content_object__in=live_courses), distinct=True
        ),
        module_count=Count(
            "module_items", filter=Q(module_items__content_object__in=live_modules), distinct=True
        ),
        material_count=Count(
            "material_items", filter=Q(material_items__content_object__live=True), distinct=True
        ),
    )


def skill_index(request):
    skills = list(_published_counts(Skill.objects.select_related("area")))
    areas = list(SkillArea.objects.all())
    for area in areas:
        area.skill_list = [skill for skill in skills if skill.area_id == area.pk]
    return render(request, "courses/skill_index.html", {"areas": areas})


def skill_detail(request, slug):
    """A skill, or an area standing for all of its skills."""
    area = SkillArea.objects.filter(slug=slug).first()
    if area is not None:
        subject, skills = area, list(area.skills.all())
    else:
        skill = Skill.objects.select_related("area").filter(slug=slug).first()
        if skill is None:
            raise Http404("No such skill.")
        subject, skills = skill, [skill]
    skill_ids = [skill.pk for skill in skills]
    courses = (
        CoursePage.objects.live()
        .public()
        .filter(skill_items__tag__in=skill_ids)
        .distinct()
        .order_by("path")
    )
    modules = (
        ModulePage.objects.live()
        .public()
        .filter(skill_items__tag__in=skill_ids)
        .distinct()
        .order_by("path")
    )
    materials = (
        Material.objects.published()
        .filter(skill_items__tag__in=skill_ids)
        .distinct()
        .select_related("edition", "document")
        .prefetch_related("skills")
    )
    return render(
        request,
        "courses/skill_detail.html",
        {
            "subject": subject,
            "area": area,
            "skills": skills,
            "courses": courses,
            "modules": modules,
            "materials": materials,
        },
    )
