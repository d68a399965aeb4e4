"""The rules, family by family, and the collisions issue 26 names."""

import pytest

from mailin.classify.classifier import classify
from mailin.classify.rules import RULES
from mailin.parse.message import parse_message


def label_of(body: str, subject: str = "Your application", headers: str = "") -> str:
    raw = f"From: Someone <someone@company.example>\nSubject: {subject}\n{headers}\n{body}"
    return classify(parse_message(raw)).label


@pytest.mark.parametrize(
    "body",
    [
        "We have decided to pursue other candidates for this position.",
        "After careful review we will not be moving forward with your application.",
        "We've decided to go in a different direction for this role.",
        "The position has now been filled.",
        "We've closed the Frontend Developer position and are no longer considering applications.",
        "You were not selected to move forward in the process.",
        "We are unable to offer you the role at this time.",
        "The team has decided not to extend an offer at this stage.",
        "I'm sorry to say we won't be progressing your application.",
        "Wir haben uns für eine andere Kandidatin entschieden.",
        "Ihre Bewerbung können wir im weiteren Verfahren nicht berücksichtigen.",
        "Die ausgeschriebene Stelle ist inzwischen besetzt.",
        "Wir haben uns entschieden, den Prozess mit dir nicht fortzusetzen.",
        "Nach dem Verfahren sehen wir uns nicht in der Lage, Ihnen ein Angebot zu machen.",
        "Wir haben uns anders entschieden.",
    ],
)
def test_rejections_in_both_languages_with_or_without_unfortunately(body):
    assert label_of(body) == "rejection"


def test_unable_to_offer_is_a_rejection_and_never_an_offer():
    result = classify(parse_message(
        "From: x@kestrelpay.com\nSubject: Product Manager\n\n"
        "While we enjoyed meeting you, we are unable to offer you the position."
    ))  # fmt: skip
    assert result.label == "rejection"
    assert result.scores["offer"] < 0
    assert "Offer: guard: unable to offer" in result.reasons


@pytest.mark.parametrize(
    "body",
    [
        "I'm delighted to offer you the position of Data Analyst! Your offer letter is attached.",
        "We'd like to extend you an offer for the role. The written offer is attached.",
        "Wir freuen uns, Ihnen die Position anbieten zu können. Anbei das Vertragsangebot.",
        "Wir freuen uns, dir eine Zusage für die Stelle geben zu können!",
    ],
)
def test_offers(body):
    assert label_of(body, subject="Great news") == "offer"


def test_offering_interview_slots_is_an_invitation_not_an_offer():
    body = "We can offer you the following interview slots: Tuesday 24 November at 10:00."
    assert label_of(body, subject="Interview") == "interview_invite"


@pytest.mark.parametrize(
    "body",
    [
        "We would like to invite you to a first interview. Would Tuesday, 8 December at 10:00 CET"
        " work for you?",
        "Please pick a time for a 30-minute phone screen: https://calendly.com/acme/screen",
        "This confirms your interview on Thursday.",
        "Wir laden Sie herzlich zu einem Vorstellungsgespräch am 8. Dezember um 10 Uhr ein.",
        "Wir würden dich gerne in einem ersten Kennenlerngespräch kennenlernen.",
    ],
)
def test_interview_invitations(body):
    assert label_of(body) == "interview_invite"


def test_a_move_with_a_new_time_is_an_invitation_and_without_one_a_status_update():
    moved = ("Unfortunately our interviewer is ill. Could we reschedule to Friday, 11 December "
             "at 10:00 CET?")  # fmt: skip
    postponed = "Unfortunately we need to postpone your interview; we'll come back with a new date."
    verschoben = "Leider müssen wir das Gespräch verschieben. Wir melden uns mit einem Termin."
    assert label_of(moved) == "interview_invite"
    assert label_of(postponed) == "status_update_other"
    assert label_of(verschoben) == "status_update_other"


@pytest.mark.parametrize(
    "body",
    [
        "Your application is still under review.",
        "The position has been put on hold while we revisit our plans.",
        "Due to a hiring freeze the process is paused until January.",
        "Jana, your application was viewed by Quillon Software.",
        "Could you please send us copies of your degree certificate and two references?",
        "Für die weitere Bearbeitung fehlen uns noch Ihre Arbeitszeugnisse.",
    ],
)
def test_status_updates_that_decide_nothing(body):
    assert label_of(body) == "status_update_other"


