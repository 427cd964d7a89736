"""A learner's own pages: the self-assessment form and "My skills"; and the skills of an
edition's cohort, for its trainers and staff. Each shows what only its viewer may see, so none
is ever cached."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from assessments import cohort_profile, services
from assessments.forms import SelfAssessmentForm
from coaching.work import latest_rubric_scores
from courses.models import EditionPage


@never_cache
@login_required
def my_skills(request):
    return render(
        request,
        "assessments/my_skills.html",
        {
            "comparison": services.assessments_for_chart(request.user),
            "evidence": services.evidence(request.user),
            "rubric_scores": latest_rubric_scores(request.user),
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def assess(request):
    """The form, preselecting the learner's latest levels; each submission is a new assessment."""
    form = SelfAssessmentForm(
        request.POST if request.method == "POST" else None,
        latest=services.latest_levels(request.user),
    )
    if request.method == "POST":
        if form.is_valid():
            services.save_assessment(request.user, form.levels())
            messages.success(request, "Your self-assessment is saved. Here is where you stand.")
            return redirect("assessments:my_skills")
        status = 400
    else:
        status = 200
    return render(request, "assessments/assess.html", {"form": form}, status=status)


@never_cache
@login_required
@require_safe
def cohort_skills(request, edition_id):
    """The skills of an edition's cohort (assessments/cohort_profile.py): for its trainers and
    staff; anyone else gets the 404 of an edition that does not exist."""
    # By `id`, Page's own integer key: a number beyond any key then finds nothing (see
    # cohorts/views.py).
    edition = get_object_or_404(EditionPage, id=edition_id)
    if not cohort_profile.may_see(request.user, edition):
        raise Http404("No such edition.")
    return render(
        request,
        "assessments/cohort_skills.html",
        {
            "edition": edition,
            "profile": cohort_profile.profile_of(edition, request.user),
            "small_group": cohort_profile.SMALL_GROUP,
        },
    )
