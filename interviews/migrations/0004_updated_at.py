import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("interviews", "0003_within_a_day")]

    operations = [
        migrations.AddField(
            model_name="interview",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, default=django.utils.timezone.now),
            preserve_default=False,
        ),
    ]