@pytest.mark.parametrize(
    "body",
    [
        "Thank you for applying! We've received your application and will review it shortly.",
        "Your application for Risk Analyst at Blue Heron Bank has been successfully submitted.",
        "Unfortunately, due to the high volume of applications, we cannot respond to every "
        "applicant individually, but we have received your application.",
        "Vielen Dank für Ihre Bewerbung. Hiermit bestätigen wir den Eingang Ihrer Unterlagen.",
        "Deine Bewerbung ist gut bei uns angekommen.",
    ],
)
def test_confirmations(body):
    assert label_of(body) == "application_received"


@pytest.mark.parametrize(
    "body",
    [
        "Thank you for completing the coding challenge on HackerRank; you have 90 minutes.",
        "Im nächsten Schritt bitten wir Sie, einen Online-Test (Eignungstest) zu absolvieren.",
        "Wir laden Sie herzlich zu unserem Assessment-Center am 3. Dezember ein.",
    ],
)
def test_assessments(body):
    assert label_of(body, subject="Next step") == "assessment"


def test_a_rejection_after_an_assessment_is_a_rejection():
    body = ("Thank you for completing the coding challenge. We won't be inviting you to the next "
            "stage of interviews.")  # fmt: skip
    assert label_of(body) == "rejection"


@pytest.mark.parametrize(
    "body",
    [
        "I came across your profile and I'm working with a fintech hiring a Data Engineer. "
        "Would you be open to a quick chat?",
        "Ich bin auf Ihr Profil auf XING aufmerksam geworden. Hätten Sie Interesse an einem "
        "unverbindlichen Telefonat?",
    ],
)
def test_recruiter_outreach(body):
    assert label_of(body, subject="Opportunity") == "recruiter_outreach"


def test_a_job_alert_full_of_interview_and_offer_is_not_job():
    postings = "\n".join([
        "Data Analyst - Polaris Data - Berlin - Actively interviewing",
        "Senior Data Analyst - Mosaik Health - Remote - Great offer + equity",
        "Data Analyst - Brennwert AG - Hamburg - Interview in one week",
        "Lead Data Analyst - Orchard Systems - Munich - 2 interviews, quick offer",
    ])  # fmt: skip
    body = f"Jobs you may like\n{postings}\nSee all jobs"
    # Without list headers (a forwarded alert loses them), the shape alone decides.
    assert label_of(body, subject="6 new jobs for Data Analyst") == "not_job"
    headers = "List-Unsubscribe: <https://jobs.example/u>\n"
    assert label_of(f"Ihre Jobempfehlungen\n{postings}", "Jobs", headers) == "not_job"


@pytest.mark.parametrize(
    "subject, body",
    [
        ("Verify your email address", "Please verify your email to finish your candidate account."),
        ("Ace your next interview - offer ends Sunday", "60% off our Interview Masterclass."),
        ("how did it go??", "How did the interview go? Fingers crossed they make you an offer :)"),
        ("Passwort zurücksetzen", "Klicken Sie hier, um Ihr Passwort zurückzusetzen."),
    ],
)
def test_account_mail_adverts_and_friends_are_not_job(subject, body):
    assert label_of(body, subject=subject) == "not_job"


def test_the_quoted_history_of_a_reply_does_not_count():
    raw = (
        "From: ben@sundial-energy.com\nSubject: Re: thanks\n\nThanks for your note. The panel has "
        "decided not to proceed with your application.\n\nOn Thu, Nov 26, 2026 at 6:02 PM Jana "
        "<jana@example.org> wrote:\n> I would be thrilled to receive an offer! Delighted to "
        "offer you my time.\n"
    )
    result = classify(parse_message(raw))
    assert result.label == "rejection"
    assert result.scores["offer"] == 0


def test_confidence_is_between_0_and_1_and_lower_when_signals_conflict():
    clear = classify(parse_message(
        "Subject: x\n\nWe regret to inform you that we will not be moving forward with your "
        "application; we decided to pursue other candidates."
    ))  # fmt: skip
    mixed = classify(parse_message(
        "Subject: x\n\nThank you for applying. Unfortunately we can't reply to everyone."
    ))  # fmt: skip
    assert 0 <= mixed.confidence < clear.confidence <= 1


def test_every_rule_is_named_and_compiles_to_something_that_can_match():
    assert len({rule.name for rule in RULES}) == len(RULES)
    assert all(rule.name and rule.pattern.pattern for rule in RULES)
