from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0012_audit_trail_on_wagtail_log"),
    ]

    operations = [
        migrations.DeleteModel(name="AuditEvent"),
    ]
