"""The tallies (insights.models: AnswerTally, CompanyTally, AssessmentTally). Their
triggers come in 0006, once these tables' unique constraints exist: ON CONFLICT needs them,
and Django makes them at the end of a migration."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0015_savedview"),
        ("insights", "0004_rollup_events"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="AnswerTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("job_board", "Job board"),
                            ("company_site", "Company website"),
                            ("referral", "Referral / network"),
                            ("staffing_agency", "Staffing agency"),
                            ("recruiter", "Recruiter reached out"),
                            ("other", "Other"),
                        ],
                        default="",
                        max_length=20,
                    ),
                ),
                ("top_rank", models.PositiveSmallIntegerField()),
                ("days", models.IntegerField(null=True)),
                ("ghosted", models.BooleanField()),
                ("exits", models.TextField(blank=True)),
                ("n", models.PositiveIntegerField()),
                (
                    "owner",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "db_table": "insights_answertally",
                "indexes": [
                    models.Index(
                        condition=models.Q(("n", 0)),
                        fields=["owner"],
                        name="insights_answers_emptied",
                    )
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("owner", "source", "top_rank", "days", "ghosted", "exits"),
                        name="insights_answertally_one_per_group",
                        nulls_distinct=False,
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="AssessmentTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "round_type",
                    models.CharField(
                        choices=[
                            ("phone_screen", "Phone screen"),
                            ("recruiter", "Recruiter call"),
                            ("technical", "Technical"),
                            ("take_home", "Take-home"),
                            ("panel", "Panel"),
                            ("onsite", "On-site"),
                            ("final", "Final"),
                            ("other", "Other"),
                        ],
                        max_length=20,
                    ),
                ),
                ("month", models.DateTimeField()),
                ("n", models.PositiveIntegerField()),
                ("qualification_fit", models.IntegerField()),
                ("preparation", models.IntegerField()),
                ("communication", models.IntegerField()),
                ("technical_answers", models.IntegerField()),
                ("rapport", models.IntegerField()),
                ("confidence", models.IntegerField()),
                (
                    "owner",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "db_table": "insights_assessmenttally",
                "indexes": [
                    models.Index(
                        condition=models.Q(("n", 0)),
                        fields=["owner"],
                        name="insights_assessed_emptied",
                    )
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("owner", "round_type", "month"),
                        name="insights_assessmenttally_one_per_month",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="CompanyTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("n", models.PositiveIntegerField()),
                (
                    "company",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="applications.company",
                    ),
                ),
                (
                    "owner",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "db_table": "insights_companytally",
                "indexes": [
                    models.Index(
                        condition=models.Q(("n", 0)),
                        fields=["owner"],
                        name="insights_companies_emptied",
                    )
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("owner", "company"), name="insights_companytally_one_per_company"
                    )
                ],
            },
        ),
    ]
