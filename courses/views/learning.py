"""Learner actions posted to course and module pages, and the learner's own dashboard.

Each action is a POST with CSRF that redirects back with a message (POST/redirect/GET).
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from courses import learning


def learner_action(view):
    """POST only; anonymous visitors are sent to sign in, then back to the page."""

    @require_POST
    @wraps(view)
    def action(request, page):
        if not request.user.is_authenticated:
            messages.info(request, "Sign in to track your progress.")
            return redirect_to_login(page.get_url(request))
        return view(request, page)

    return action


@learner_action
def enrol(request, course):
    if learning.enrol(request.user, course):
        messages.success(request, f"You are enrolled in “{course.title}”.")
    else:
        messages.info(request, f"You were already enrolled in “{course.title}”.")
    return redirect(course.get_url(request))


@learner_action
def leave(request, course):
    if learning.leave(request.user, course):
        messages.success(
            request, f"You left “{course.title}”. Your completed modules are kept if you return."
        )
    return redirect(course.get_url(request))


@learner_action
def complete(request, module):
    course = module.get_parent().specific
    try:
        created, certificate = learning.complete_module(request.user, module, course, request.POST)
    except learning.CompletionRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(module.get_url(request))
    if certificate:
        messages.success(
            request,
            f"Course complete! Your certificate for “{course.title}” is ready on My learning.",
        )
    elif created:
        messages.success(request, f"“{module.title}” is complete.")
    else:
        messages.info(request, f"You had already completed “{module.title}”.")
    return redirect(module.get_url(request))


@login_required
def dashboard(request):
    learner = request.user
    courses = learning.enrolled_courses(learner)
    return render(
        request,
        "courses/learning/dashboard.html",
        {
            "in_progress": [item for item in courses if not item.finished],
            "finished": [item for item in courses if item.finished],
            "certificates": list(learner.certificates.select_related("course")),
            "skill_areas": learning.skills_profile(learner),
        },
    )
