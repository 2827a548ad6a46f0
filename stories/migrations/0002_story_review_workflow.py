"""The editorial workflow for stories: Editors write and submit, Moderators approve.

The Editors and Moderators groups come from Wagtail's own first migration; this one
makes sure they exist with the page permissions the workflow relies on (Editors may
add and change pages but not publish; Moderators may publish), creates the
"Story review" workflow with one approval task for Moderators, attaches it to any
story index page that already exists (new ones get it from a signal), and lets both
groups manage highlight figures.
"""

from django.db import migrations

WORKFLOW_NAME = "Story review"
TASK_NAME = "Moderators approve the story"


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return perm


def create_story_review(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")
    StoryIndexPage = apps.get_model("stories", "StoryIndexPage")

    editors, _ = Group.objects.get_or_create(name="Editors")
    moderators, _ = Group.objects.get_or_create(name="Moderators")

    access_admin = permission(apps, "wagtailadmin", "admin", "access_admin")
    editors.permissions.add(access_admin)
    moderators.permissions.add(access_admin)

    root = Page.objects.filter(depth=1).first()
    if root is not None:
        page_permissions = {
            editors: ["add_page", "change_page"],
            moderators: ["add_page", "change_page", "publish_page"],
        }
        for group, codenames in page_permissions.items():
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=root,
                    permission=permission(apps, "wagtailcore", "page", codename),
                )

    for group in (editors, moderators):
        for codename in ("add", "change", "delete", "view"):
            group.permissions.add(
                permission(apps, "stories", "highlightfigure", f"{codename}_highlightfigure")
            )

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.add(moderators)

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for index_page in StoryIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(page_id=index_page.pk, defaults={"workflow": workflow})


def remove_story_review(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    Task.objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0001_initial"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_story_review, remove_story_review)]
