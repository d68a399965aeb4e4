# The legal step for Germany (Incident: received_on, learned_on, land, claimed_on and their
# invariants) and the coping models' translatable labels (state only: no SQL for those).

import datetime

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import rebound.crypto


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0012_import_job_records"),
        ("coping", "0005_encrypt_private_words"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="copingplan",
            options={
                "ordering": ["-opened_on", "-pk"],
                "verbose_name": "plan",
                "verbose_name_plural": "plans",
            },
        ),
        migrations.AlterModelOptions(
            name="feedbackrequest",
            options={
                "verbose_name": "feedback request",
                "verbose_name_plural": "feedback requests",
            },
        ),
        migrations.AlterModelOptions(
            name="followup",
            options={"verbose_name": "check-in", "verbose_name_plural": "check-ins"},
        ),
        migrations.AlterModelOptions(
            name="incident",
            options={
                "ordering": ["happened_on", "pk"],
                "verbose_name": "incident note",
                "verbose_name_plural": "incident notes",
            },
        ),
        migrations.AlterModelOptions(
            name="journalentry",
            options={
                "ordering": ["-written_on", "-created_at"],
                "verbose_name": "journal entry",
                "verbose_name_plural": "journal entries",
            },
        ),
        migrations.AlterModelOptions(
            name="netgoal",
            options={
                "verbose_name": "goal for new applications",
                "verbose_name_plural": "goals for new applications",
            },
        ),
        migrations.AlterModelOptions(
            name="outreach",
            options={
                "ordering": ["-on", "-created_at"],
                "verbose_name": "outreach",
                "verbose_name_plural": "outreach",
            },
        ),
        migrations.AlterModelOptions(
            name="planstep",
            options={"verbose_name": "step", "verbose_name_plural": "steps"},
        ),
        migrations.AlterModelOptions(
            name="reflection",
            options={"verbose_name": "reflection", "verbose_name_plural": "reflections"},
        ),
        migrations.AddField(
            model_name="incident",
            name="claimed_on",
            field=models.DateField(
                blank=True,
                null=True,
                verbose_name="the day your written claim reached the employer",
            ),
        ),
        migrations.AddField(
            model_name="incident",
            name="land",
            field=models.CharField(
                blank=True,
                choices=[
                    ("BW", "Baden-Württemberg"),
                    ("BY", "Bayern"),
                    ("BE", "Berlin"),
                    ("BB", "Brandenburg"),
                    ("HB", "Bremen"),
                    ("HH", "Hamburg"),
                    ("HE", "Hessen"),
                    ("MV", "Mecklenburg-Vorpommern"),
                    ("NI", "Niedersachsen"),
                    ("NW", "Nordrhein-Westfalen"),
                    ("RP", "Rheinland-Pfalz"),
                    ("SL", "Saarland"),
                    ("SN", "Sachsen"),
                    ("ST", "Sachsen-Anhalt"),
                    ("SH", "Schleswig-Holstein"),
                    ("TH", "Thüringen"),
                ],
                max_length=2,
                verbose_name="Land",
            ),
        ),
        migrations.AddField(
            model_name="incident",
            name="learned_on",
            field=models.DateField(
                blank=True,
                null=True,
                verbose_name="the day you learned of the discrimination, if later",
            ),
        ),
        migrations.AddField(
            model_name="incident",
            name="received_on",
            field=models.DateField(
                blank=True, null=True, verbose_name="the day the rejection reached you"
            ),
        ),
        migrations.AlterField(
            model_name="copingplan",
            name="application",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="coping_plans",
                to="applications.application",
                verbose_name="application",
            ),
        ),
        migrations.AlterField(
            model_name="copingplan",
            name="closed_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="closed at"),
        ),
        migrations.AlterField(
            model_name="copingplan",
            name="created_at",
            field=models.DateTimeField(auto_now_add=True, verbose_name="created"),
        ),
        migrations.AlterField(
            model_name="copingplan",
            name="legal_flagged",
            field=models.BooleanField(default=False, verbose_name="legal step added"),
        ),
        migrations.AlterField(
            model_name="copingplan",
            name="opened_by",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="coping_plan",
                to="applications.statuschange",
                verbose_name="opened by",
            ),
        ),
        migrations.AlterField(
            model_name="copingplan",
            name="opened_on",
            field=models.DateField(verbose_name="opened on"),
        ),
        migrations.AlterField(
            model_name="copingplan",
            name="owner",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                to=settings.AUTH_USER_MODEL,
                verbose_name="owner",
            ),
        ),
        migrations.AlterField(
            model_name="copingplan",
            name="reason",
            field=models.CharField(
                choices=[
                    ("rejected", "Rejected"),
                    ("ghosted", "Ghosted"),
                    ("rescinded", "Offer rescinded"),
                ],
                max_length=20,
                verbose_name="reason",
            ),
        ),
        migrations.AlterField(
            model_name="feedbackrequest",
            name="body",
            field=rebound.crypto.EncryptedTextField(verbose_name="message"),
        ),
        migrations.AlterField(
            model_name="feedbackrequest",
            name="contact",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                to="applications.contact",
                verbose_name="contact",
            ),
        ),
        migrations.AlterField(
            model_name="feedbackrequest",
            name="plan",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="feedback_request",
                to="coping.copingplan",
                verbose_name="plan",
            ),
        ),
        migrations.AlterField(
            model_name="feedbackrequest",
            name="received_on",
            field=models.DateField(blank=True, null=True, verbose_name="received on"),
        ),
        migrations.AlterField(
            model_name="feedbackrequest",
            name="sent_on",
            field=models.DateField(blank=True, null=True, verbose_name="sent on"),
        ),
        migrations.AlterField(
            model_name="feedbackrequest",
            name="status",
            field=models.CharField(
                choices=[("drafted", "Drafted"), ("sent", "Sent"), ("received", "Received")],
                default="drafted",
                max_length=10,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="feedbackrequest",
            name="subject",
            field=models.CharField(max_length=200, verbose_name="subject"),
        ),
        migrations.AlterField(
            model_name="feedbackrequest",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="updated"),
        ),
        migrations.AlterField(
            model_name="followup",
            name="check_in_on",
            field=models.DateField(blank=True, null=True, verbose_name="check in on"),
        ),
        migrations.AlterField(
            model_name="followup",
            name="contact",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                to="applications.contact",
                verbose_name="contact",
            ),
        ),
        migrations.AlterField(
            model_name="followup",
            name="interested",
            field=models.BooleanField(
                help_text="Still interested in this company?", null=True, verbose_name="interested"
            ),
        ),
        migrations.AlterField(
            model_name="followup",
            name="plan",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="follow_up",
                to="coping.copingplan",
                verbose_name="plan",
            ),
        ),
        migrations.AlterField(
            model_name="followup",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="updated"),
        ),
        migrations.AlterField(
            model_name="incident",
            name="created_at",
            field=models.DateTimeField(auto_now_add=True, verbose_name="created"),
        ),
        migrations.AlterField(
            model_name="incident",
            name="jurisdiction",
            field=models.CharField(
                choices=[
                    ("us", "United States (EEOC)"),
                    ("us_state", "United States, where a state or local agency also applies"),
                    ("us_federal", "United States, federal employee or applicant"),
                    ("uk", "United Kingdom (employment tribunal)"),
                    ("de", "Germany (AGG)"),
                    ("other", "Somewhere else"),
                ],
                max_length=20,
                verbose_name="where",
            ),
        ),
        migrations.AlterField(
            model_name="incident",
            name="kind",
            field=models.CharField(
                choices=[
                    ("discriminatory_question", "A discriminatory question"),
                    ("rescinded_offer", "A rescinded offer"),
                    ("retaliation", "Retaliation"),
                    ("other", "Something else"),
                ],
                max_length=30,
                verbose_name="kind",
            ),
        ),
        migrations.AlterField(
            model_name="incident",
            name="plan",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="incidents",
                to="coping.copingplan",
                verbose_name="plan",
            ),
        ),
        migrations.AlterField(
            model_name="journalentry",
            name="created_at",
            field=models.DateTimeField(auto_now_add=True, verbose_name="created"),
        ),
        migrations.AlterField(
            model_name="journalentry",
            name="mood",
            field=models.PositiveSmallIntegerField(
                validators=[
                    django.core.validators.MinValueValidator(1),
                    django.core.validators.MaxValueValidator(5),
                ],
                verbose_name="mood",
            ),
        ),
        migrations.AlterField(
            model_name="journalentry",
            name="owner",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                to=settings.AUTH_USER_MODEL,
                verbose_name="owner",
            ),
        ),
        migrations.AlterField(
            model_name="journalentry",
            name="plan",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="journal",
                to="coping.copingplan",
                verbose_name="plan",
            ),
        ),
        migrations.AlterField(
            model_name="journalentry",
            name="written_on",
            field=models.DateField(default=datetime.date.today, verbose_name="written on"),
        ),
        migrations.AlterField(
            model_name="netgoal",
            name="plan",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="net_goal",
                to="coping.copingplan",
                verbose_name="plan",
            ),
        ),
        migrations.AlterField(
            model_name="netgoal",
            name="starts_on",
            field=models.DateField(verbose_name="starts on"),
        ),
        migrations.AlterField(
            model_name="outreach",
            name="contact",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="outreach",
                to="applications.contact",
                verbose_name="contact",
            ),
        ),
        migrations.AlterField(
            model_name="outreach",
            name="created_at",
            field=models.DateTimeField(auto_now_add=True, verbose_name="created"),
        ),
        migrations.AlterField(
            model_name="outreach",
            name="notes",
            field=rebound.crypto.EncryptedTextField(blank=True, verbose_name="notes"),
        ),
        migrations.AlterField(
            model_name="outreach",
            name="outcome",
            field=models.CharField(
                choices=[
                    ("waiting", "Waiting for a reply"),
                    ("lead", "Got a lead"),
                    ("referral", "Got a referral"),
                    ("nothing_now", "Nothing right now"),
                    ("no_reply", "No reply"),
                ],
                default="waiting",
                max_length=20,
                verbose_name="outcome",
            ),
        ),
        migrations.AlterField(
            model_name="outreach",
            name="owner",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                to=settings.AUTH_USER_MODEL,
                verbose_name="owner",
            ),
        ),
        migrations.AlterField(
            model_name="outreach",
            name="plan",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="outreach",
                to="coping.copingplan",
                verbose_name="plan",
            ),
        ),
        migrations.AlterField(
            model_name="planstep",
            name="plan",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="steps",
                to="coping.copingplan",
                verbose_name="plan",
            ),
        ),
        migrations.AlterField(
            model_name="planstep",
            name="state",
            field=models.CharField(
                choices=[("todo", "To do"), ("done", "Done"), ("skipped", "Skipped")],
                default="todo",
                max_length=10,
                verbose_name="state",
            ),
        ),
        migrations.AlterField(
            model_name="planstep",
            name="step",
            field=models.CharField(
                choices=[
                    ("reflect", "Reflect"),
                    ("feelings", "Feelings and closure"),
                    ("widen", "Widen the net"),
                    ("never_settle", "Never settle"),
                    ("keep_in_touch", "Keep in touch"),
                    ("legal", "Legal options"),
                ],
                max_length=20,
                verbose_name="step",
            ),
        ),
        migrations.AlterField(
            model_name="planstep",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="updated"),
        ),
        migrations.AlterField(
            model_name="reflection",
            name="plan",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="reflection",
                to="coping.copingplan",
                verbose_name="plan",
            ),
        ),
        migrations.AlterField(
            model_name="reflection",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="updated"),
        ),
        migrations.AddConstraint(
            model_name="incident",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("jurisdiction", "de"), _negated=True),
                    models.Q(("received_on__isnull", False), models.Q(("land", ""), _negated=True)),
                    _connector="OR",
                ),
                name="incident_germany_has_received_on_and_land",
                violation_error_message="For Germany, give the day the rejection reached you and your Land.",
            ),
        ),
        migrations.AddConstraint(
            model_name="incident",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("jurisdiction", "de"),
                    models.Q(
                        ("claimed_on__isnull", True),
                        ("land", ""),
                        ("learned_on__isnull", True),
                        ("received_on__isnull", True),
                    ),
                    _connector="OR",
                ),
                name="incident_german_dates_only_for_germany",
                violation_error_message="These dates are only for Germany.",
            ),
        ),
        migrations.AddConstraint(
            model_name="incident",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "land__in",
                        [
                            "",
                            "BW",
                            "BY",
                            "BE",
                            "BB",
                            "HB",
                            "HH",
                            "HE",
                            "MV",
                            "NI",
                            "NW",
                            "RP",
                            "SL",
                            "SN",
                            "ST",
                            "SH",
                            "TH",
                        ],
                    )
                ),
                name="incident_land_is_known",
                violation_error_message="Choose one of the Länder.",
            ),
        ),
        migrations.AddConstraint(
            model_name="incident",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("learned_on__isnull", True),
                    ("learned_on__gte", models.F("received_on")),
                    _connector="OR",
                ),
                name="incident_learned_not_before_received",
                violation_error_message="The day you learned of the discrimination can’t be before the day the rejection reached you.",
            ),
        ),
        migrations.AddConstraint(
            model_name="incident",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("claimed_on__isnull", True),
                    ("claimed_on__gte", models.F("received_on")),
                    _connector="OR",
                ),
                name="incident_claimed_not_before_received",
                violation_error_message="Your written claim can’t have reached the employer before the rejection reached you.",
            ),
        ),
    ]
