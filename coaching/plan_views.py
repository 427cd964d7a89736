"""The strategic action plan: the participant edits it, compares its versions, shares it and
downloads it as a PDF; in the admin, the trainers it is shared with read it and comment on its
goals and actions.

A participant only ever reaches their own plan, by the edition's id; a trainer only the plans
shared with them (coaching.access.readable_plans). Any other plan answers 404, whether or not it
exists. A save that another tab got in before answers 409 with the refused input still in the
form and the stored version beside it (coaching.plans.save_plan).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from coaching import plans
from coaching.access import coaches, readable_plans
from coaching.models import PlanAction, PlanGoal
from coaching.pdf import plan_pdf as render_plan_pdf
from coaching.plan_forms import CommentForm, PlanEditor
from coaching.plans import PlanConflict, PlanRefused
from cohorts.models import participates
from courses.models import EditionPage

PLANS_PER_PAGE = 50


def own_plan(request, edition_id):
    """The edition and the signed-in person's plan in it (None before their first save): 404
    unless they are one of its participants or kept a plan in it."""
    # By `id`, Page's own integer key: a number beyond any key finds nothing (cohorts.views).
    edition = get_object_or_404(EditionPage, id=edition_id)
    plan = plans.plan_of(request.user, edition)
    if plan is None and not participates(request.user, edition):
        raise Http404("No action plan here.")
    return edition, plan


def plan_url(edition):
    return reverse("coaching:plan", args=[edition.pk])


def comments_of(plan):
    """The plan's comments: by goal, by action, and those whose goal or action was removed."""
    by_goal, by_action, removed = {}, {}, []
    if plan is None:
        return by_goal, by_action, removed
    for note in plan.comments.select_related("author"):
        if note.goal_id:
            by_goal.setdefault(note.goal_id, []).append(note)
        elif note.action_id:
            by_action.setdefault(note.action_id, []).append(note)
        else:
            removed.append(note)
    return by_goal, by_action, removed


def rows_with_comments(formset, comments):
    """Each form of `formset` with the comments on the goal or action it shows."""
    rows = []
    for form in formset.forms:
        key = str(form["id"].value() or "")
        rows.append((form, comments.get(int(key), []) if key.isdigit() else []))
    return rows


def beside_the_form(current, given):
    """After a conflict: the version stored meanwhile, by section, and what the refused input
    (`given`, as save_plan took it) would change in it; None before any version."""
    if current is None:
        return None, None
    draft = plans.input_snapshot(
        **{key: given[key] for key in ("goals", "actions", "kpis", "notes")}
    )
    return plans.readable(current.content), plans.compare_contents(current.content, draft)


@login_required
@require_http_methods(["GET", "POST"])
def plan(request, edition_id):
    edition, stored = own_plan(request, edition_id)
    status, conflict, refused, stored_sections, draft_changes = 200, None, "", None, None
    if request.method == "POST":
        editor = PlanEditor(stored, request.POST)
        if editor.is_valid():
            given = editor.cleaned()
            try:
                saved = plans.save_plan(request.user, edition, by=request.user, **given)
            except PlanConflict as refusal:
                conflict, status = refusal, 409
                stored = plans.plan_of(request.user, edition)
                # Saving again is then a choice made having seen the version shown.
                shown = refusal.current.number if refusal.current else getattr(stored, "version", 0)
                editor = editor.rebased(shown)
                stored_sections, draft_changes = beside_the_form(refusal.current, given)
            except PlanRefused as refusal:
                refused, status = str(refusal), 403
            else:
                messages.success(request, f"Your action plan is saved as version {saved.version}.")
                return redirect(plan_url(edition))
        else:
            status = 400
    else:
        editor = PlanEditor(stored)
    by_goal, by_action, removed = comments_of(stored)
    return render(
        request,
        "coaching/plan.html",
        {
            "edition": edition,
            "plan": stored,
            "editor": editor,
            "goal_rows": rows_with_comments(editor.goals, by_goal),
            "action_rows": rows_with_comments(editor.actions, by_action),
            "kpi_rows": rows_with_comments(editor.kpis, {}),
            "removed_comments": removed,
            "conflict": conflict,
            "stored_sections": stored_sections,
            "draft_changes": draft_changes,
            "refused": refused,
        },
        status=status,
    )


@login_required
@require_GET
def plan_versions(request, edition_id):
    """Every saved version, newest first; `?a=&b=` shows what changed from version a to b."""
    edition, stored = own_plan(request, edition_id)
    versions = []
    if stored is not None:
        versions = list(stored.versions.defer("content").select_related("saved_by").reverse())
    numbers = {str(version.number): version for version in versions}
    a, b = request.GET.get("a"), request.GET.get("b")
    comparison, problem, status = None, "", 200
    if a is not None or b is not None:
        if a in numbers and b in numbers:
            pair = {v.number: v for v in stored.versions.filter(number__in=[int(a), int(b)])}
            comparison = plans.compare(pair[int(a)], pair[int(b)])
        else:
            problem, status = "Choose two versions of your plan to compare.", 400
    elif len(versions) >= 2:
        a, b = str(versions[1].number), str(versions[0].number)
    return render(
        request,
        "coaching/plan_versions.html",
        {
            "edition": edition,
            "plan": stored,
            "versions": versions,
            "a": a,
            "b": b,
            "comparison": comparison,
            "problem": problem,
        },
        status=status,
    )


