"""The admin's "Skill levels" menu item (assessments/admin_views.py), and the permission that
makes someone staff for the cohort's skills (assessments/cohort_profile.py)."""

from django.contrib.auth.models import Permission

from wagtail import hooks

from assessments.admin_views import SkillScaleViewSet


@hooks.register("register_admin_viewset")
def register_skill_levels():
    return SkillScaleViewSet()


@hooks.register("register_permissions")
def self_assessment_permissions():
    # Self-assessments have no admin views: "view" in Settings → Groups lets staff see every
    # edition's cohort skills, each participant's levels included, however few have assessed.
    return Permission.objects.filter(
        content_type__app_label="assessments", codename="view_selfassessment"
    )
