# The work-search log's two facts (the employer's address; how the application was sent, with
# a check on its values), and the verbose names and labels made translatable (no SQL).

import datetime

import django.core.validators
import django.db.models.deletion
import django.db.models.functions.text
import django.db.models.lookups
from django.conf import settings
from django.db import migrations, models

import applications.models


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0012_import_job_records"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="application",
            options={
                "ordering": ["-updated_at"],
                "verbose_name": "application",
                "verbose_name_plural": "applications",
            },
        ),
        migrations.AlterModelOptions(
            name="attachment",
            options={
                "ordering": ["kind", "created_at"],
                "verbose_name": "attachment",
                "verbose_name_plural": "attachments",
            },
        ),
        migrations.AlterModelOptions(
            name="company",
            options={
                "ordering": ["name"],
                "verbose_name": "company",
                "verbose_name_plural": "companies",
            },
        ),
        migrations.AlterModelOptions(
            name="contact",
            options={
                "ordering": ["name"],
                "verbose_name": "contact",
                "verbose_name_plural": "contacts",
            },
        ),
        migrations.AlterModelOptions(
            name="importjob",
            options={
                "ordering": ["-created_at"],
                "verbose_name": "import",
                "verbose_name_plural": "imports",
            },
        ),
        migrations.AlterModelOptions(
            name="statuschange",
            options={
                "ordering": ["changed_on", "created_at"],
                "verbose_name": "status change",
                "verbose_name_plural": "status changes",
            },
        ),
        migrations.AlterModelOptions(
            name="tag",
            options={"ordering": ["name"], "verbose_name": "tag", "verbose_name_plural": "tags"},
        ),
        migrations.AddField(
            model_name="application",
            name="applied_via",
            field=models.CharField(
                blank=True,
                choices=[
                    ("online", "Online (form or portal)"),
                    ("email", "By email"),
                    ("post", "In writing (by post)"),
                    ("in_person", "In person"),
                    ("phone", "By phone"),
                ],
                max_length=20,
                verbose_name="applied via",
            ),
        ),
        migrations.AddField(
            model_name="company",
            name="address",
            field=models.TextField(
                blank=True,
                help_text="Street, postcode and town: the work-search log lists it.",
                validators=[django.core.validators.MaxLengthValidator(500)],
                verbose_name="address",
            ),
        ),
        migrations.AlterField(
            model_name="application",
            name="archived_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="archived"),
        ),
        migrations.AlterField(
            model_name="application",
            name="company",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.RESTRICT,
                related_name="applications",
                to="applications.company",
                verbose_name="company",
            ),
        ),
        migrations.AlterField(
            model_name="application",
            name="created_at",
            field=models.DateTimeField(auto_now_add=True, verbose_name="created"),
        ),
        migrations.AlterField(
            model_name="application",
            name="currency",
            field=models.CharField(
                blank=True, help_text="e.g. EUR, USD, GBP", max_length=3, verbose_name="currency"
            ),
        ),
        migrations.AlterField(
            model_name="application",
            name="date_applied",
            field=models.DateField(blank=True, null=True, verbose_name="date applied"),
        ),
        migrations.AlterField(
            model_name="application",
            name="excitement",
            field=models.PositiveSmallIntegerField(
                default=3,
                help_text="How much you want this one, 1 to 5.",
                validators=[
                    django.core.validators.MinValueValidator(1),
                    django.core.validators.MaxValueValidator(5),
                ],
                verbose_name="excitement",
            ),
        ),
        migrations.AlterField(
            model_name="application",
            name="location",
            field=models.CharField(blank=True, max_length=200, verbose_name="location"),
        ),
        migrations.AlterField(
            model_name="application",
            name="notes",
            field=models.TextField(blank=True, verbose_name="notes"),
        ),
        migrations.AlterField(
            model_name="application",
            name="role",
            field=models.CharField(max_length=200, verbose_name="role"),
        ),
        migrations.AlterField(
            model_name="application",
            name="source",
            field=models.CharField(
                blank=True,
                choices=[
                    ("job_board", "Job board"),
                    ("company_site", "Company website"),
                    ("referral", "Referral / network"),
                    ("staffing_agency", "Staffing agency"),
                    ("recruiter", "Recruiter reached out"),
                    ("other", "Other"),
                ],
                max_length=20,
                verbose_name="source",
            ),
        ),
        migrations.AlterField(
            model_name="application",
            name="status",
            field=models.CharField(
                choices=[
                    ("wishlist", "Wishlist"),
                    ("applied", "Applied"),
                    ("screening", "Screening"),
                    ("interviewing", "Interviewing"),
                    ("offer", "Offer"),
                    ("accepted", "Accepted"),
                    ("rejected", "Rejected"),
                    ("withdrawn", "Withdrawn"),
                    ("ghosted", "Ghosted"),
                ],
                default="wishlist",
                max_length=20,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="application",
            name="status_changed_on",
            field=models.DateField(default=datetime.date.today, verbose_name="status changed on"),
        ),
        migrations.AlterField(
            model_name="application",
            name="tags",
            field=models.ManyToManyField(
                blank=True, related_name="applications", to="applications.tag", verbose_name="tags"
            ),
        ),
        migrations.AlterField(
            model_name="application",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="updated"),
        ),
        migrations.AlterField(
            model_name="attachment",
            name="created_at",
            field=models.DateTimeField(auto_now_add=True, verbose_name="created"),
        ),
        migrations.AlterField(
            model_name="attachment",
            name="file",
            field=models.FileField(
                blank=True,
                max_length=200,
                upload_to=applications.models._attachment_path,
                verbose_name="file",
            ),
        ),
        migrations.AlterField(
            model_name="attachment",
            name="kind",
            field=models.CharField(
                choices=[
                    ("resume", "Résumé / CV"),
                    ("cover_letter", "Cover letter"),
                    ("other", "Something else sent"),
                ],
                default="resume",
                max_length=20,
                verbose_name="kind",
            ),
        ),
        migrations.AlterField(
            model_name="attachment",
            name="size",
            field=models.PositiveIntegerField(default=0, verbose_name="size"),
        ),
        migrations.AlterField(
            model_name="company",
            name="created_at",
            field=models.DateTimeField(auto_now_add=True, verbose_name="created"),
        ),
        migrations.AlterField(
            model_name="company",
            name="name",
            field=models.CharField(max_length=200, verbose_name="name"),
        ),
        migrations.AlterField(
            model_name="company",
            name="notes",
            field=models.TextField(blank=True, verbose_name="notes"),
        ),
        migrations.AlterField(
            model_name="company",
            name="website",
            field=models.URLField(blank=True, verbose_name="website"),
        ),
        migrations.AlterField(
            model_name="contact",
            name="company",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="contacts",
                to="applications.company",
                verbose_name="company",
            ),
        ),
        migrations.AlterField(
            model_name="contact",
            name="created_at",
            field=models.DateTimeField(auto_now_add=True, verbose_name="created"),
        ),
        migrations.AlterField(
            model_name="contact",
            name="email",
            field=models.EmailField(blank=True, max_length=254, verbose_name="email"),
        ),
        migrations.AlterField(
            model_name="contact",
            name="kind",
            field=models.CharField(
                choices=[
                    ("interviewer", "Interviewer"),
                    ("hr", "HR"),
                    ("recruiter", "Recruiter"),
                    ("referrer", "Referrer"),
                    ("staffing_agency", "Staffing agency"),
                    ("network", "Network contact"),
                    ("other", "Other"),
                ],
                default="interviewer",
                max_length=20,
                verbose_name="kind",
            ),
        ),
        migrations.AlterField(
            model_name="contact",
            name="name",
            field=models.CharField(max_length=200, verbose_name="name"),
        ),
        migrations.AlterField(
            model_name="contact",
            name="notes",
            field=models.TextField(blank=True, verbose_name="notes"),
        ),
        migrations.AlterField(
            model_name="contact",
            name="phone",
            field=models.CharField(blank=True, max_length=40, verbose_name="phone"),
        ),
        migrations.AlterField(
            model_name="statuschange",
            name="changed_on",
            field=models.DateField(verbose_name="changed on"),
        ),
        migrations.AlterField(
            model_name="statuschange",
            name="created_at",
            field=models.DateTimeField(auto_now_add=True, verbose_name="created"),
        ),
        migrations.AlterField(
            model_name="statuschange",
            name="from_status",
            field=models.CharField(
                blank=True,
                choices=[
                    ("wishlist", "Wishlist"),
                    ("applied", "Applied"),
                    ("screening", "Screening"),
                    ("interviewing", "Interviewing"),
                    ("offer", "Offer"),
                    ("accepted", "Accepted"),
                    ("rejected", "Rejected"),
                    ("withdrawn", "Withdrawn"),
                    ("ghosted", "Ghosted"),
                ],
                max_length=20,
                verbose_name="from status",
            ),
        ),
        migrations.AlterField(
            model_name="statuschange",
            name="note",
            field=models.CharField(blank=True, max_length=500, verbose_name="note"),
        ),
        migrations.AlterField(
            model_name="statuschange",
            name="to_status",
            field=models.CharField(
                choices=[
                    ("wishlist", "Wishlist"),
                    ("applied", "Applied"),
                    ("screening", "Screening"),
                    ("interviewing", "Interviewing"),
                    ("offer", "Offer"),
                    ("accepted", "Accepted"),
                    ("rejected", "Rejected"),
                    ("withdrawn", "Withdrawn"),
                    ("ghosted", "Ghosted"),
                ],
                max_length=20,
                verbose_name="to status",
            ),
        ),
        migrations.AlterField(
            model_name="tag",
            name="name",
            field=models.CharField(max_length=40, verbose_name="name"),
        ),
        migrations.AddConstraint(
            model_name="application",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("applied_via", ""),
                    ("applied_via__in", ["online", "email", "post", "in_person", "phone"]),
                    _connector="OR",
                ),
                name="application_applied_via_known",
            ),
        ),
        migrations.AddConstraint(
            model_name="company",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("address"), 500
                ),
                name="company_address_max_length",
            ),
        ),
    ]
