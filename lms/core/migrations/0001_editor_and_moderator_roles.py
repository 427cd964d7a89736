"""Wagtail's standard "Editors" and "Moderators" groups, set up for the academy.

Editors create and edit academy pages, materials, documents and images and submit them for
moderation. Moderators also publish, manage the skills taxonomy and see learners' progress. Neither manages users.
Every academy page and every material goes through the "Moderators approval" workflow.

Idempotent: running it on a database that already has some of this changes nothing twice.
Permissions are created here rather than left to post_migrate, which runs too late on a fresh
database.
"""

from django.db import migrations

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMISSIONS = [*EDITOR_PAGE_PERMISSIONS, "publish_page", "lock_page", "unlock_page"]
MEDIA_PERMISSIONS = ["add", "change", "choose"]

EDITOR_MODEL_PERMISSIONS = {
    ("wagtailadmin", "admin"): ["access_admin"],
    ("materials", "material"): ["add", "change", "view"],
    ("skills", "skill"): ["view"],
    ("skills", "skillarea"): ["view"],
    ("wagtaildocs", "document"): MEDIA_PERMISSIONS,
    ("wagtailimages", "image"): MEDIA_PERMISSIONS,
}
MODERATOR_MODEL_PERMISSIONS = {
    **EDITOR_MODEL_PERMISSIONS,
    ("materials", "material"): ["add", "change", "delete", "view", "publish", "lock", "unlock"],
    ("skills", "skill"): ["add", "change", "delete", "view"],
    ("skills", "skillarea"): ["add", "change", "delete", "view"],
    # Moderators see learners' progress (the course progress report); editors do not.
    ("learning", "enrolment"): ["view"],
    ("learning", "modulecompletion"): ["view"],
    ("learning", "certificate"): ["view"],
    ("wagtaildocs", "document"): [*MEDIA_PERMISSIONS, "delete"],
    ("wagtailimages", "image"): [*MEDIA_PERMISSIONS, "delete"],
}
USER_MANAGEMENT = ["add_user", "change_user", "delete_user", "add_group", "change_group"]
WORKFLOW_NAME = "Moderators approval"


def codename(action, model):
    # "access_admin" is already a full codename; the rest are Django's "<action>_<model>".
    return action if "_" in action else f"{action}_{model}"


def permission(apps, app_label, model, action):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    name = codename(action, model)
    return Permission.objects.get_or_create(
        content_type=content_type,
        codename=name,
        defaults={"name": f"Can {name.replace('_', ' ')}"},
    )[0]


def configure_group(apps, name, model_permissions, page_permissions):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    group, _ = Group.objects.get_or_create(name=name)
    for (app_label, model), actions in model_permissions.items():
        for action in actions:
            perm = permission(apps, app_label, model, action)
            group.permissions.add(perm)
            if app_label in ("wagtaildocs", "wagtailimages"):
                # Wagtail checks document and image permissions per collection.
                for collection in Collection.objects.filter(depth=1):
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=collection, permission=perm
                    )
    group.permissions.remove(*group.permissions.filter(codename__in=USER_MANAGEMENT))

    for root in Page.objects.filter(depth=1):
        for action in page_permissions:
            perm = permission(apps, "wagtailcore", "page", action)
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=perm)
    return group


def moderation_workflow(apps, moderators):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    workflow, created = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    if created or not workflow.workflow_tasks.exists():
        task_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task, _ = GroupApprovalTask.objects.get_or_create(
            name=WORKFLOW_NAME, defaults={"content_type": task_type, "active": True}
        )
        task.groups.add(moderators)
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, sort_order=0)
    # The workflow on the tree's root covers the home page and every academy page beneath it.
    for root in Page.objects.filter(depth=1):
        if not WorkflowPage.objects.filter(page=root).exists():
            WorkflowPage.objects.create(page=root, workflow=workflow)
    material_type, _ = ContentType.objects.get_or_create(app_label="materials", model="material")
    WorkflowContentType.objects.get_or_create(
        content_type=material_type, defaults={"workflow": workflow}
    )


def configure_roles(apps, schema_editor):
    configure_group(apps, "Editors", EDITOR_MODEL_PERMISSIONS, EDITOR_PAGE_PERMISSIONS)
    moderators = configure_group(
        apps, "Moderators", MODERATOR_MODEL_PERMISSIONS, MODERATOR_PAGE_PERMISSIONS
    )
    moderation_workflow(apps, moderators)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("learning", "0001_initial"),
        ("materials", "0001_initial"),
        ("skills", "0001_initial"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(configure_roles, migrations.RunPython.noop)]