@require_POST
@login_required
def plan_share(request, edition_id):
    """Share the plan with the edition's trainers (`share=yes`), or stop (`share=no`)."""
    edition, stored = own_plan(request, edition_id)
    choice = request.POST.get("share")
    if choice not in ("yes", "no"):
        return HttpResponse("Say whether to share the plan: share=yes or share=no.", status=400)
    if stored is None:
        messages.error(request, "Save your plan before you share it.")
    elif choice == "yes":
        try:
            plans.share(stored)
        except PlanRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                "Your plan is shared with the edition's trainers: they can read it and comment "
                "on your goals and actions.",
            )
    else:
        plans.unshare(stored)
        messages.success(request, "Your plan is no longer shared with the trainers.")
    return redirect(plan_url(edition))


def pdf_response(plan):
    """The plan as a PDF download."""
    content = render_plan_pdf(
        plan,
        goals=list(plan.goals.select_related("skill")),
        actions=list(plan.actions.select_related("goal")),
        kpis=list(plan.kpis.all()),
        comments=list(plan.comments.select_related("author")),
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"action-plan-{plan.edition.slug}.pdf"
    )
    return response


@login_required
@require_GET
def plan_pdf(request, edition_id):
    edition, stored = own_plan(request, edition_id)
    if stored is None or not stored.version:
        raise Http404("Save your plan before you download it.")
    stored.edition = edition
    return pdf_response(stored)


# The trainers' side, in the Wagtail admin (coaching.wagtail_hooks).


class PlansMenuItem(MenuItem):
    def is_shown(self, request):
        return coaches(request.user)


class ActionPlansMenu(ViewSet):
    """The "Action plans" item of the Coaching menu, for trainers and staff. The views are plain
    admin URLs with the names of the URL contract (coaching.wagtail_hooks); a menu group only takes
    viewsets, so this one has no views of its own."""

    name = "coaching_plans_menu"
    menu_label = "Action plans"
    icon = "clipboard-list"
    menu_item_class = PlansMenuItem

    @cached_property
    def menu_url(self):
        return reverse("coaching_plans")


def count_of(model):
    """The number of the plan's rows of `model`, as a subquery: the list's query count does not
    grow with the plans listed."""
    rows = model.objects.filter(plan=OuterRef("pk")).order_by().values("plan")
    return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")), 0)


@require_GET
def coaching_plans(request):
    """The plans shared with the trainer (every shared plan for staff), latest first."""
    if not coaches(request.user):
        raise PermissionDenied
    shared = (
        readable_plans(request.user)
        .select_related("learner", "edition")
        .annotate(goal_count=count_of(PlanGoal), action_count=count_of(PlanAction))
        .order_by("-updated_at", "pk")
    )
    page = Paginator(shared, PLANS_PER_PAGE).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "coaching/admin/plans.html",
        {
            "plans": page,
            "elided_page_range": page.paginator.get_elided_page_range(page.number),
        },
    )


def shared_plan(request, pk):
    if not coaches(request.user):
        raise PermissionDenied
    return get_object_or_404(
        readable_plans(request.user).select_related("learner", "edition"), pk=pk
    )


@require_http_methods(["GET", "POST"])
def coaching_plan(request, pk):
    """A shared plan, read-only, with a comment form on each goal and action."""
    shared = shared_plan(request, pk)
    goals = list(shared.goals.select_related("skill"))
    actions = list(shared.actions.select_related("goal"))
    by_goal, by_action, removed = comments_of(shared)
    posted, status = None, 200
    if request.method == "POST":
        posted = CommentForm(request.POST, plan=shared)
        if posted.is_valid():
            target = posted.cleaned_data["target"]
            plans.comment(shared, request.user, target, posted.cleaned_data["body"])
            messages.success(
                request,
                f"Your comment is saved, and {shared.learner.get_short_name()} is told by email.",
            )
            kind = "goal" if isinstance(target, PlanGoal) else "action"
            return redirect(reverse("coaching_plan", args=[shared.pk]) + f"#{kind}-{target.pk}")
        status = 400
        if "target" in posted.errors:
            messages.error(request, posted.errors["target"][0])

    def form_for(kind, number, item):
        target = f"{kind}-{item.pk}"
        if posted is not None and posted.data.get("target") == target:
            form = posted
            form.auto_id = f"{target}-%s"
        else:
            form = CommentForm(plan=shared, initial={"target": target}, auto_id=f"{target}-%s")
        form.fields["body"].label = f"Your comment on {kind} {number}"
        return form

    return TemplateResponse(
        request,
        "coaching/admin/plan.html",
        {
            "plan": shared,
            "goals": [
                (goal, by_goal.get(goal.pk, []), form_for("goal", number, goal))
                for number, goal in enumerate(goals, start=1)
            ],
            "actions": [
                (action, by_action.get(action.pk, []), form_for("action", number, action))
                for number, action in enumerate(actions, start=1)
            ],
            "kpis": list(shared.kpis.all()),
            "removed_comments": removed,
        },
        status=status,
    )


@require_GET
def coaching_plan_pdf_admin(request, pk):
    return pdf_response(shared_plan(request, pk))
