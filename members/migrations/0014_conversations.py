"""Conversations between two members (issue 19 §2) replace the one-way email relay.

Messages the relay stored become conversations: one per pair, in the order sent, marked
read for both (each was emailed in full when sent). Then the relay's table goes.
A report may now point at the one message it is about."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def relayed_messages_into_conversations(apps, schema_editor):
    MemberMessage = apps.get_model("members", "MemberMessage")
    Conversation = apps.get_model("members", "Conversation")
    Participant = apps.get_model("members", "Participant")
    Message = apps.get_model("members", "Message")
    threads = {}
    for old in MemberMessage.objects.order_by("sent_at", "pk").iterator():
        low, high = sorted([old.sender_id, old.recipient_id])
        key = f"{low}-{high}"
        conversation = threads.get(key)
        if conversation is None:
            conversation = Conversation.objects.create(pair_key=key, started_by_id=old.sender_id)
            Conversation.objects.filter(pk=conversation.pk).update(created_at=old.sent_at)
            threads[key] = conversation
        message = Message.objects.create(
            conversation=conversation, sender_id=old.sender_id, body=old.body
        )
        Message.objects.filter(pk=message.pk).update(created=old.sent_at)
        conversation.last_message_at = old.sent_at
    for key, conversation in threads.items():
        Conversation.objects.filter(pk=conversation.pk).update(
            last_message_at=conversation.last_message_at
        )
        for user_id in key.split("-"):
            Participant.objects.create(
                conversation=conversation,
                user_id=int(user_id),
                last_read_at=conversation.last_message_at,
            )


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0013_delete_auditevent"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Conversation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("public_id", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                (
                    "pair_key",
                    models.CharField(editable=False, max_length=41, null=True, unique=True),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, db_index=True)),
                ("last_message_at", models.DateTimeField(blank=True, db_index=True, null=True)),
                (
                    "started_by",
                    models.ForeignKey(
                        help_text="Counts the conversations a member starts in an hour.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "conversation",
                "verbose_name_plural": "conversations",
                "ordering": ["-last_message_at", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="Message",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("public_id", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("body", models.TextField(max_length=3000, verbose_name="message")),
                ("created", models.DateTimeField(auto_now_add=True, db_index=True)),
                (
                    "conversation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="messages",
                        to="members.conversation",
                    ),
                ),
                (
                    "sender",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="conversation_messages",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "message",
                "verbose_name_plural": "messages",
                "ordering": ["created", "pk"],
                "indexes": [
                    models.Index(fields=["sender", "created"], name="message_sender_created")
                ],
            },
        ),
        migrations.CreateModel(
            name="Participant",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("last_read_at", models.DateTimeField(blank=True, null=True)),
                ("notified_at", models.DateTimeField(blank=True, null=True)),
                (
                    "conversation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="participants",
                        to="members.conversation",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="conversation_places",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "conversation participant",
                "verbose_name_plural": "conversation participants",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("conversation", "user"), name="unique_conversation_participant"
                    )
                ],
            },
        ),
        migrations.AddField(
            model_name="report",
            name="message",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="reports",
                to="members.message",
                verbose_name="reported message",
            ),
        ),
        migrations.RunPython(relayed_messages_into_conversations, migrations.RunPython.noop),
        migrations.DeleteModel(name="MemberMessage"),
    ]
