"""Writes the mail-in corpus: realistic job-search mail, labelled, with where each came from.

The corpus's sources are this module and the hand-written cases it imports; its messages are
output, written afresh for each test run (`corpus()`), never committed. Run
`python -m tests.mailin.make_corpus [FOLDER]` to write the .eml files and labels.csv to a folder
(default tests/mailin/corpus/, ignored by git), e.g. to try `manage.py mail_ingest` on them; the
generator is seeded, so it writes the same files every time.

Nothing here is real mail. The generated messages are composed from templates written for the
corpus after the shapes the common senders use (an applicant-tracking system's default
confirmation, a recruiter's cold note, a job board's digest), filled with invented people and
companies, and wrapped the ways mail reaches Rebound: direct, forwarded by Gmail, Apple Mail,
Outlook or Thunderbird in English or German, replied to, HTML only. The hard cases (hard_cases.py)
are written out one by one.

The templates were written before the rules in mailin/classify/rules.py and independently of them.
Every template family carries a split: "tune" ones were looked at while writing the rules,
"heldout" ones were not (test_corpus.py reports the two apart).
"""

from __future__ import annotations

import atexit
import csv
import datetime as dt
import functools
import random
import shutil
import sys
import tempfile
import textwrap
from dataclasses import dataclass
from email.utils import format_datetime
from pathlib import Path

from tests.mailin.fresh2_cases import add_fresh2_cases
from tests.mailin.fresh3_cases import add_fresh3_cases
from tests.mailin.fresh4_cases import add_fresh4_cases
from tests.mailin.fresh_cases import add_fresh_cases
from tests.mailin.hard_cases import add_hard_cases

CORPUS = Path(__file__).resolve().parent / "corpus"
USER_EMAIL = "jana.weber@example.org"
USER_FIRST = "Jana"
USER_LAST = "Weber"


@dataclass(frozen=True)
class Seeded:
    """One application in the corpus user's tracker, seeded by test_corpus.py."""

    key: str
    company: str
    role: str
    website: str = ""
    status: str = "applied"
    applied: str = "2026-11-02"


# The tracker the corpus is matched against. Two companies have two roles each.
WORLD = [
    Seeded("northwind-da", "Northwind Labs", "Data Analyst", "https://northwindlabs.com"),
    Seeded("northwind-ae", "Northwind Labs", "Analytics Engineer", "https://northwindlabs.com"),
    Seeded("helix-be", "Helix Bio", "Backend Engineer", "https://www.helixbio.de", "interviewing"),
    Seeded("helix-pe", "Helix Bio", "Platform Engineer", "https://www.helixbio.de"),
    Seeded("fernwerk", "Fernwerk GmbH", "Softwareentwickler Java (m/w/d)", "https://fernwerk.de"),
    Seeded("kestrel", "Kestrel Payments", "Product Manager", "https://kestrelpay.com"),
    Seeded("lumen", "Lumen Health", "UX Researcher", "https://lumenhealth.io", "interviewing"),
    Seeded("brightline", "Brightline Logistics", "Operations Analyst", ""),
    Seeded("tannberg", "Stadtwerke Tannberg", "IT-Projektleiter (m/w/d)", "https://swtannberg.de"),
    Seeded("quillon", "Quillon Software", "Frontend Developer", "https://quillon.dev"),
    Seeded("orbis", "Orbis Mobility GmbH", "Data Scientist", "https://orbis-mobility.com"),
    Seeded("tidewater", "Tidewater Insurance", "Business Analyst", "https://tidewater-ins.com"),
    Seeded("maple", "Maple & Finch", "Marketing Manager", "https://mapleandfinch.co.uk"),
    Seeded("vantor", "Vantor Robotics", "Embedded Software Engineer", "https://vantor.ai"),
    Seeded("alpenblick", "Alpenblick Versicherung AG", "Referent Controlling (m/w/d)", ""),
    Seeded("copperleaf", "Copperleaf Studios", "Technical Writer", "https://copperleaf.studio"),
    Seeded("sundial", "Sundial Energy", "Project Engineer", "https://sundial-energy.com",
           "interviewing"),
    Seeded("nordlicht", "Nordlicht Medien GmbH", "Online-Redakteur (m/w/d)", "https://nordlicht.de"),
    Seeded("parcel", "Parcel Harbor", "Customer Success Manager", "https://parcelharbor.com"),
    Seeded("rivet", "Rivet Analytics", "Machine Learning Engineer", "https://rivetanalytics.com",
           "interviewing"),
    Seeded("gruenfeld", "Grünfeld Bau GmbH", "Bauingenieur (m/w/d)", "https://gruenfeld-bau.de"),
    Seeded("heron", "Blue Heron Bank", "Risk Analyst", "https://blueheronbank.com"),
    Seeded("zephyr-sre", "Zephyr Cloud", "Site Reliability Engineer", "https://zephyrcloud.io"),
    Seeded("zephyr-devops", "Zephyr Cloud", "DevOps Engineer", "https://zephyrcloud.io"),
    Seeded("kranich", "Kranich Logistik", "Disponent (m/w/d)", "https://kranich-logistik.de"),
    Seeded("solace", "Solace Games", "Gameplay Programmer", "https://solacegames.com", "offer"),
]  # fmt: skip
BY_KEY = {seeded.key: seeded for seeded in WORLD}

# Companies the user never applied to: their confirmations suggest a new application.
UNKNOWN = [
    ("Larkspur Foods", "Supply Chain Analyst", "larkspurfoods.com"),
    ("Weidenhof Pharma GmbH", "Qualitätsmanager (m/w/d)", "weidenhof-pharma.de"),
    ("Cobalt Atlas", "Solutions Engineer", "cobaltatlas.com"),
    ("Silbermond Reisen", "Produktmanager Digital (m/w/d)", "silbermond-reisen.de"),
    ("Ironbark Security", "Security Analyst", "ironbarksec.com"),
    ("Tallow & Reed", "Content Designer", "tallowreed.com"),
]

# Sender styles. {c} company, {slug} company slug, {d} company domain.
ATS = {
    "greenhouse": ('{c}', "no-reply@us.greenhouse-mail.io"),
    "greenhouse2": ('{c} Recruiting', "no-reply@greenhouse.io"),
    "lever": ('{c}', "no-reply@hire.lever.co"),
    "workday": ('Workday', "{slug}@myworkday.com"),
    "ashby": ('{c} Hiring Team', "no-reply@ashbyhq.com"),
    "smartrecruiters": ('{c}', "noreply@smartrecruiters.com"),
    "personio": ('{c}', "jobs@{slug}.jobs.personio.de"),
    "teamtailor": ('{c}', "no-reply@{slug}.teamtailor-mail.com"),
    "icims": ('{c} Talent Acquisition', "{slug}@talent.icims.com"),
    "recruitee": ('{c} Careers', "{slug}@recruitee.com"),
    "join": ('JOIN', "noreply@join.com"),
    "stepstone": ('StepStone', "noreply@stepstone.de"),
    "direct": ('{c} Recruiting', "careers@{d}"),
    "direct_person": ('{person}', "{first}.{last}@{d}"),
    "direct_hr": ('Personalabteilung {c}', "bewerbung@{d}"),
}  # fmt: skip

PEOPLE = [
    ("Sarah", "Whitfield"), ("Tom", "Okafor"), ("Priya", "Raman"), ("Lena", "Hoffmann"),
    ("Markus", "Brandt"), ("Julia", "Schreiber"), ("Daniel", "Moreau"), ("Aylin", "Demir"),
    ("Chris", "Lindqvist"), ("Nora", "Fischer"), ("Ben", "Adeyemi"), ("Katrin", "Vogel"),
]  # fmt: skip


@dataclass
class Item:
    file: str
    label: str
    company: str
    role: str
    application: str
    hard: bool
    source: str
    split: str
    lang: str


_IDS = random.Random(5322)


def make_msgid(*, domain: str) -> str:
    """A Message-ID like a mailer's, but the same on every run."""
    return f"<{_IDS.getrandbits(64):x}.{_IDS.randrange(10**6)}@{domain}>"


def slug(name: str) -> str:
    word = (name.lower().replace("&", "").replace("ü", "ue").split() or ["company"])[0]
    return "".join(ch for ch in word if ch.isalnum())


def domain(seeded: Seeded) -> str:
    return seeded.website.split("//")[-1].removeprefix("www.") or f"{slug(seeded.company)}.com"


def sender(style: str, company: str, dom: str, rng: random.Random) -> tuple[str, str, str]:
    """(display name, address, signature person) for a company in a sender style."""
    first, last = rng.choice(PEOPLE)
    name_t, addr_t = ATS[style]
    values = {
        "c": company,
        "slug": slug(company),
        "d": dom,
        "person": f"{first} {last}",
        "first": first.lower(),
        "last": last.lower(),
    }
    return name_t.format(**values), addr_t.format(**values), f"{first} {last}"


def when(rng: random.Random) -> dt.datetime:
    day = dt.datetime(2026, 11, 3, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    return day + dt.timedelta(days=rng.randrange(0, 32), minutes=rng.randrange(0, 600))


def eml(
    *,
    from_name: str,
    from_addr: str,
    subject: str,
    body: str,
    date: dt.datetime,
    extra: dict[str, str] | None = None,
    to: str = f"{USER_FIRST} {USER_LAST} <{USER_EMAIL}>",
) -> str:
    headers = {
        "From": f'"{from_name}" <{from_addr}>' if from_name else from_addr,
        "To": to,
        "Subject": subject,
        "Date": format_datetime(date),
        "Message-ID": make_msgid(domain=from_addr.rpartition("@")[2] or "mail.example"),
        "MIME-Version": "1.0",
        "Content-Type": 'text/plain; charset="utf-8"',
        "Content-Transfer-Encoding": "8bit",
    }
    headers.update(extra or {})
    head = "\n".join(f"{key}: {value}" for key, value in headers.items())
    return head + "\n\n" + body.strip() + "\n"


def html_eml(**kwargs: object) -> str:
    """The same message as an HTML-only mail (a tracking pixel included: it must not load)."""
    body = str(kwargs.pop("body"))
    paragraphs = "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in body.split("\n\n"))
    markup = (
        "<html><head><style>p{font-family:Arial}</style></head><body><table><tr><td>"
        f"{paragraphs}"
        '<img src="https://track.example.net/open.gif?id=8812" width="1" height="1">'
        "</td></tr></table></body></html>"
    )
    text = eml(body=markup, **kwargs)  # type: ignore[arg-type]
    return text.replace('text/plain; charset="utf-8"', 'text/html; charset="utf-8"')


def forward(original: str, rng: random.Random, lang: str) -> tuple[str, str]:
    """The original wrapped as the user forwarding it to Rebound, in one client's style."""
    head, _, body = original.partition("\n\n")
    fields = dict(line.split(": ", 1) for line in head.split("\n") if ": " in line)
    date = dt.datetime.strptime(fields["Date"], "%a, %d %b %Y %H:%M:%S %z")
    styles = ["gmail", "apple", "outlook", "gmail_de", "outlook_de", "thunderbird_de"]
    style = rng.choice(styles[:3] if lang == "en" else [*styles[3:], "gmail"])
    frm, subj, to = fields["From"], fields["Subject"], fields["To"]
    if style == "gmail":
        stamp = date.strftime("%a, %b %-d, %Y at %-I:%M %p")
        block = (
            f"---------- Forwarded message ---------\nFrom: {frm}\nDate: {stamp}\n"
            f"Subject: {subj}\nTo: {to}\n"
        )
        prefix = "Fwd: "
    elif style == "apple":
        stamp = date.strftime("%-d %B %Y at %H:%M:%S") + " CET"
        block = (
            f"Begin forwarded message:\n\nFrom: {frm}\nSubject: {subj}\nDate: {stamp}\nTo: {to}\n"
        )
        prefix = "Fwd: "
    elif style == "outlook":
        stamp = date.strftime("%A, %B %-d, %Y %-I:%M %p")
        block = (
            f"-----Original Message-----\nFrom: {frm}\nSent: {stamp}\nTo: {to}\nSubject: {subj}\n"
        )
        prefix = "FW: "
    elif style == "gmail_de":
        months = ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.",
                  "Okt.", "Nov.", "Dez."]  # fmt: skip
        days = ["Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."]
        stamp = (
            f"{days[date.weekday()]}, {date.day}. {months[date.month - 1]} {date.year} "
            f"um {date:%H:%M}"
        )
        block = (
            f"---------- Weitergeleitete Nachricht ---------\nVon: {frm}\nDate: {stamp}\n"
            f"Subject: {subj}\nTo: {to}\n"
        )
        prefix = "Fwd: "
    elif style == "outlook_de":
        days = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
        months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                  "September", "Oktober", "November", "Dezember"]  # fmt: skip
        stamp = (
            f"{days[date.weekday()]}, {date.day}. {months[date.month - 1]} {date.year} {date:%H:%M}"
        )
        block = (
            f"-----Ursprüngliche Nachricht-----\nVon: {frm}\nGesendet: {stamp}\nAn: {to}\n"
            f"Betreff: {subj}\n"
        )
        prefix = "WG: "
    else:
        block = (
            f"-------- Weitergeleitete Nachricht --------\nBetreff: \t{subj}\n"
            f"Datum: \t{fields['Date']}\nVon: \t{frm}\nAn: \t{to}\n"
        )
        prefix = "Fwd: "
    note = rng.choice(["", "", "FYI", "for Rebound", "see below", "bitte eintragen"])
    outer_date = date + dt.timedelta(hours=rng.randrange(1, 30))
    wrapped = eml(
        from_name=f"{USER_FIRST} {USER_LAST}",
        from_addr=USER_EMAIL,
        to="in+k3x9q@rebound.example",
        subject=prefix + subj,
        body=(note + "\n\n" if note else "") + block + "\n" + body,
        date=outer_date,
    )
    return wrapped, style


def reply_to_user(original_subject: str, quote: str, lang: str, date: dt.datetime) -> str:
    """A reply's quoted history: the user's own earlier message, quoted below the answer."""
    stamp = date - dt.timedelta(days=3)
    if lang == "de":
        intro = (
            f"Am {stamp:%d.%m.%Y} um {stamp:%H:%M} schrieb {USER_FIRST} {USER_LAST} <{USER_EMAIL}>:"
        )
    else:
        intro = (
            f"On {stamp:%a, %b %-d, %Y at %-I:%M %p} {USER_FIRST} {USER_LAST} <{USER_EMAIL}> wrote:"
        )
    return "\n\n" + intro + "\n" + "\n".join("> " + line for line in quote.split("\n"))


# --- Templates --------------------------------------------------------------------------------
# Each: (family id, split, lang, subject template, body template). Slots: {name} the user's
# first name, {c} company, {r} role, {person} signer, {when} an interview time in words,
# {day} a weekday, {ref} a requisition number.

T = dict[str, list[tuple[str, str, str, str, str]]]
TEMPLATES: T = {
    "application_received": [
        ("ar-gh", "tune", "en", "Thank you for applying to {c}",
         """Hi {name},

Thanks for applying to {c}! We've received your application for the {r} role and our team
will review it shortly.

If your experience is a match, someone from our recruiting team will reach out to talk
about next steps.

Best,
The {c} Recruiting Team"""),
        ("ar-lever", "tune", "en", "{c} - Application received: {r}",
         """Dear {name},

We have received your application for the position of {r}. Thank you for your interest in
{c}.

Our hiring team reviews every application carefully. Due to the volume of applications we
may not be able to respond to each one personally, but we will contact you if your
profile fits what we are looking for.

Kind regards,
{c} Talent Team"""),
        ("ar-workday", "heldout", "en", "Your application to {c} ({ref})",
         """Hello {name},

Your application for {r} (Job Requisition {ref}) at {c} has been successfully submitted.
You can track the status of your application at any time by signing in to your candidate
home.

Thank you,
{c} Talent Acquisition

This is an automated message. Please do not reply."""),
        ("ar-ashby", "tune", "en", "Application received - {r} at {c}",
         """Hi {name},

Thanks so much for your interest in joining {c} as our next {r}. This note confirms we got
your application.

What happens next: a member of our team reads every application. We aim to get back to
everyone within two weeks.

Cheers,
{person}
People Team, {c}"""),
        ("ar-de-personio", "tune", "de", "Ihre Bewerbung bei {c}",
         """Hallo {name} {last},

vielen Dank für Ihre Bewerbung als {r} und Ihr Interesse an {c}.

Hiermit bestätigen wir den Eingang Ihrer Unterlagen. Wir werden diese sorgfältig prüfen und
uns so schnell wie möglich bei Ihnen melden.

Mit freundlichen Grüßen
Ihr Recruiting-Team von {c}"""),
        ("ar-de-eingang", "heldout", "de", "Eingangsbestätigung: {r}",
         """Sehr geehrte Frau {last},

Ihre Bewerbung für die Position {r} ist bei uns eingegangen. Herzlichen Dank für das
Vertrauen, das Sie uns damit entgegenbringen.

Die Prüfung Ihrer Unterlagen wird einige Zeit in Anspruch nehmen. Wir bitten Sie daher um
etwas Geduld.

Freundliche Grüße
{person}
Personalabteilung
{c}"""),
        ("ar-de-du", "tune", "de", "Danke für deine Bewerbung, {name}!",
         """Hey {name},

schön, dass du dich bei {c} als {r} beworben hast! Deine Bewerbung ist gut bei uns
angekommen.

Wir schauen sie uns in den nächsten Tagen in Ruhe an und melden uns dann bei dir.

Viele Grüße
{person} aus dem Talent-Team"""),
        ("ar-short", "heldout", "en", "We got your application!",
         """Hi {name}, thanks for applying for {r} at {c}. We'll review your application and
get back to you within 10 business days.

- {c} Careers"""),
        ("ar-icims", "tune", "en", "{c}: Thank you for your application",
         """Dear {name} {last},

Thank you for submitting your application for the {r} position (Req ID {ref}). We
appreciate your interest in a career with {c}.

We are currently reviewing applications and will be in touch if your qualifications meet
our needs. You may check your application status on our careers portal.

Sincerely,
Talent Acquisition
{c}"""),
    ],
    "rejection": [
        ("rj-gh", "tune", "en", "Your application to {c}",
         """Hi {name},

Thank you for your interest in {c} and for taking the time to apply for the {r} role.

Unfortunately, we have decided not to move forward with your application at this time.
We received a large number of applications and the decision was not an easy one.

We wish you all the best in your job search.

Best regards,
{c} Recruiting"""),
        ("rj-other-candidates", "tune", "en", "Update on your {r} application",
         """Dear {name},

Thank you for the time you invested in our process for the {r} position. After careful
consideration, we have decided to move forward with other candidates whose experience more
closely matches our current needs.

We'll keep your details on file and may reach out about future openings.

Kind regards,
{person}
Talent Team, {c}"""),
        ("rj-regret", "heldout", "en", "{c} | {r}",
         """Dear {name} {last},

We regret to inform you that your application for {r} has not been successful on this
occasion.

Thank you again for your interest in {c}, and we wish you every success in the future.

Yours sincerely,
{person}
HR Business Partner"""),
        ("rj-after-interview", "tune", "en", "Re: Next steps - {r}",
         """Hi {name},

Thanks again for speaking with the team last week. Everyone enjoyed the conversation.

I'm sorry to say that we won't be progressing your application to the next stage; we've
decided to offer the role to a candidate with more direct experience in our domain.

I really appreciate the effort you put into the process and I'd be glad to share some
feedback on a call if that would help.

All the best,
{person}"""),
        ("rj-de-leider", "tune", "de", "Ihre Bewerbung als {r}",
         """Sehr geehrte Frau {last},

vielen Dank für Ihre Bewerbung und das damit verbundene Interesse an {c}.

Leider müssen wir Ihnen mitteilen, dass wir uns für eine andere Kandidatin entschieden
haben. Diese Entscheidung ist uns angesichts Ihres interessanten Profils nicht leicht
gefallen.

Für Ihren weiteren beruflichen Weg wünschen wir Ihnen alles Gute und viel Erfolg.

Mit freundlichen Grüßen
{person}
{c}"""),
        ("rj-de-absage", "heldout", "de", "Absage: {r}",
         """Hallo {name} {last},

wir haben Ihre Unterlagen sorgfältig geprüft. Nach intensiver Abwägung können wir Ihre
Bewerbung im weiteren Auswahlverfahren leider nicht berücksichtigen.

Ihre Unterlagen werden gemäß den Datenschutzbestimmungen nach sechs Monaten gelöscht.

Freundliche Grüße
Ihr Team von {c}"""),
        ("rj-de-du", "tune", "de", "Update zu deiner Bewerbung bei {c}",
         """Hi {name},

danke dir für deine Bewerbung als {r} und die Zeit, die du dir für uns genommen hast.

Wir haben uns diesmal für andere Bewerber:innen entschieden, deren Erfahrung noch etwas
besser zu dem passt, was das Team gerade braucht.

Wir wünschen dir viel Erfolg bei der weiteren Suche!
{person}"""),
        ("rj-workday", "heldout", "en", "Regarding your application for {r}",
         """Dear {name},

Thank you for applying for the {r} position ({ref}) at {c}. We have carefully reviewed
your qualifications against the requirements of the role.

At this time, we will not be proceeding with your candidacy for this position. Please
continue to visit our careers site for other roles that may be of interest.

Sincerely,
{c} Talent Acquisition"""),
        ("rj-lever-short", "tune", "en", "{c} - {r}",
         """Hi {name},

Thank you for applying to {c}. Unfortunately, after review, we won't be moving forward with
your candidacy for the {r} role.

Thanks again for your interest, and best of luck with your search.

The {c} Team"""),
    ],
    "interview_invite": [
        ("iv-screen", "tune", "en", "Interview invitation: {r} at {c}",
         """Hi {name},

Thank you for applying for the {r} role. We were impressed by your background and would
like to invite you to a first interview with our hiring manager.

Would {when} work for you? The call will take about 45 minutes on Google Meet; I'll send
a calendar invitation once you confirm.

Best,
{person}
Recruiter, {c}"""),
        ("iv-calendly", "heldout", "en", "Next steps with {c}",
         """Hi {name},

Great news - the team would love to chat with you about the {r} position! Please pick a
time that suits you for a 30-minute phone screen using this link:
https://calendly.com/{slug}-recruiting/phone-screen

Looking forward to speaking with you,
{person}"""),
        ("iv-confirm", "tune", "en", "Confirmed: {r} interview on {day}",
         """Hi {name},

This confirms your interview for the {r} role at {c}:

When: {when}
Where: Zoom (link below)
With: {person}, Engineering Manager

Please let us know if you need any adjustments for the interview.

Recruiting Coordination, {c}"""),
        ("iv-de-einladung", "tune", "de", "Einladung zum Vorstellungsgespräch - {r}",
         """Sehr geehrte Frau {last},

vielen Dank für Ihre Bewerbung. Ihre Unterlagen haben uns überzeugt, und wir möchten Sie
gern persönlich kennenlernen.

Wir laden Sie herzlich zu einem Vorstellungsgespräch am {when_de} in unsere Räume ein.
Bitte bestätigen Sie uns den Termin kurz per E-Mail.

Mit freundlichen Grüßen
{person}
{c}"""),
        ("iv-de-video", "heldout", "de", "Kennenlerngespräch {c}",
         """Hallo {name},

wir würden dich gerne in einem ersten Kennenlerngespräch (ca. 30 Minuten per Teams) näher
kennenlernen. Passt dir {when_de}?

Falls nicht, schlag uns gerne zwei, drei Alternativen vor.

Liebe Grüße
{person}"""),
        ("iv-onsite", "tune", "en", "Invitation to final round - {r}",
         """Dear {name},

Congratulations on progressing to the final stage of our process for the {r} position.
We'd like to invite you to an on-site interview at our office on {when}. You will meet
three members of the team over about three hours.

Please reply to confirm your availability.

Warm regards,
{person}
Talent Acquisition, {c}"""),
        ("iv-reschedule", "heldout", "en", "Rescheduled: your interview with {c}",
         """Hi {name},

Apologies for the change - our hiring manager has a conflict, so we've moved your
interview for the {r} role to {when}. The video link stays the same.

Sorry for any inconvenience, and see you then!
{person}"""),
    ],
    "assessment": [
        ("as-hackerrank", "tune", "en", "{c} coding challenge - {r}",
         """Hi {name},

As the next step in our process for the {r} role, we'd like you to complete a coding
challenge on HackerRank. You will have 90 minutes once you start, and the link is valid
for 7 days.

Good luck!
{c} Recruiting"""),
        ("as-takehome", "heldout", "en", "Take-home exercise for {r}",
         """Hi {name},

Thanks for the great conversation! The next stage is a short take-home assignment. Please
find the brief attached; we expect it to take about three hours, and we'd appreciate your
submission within a week.

Any questions, just reply here.
{person}"""),
        ("as-de-test", "tune", "de", "Online-Assessment für Ihre Bewerbung bei {c}",
         """Sehr geehrte Frau {last},

im nächsten Schritt unseres Auswahlverfahrens bitten wir Sie, einen Online-Test zu
absolvieren. Der Eignungstest dauert etwa 45 Minuten. Den Link finden Sie unten; bitte
schließen Sie den Test innerhalb von fünf Tagen ab.

Viel Erfolg!
{c} Personalabteilung"""),
        ("as-case", "tune", "en", "Case study - {c}",
         """Hello {name},

We'd like to move you forward to the case study stage for the {r} position. You'll receive
the case materials on Monday and will present your findings to the panel.

Best,
{person}"""),
    ],
    "offer": [
        ("of-en", "tune", "en", "Offer of employment - {r}",
         """Dear {name},

I am delighted to offer you the position of {r} at {c}! Everyone who met you was excited
about what you would bring to the team.

Please find your offer letter attached with the details of compensation and benefits. We
would be grateful for your decision by {day}.

Congratulations,
{person}"""),
        ("of-call", "heldout", "en", "Great news from {c}",
         """Hi {name},

Following our call today, I'm happy to confirm that we'd like to extend you an offer for
the {r} role. The written offer is attached; let me know if you'd like to discuss any of
the terms.

Best wishes,
{person}"""),
        ("of-de", "tune", "de", "Vertragsangebot {r}",
         """Liebe Frau {last},

wir freuen uns sehr, Ihnen die Position als {r} bei {c} anbieten zu können! Im Anhang
finden Sie unser Vertragsangebot.

Bitte geben Sie uns bis {day_de} Bescheid, ob Sie das Angebot annehmen möchten.

Herzliche Grüße
{person}"""),
    ],
    "recruiter_outreach": [
        ("ro-linkedin", "tune", "en", "Opportunity: {r} at a fast-growing fintech",
         """Hi {name},

I came across your profile and was impressed by your experience. I'm working with a
Series B fintech in Berlin that is hiring a {r}, and I think you could be a great fit.

Would you be open to a quick chat this week?

Best,
{person}
Senior Recruiter, Brückner Talent Partners"""),
        ("ro-de", "tune", "de", "Spannende Position als {r}",
         """Hallo Frau {last},

ich bin auf Ihr Profil auf XING aufmerksam geworden und möchte Ihnen eine spannende
Position als {r} bei einem unserer Kunden vorstellen.

Hätten Sie Interesse an einem kurzen Telefonat?

Viele Grüße
{person}
Personalberatung Falkenstein"""),
        ("ro-inhouse", "heldout", "en", "{r} at {c}?",
         """Hi {name},

I'm a recruiter at {c}. We're growing our team and your background caught my eye - I
wondered whether you'd consider a conversation about a {r} role with us.

No pressure at all; if the timing isn't right, I'd still love to connect.

{person}"""),
    ],
    "status_update_other": [
        ("su-review", "tune", "en", "Your application for {r}",
         """Hi {name},

Just a quick update: your application for {r} is still under review. The hiring team has
had a lot of interest and needs a little more time. We expect to get back to you in the
next two weeks.

Thanks for your patience,
{c} Recruiting"""),
        ("su-hold", "heldout", "en", "Update on the {r} role",
         """Dear {name},

I wanted to let you know that the {r} position has been put on hold for the moment while
we revisit our plans for next year. Your application remains active and we will be in
touch as soon as we know more.

Kind regards,
{person}"""),
        ("su-de-dauer", "tune", "de", "Zwischenstand zu Ihrer Bewerbung",
         """Sehr geehrte Frau {last},

wir möchten Ihnen einen kurzen Zwischenstand zu Ihrer Bewerbung als {r} geben: Der
Auswahlprozess nimmt leider mehr Zeit in Anspruch als geplant. Wir melden uns voraussichtlich
bis Mitte des Monats bei Ihnen.

Vielen Dank für Ihre Geduld.
{c}"""),
        ("su-docs", "tune", "en", "Documents needed - {r}",
         """Hi {name},

To continue with your application for {r}, could you please send us copies of your
degree certificate and two references? You can upload them in the candidate portal.

Thanks,
{person}"""),
        ("su-de-unterlagen", "heldout", "de", "Fehlende Unterlagen",
         """Hallo Frau {last},

für die weitere Bearbeitung Ihrer Bewerbung als {r} fehlen uns noch Ihre Arbeitszeugnisse.
Könnten Sie uns diese bitte nachreichen?

Danke und viele Grüße
{person}"""),
    ],
}  # fmt: skip

# Job alerts and newsletters: written the way boards write them, full of words that collide.
DIGESTS = [
    ("nj-linkedin", "tune", "en", "LinkedIn Job Alerts", "jobalerts-noreply@linkedin.com",
     "{n} new jobs for \"{r}\"",
     """Your job alert for {r} in Berlin
{n} new jobs match your preferences.

{postings}

See all jobs
You are receiving Job Alert emails. Unsubscribe | Manage job alerts"""),
    ("nj-stepstone", "tune", "de", "StepStone Jobagent", "jobagent@stepstone.de",
     "Neue Jobs für Sie: {r}",
     """Hallo {name},

Ihr Jobagent hat {n} neue Stellenangebote für Sie gefunden:

{postings}

Alle Jobs ansehen
Jobagent bearbeiten oder abbestellen"""),
    ("nj-indeed", "heldout", "en", "Indeed", "alert@indeed.com",
     "{r} jobs you may like",
     """Jobs you may be interested in

{postings}

Easily apply to these jobs. Don't miss an interview - apply today!
Unsubscribe from this alert"""),
    ("nj-xing", "tune", "de", "XING", "jobs@mail.xing.com",
     "Jobempfehlungen für Sie",
     """Hallo {name},

diese Jobs könnten Sie interessieren:

{postings}

Sie erhalten diese E-Mail, weil Sie Jobempfehlungen aktiviert haben. Abmelden"""),
    ("nj-glassdoor", "heldout", "en", "Glassdoor Jobs", "noreply@glassdoor.com",
     "New {r} jobs near you",
     """{n} new {r} jobs near Munich

{postings}

Prepare for your interview: read interview questions and salary insights for these roles.
Manage settings | Unsubscribe"""),
]  # fmt: skip
POSTING_EN = [
    "{r} - {c2} - Berlin - Easy Apply - competitive offer + equity",
    "Senior {r} - {c2} - Remote - Be an early applicant, 2-stage interview process",
    "{r} (m/f/d) - {c2} - Hamburg - Actively recruiting",
    "Lead {r} - {c2} - Munich - $140k offer range - Apply now",
    "Junior {r} - {c2} - Cologne - Interviewing now",
]
POSTING_DE = [
    "{r} (m/w/d) - {c2} - Berlin - Teilweise Homeoffice",
    "Senior {r} - {c2} - München - Attraktives Angebot und Vorstellungsgespräch in 2 Wochen",
    "{r} - {c2} - Frankfurt - Jetzt bewerben",
    "Junior {r} (m/w/d) - {c2} - Leipzig - Einladung zum Kennenlernen innerhalb von 48h",
]
OTHER_COMPANIES = ["Brennwert AG", "Polaris Data", "Mosaik Health", "Yellowtail", "Cinder Labs",
                   "Hafenblick", "Orchard Systems", "Greywater Tech"]  # fmt: skip

NEWSLETTERS = [
    ("nj-news-career", "tune", "en", "The Career Compass", "hello@careercompass.example",
     "5 interview mistakes to avoid (and how to negotiate your offer)",
     """This week in The Career Compass:

- The five interview mistakes recruiters notice first
- How to negotiate your offer without losing it
- Why "unfortunately" emails are not the end of the story

Read online | Unsubscribe"""),
    ("nj-account", "tune", "en", "Workday", "noreply@myworkday.com",
     "Verify your email address",
     """Please verify your email address to finish creating your candidate account.
This link expires in 24 hours. If you didn't create an account, you can ignore this email."""),
    ("nj-password-de", "heldout", "de", "Karriereportal", "no-reply@karriere.example",
     "Passwort zurücksetzen",
     """Hallo,

Sie haben angefordert, Ihr Passwort für das Karriereportal zurückzusetzen. Klicken Sie auf
den folgenden Link, um ein neues Passwort zu vergeben. Der Link ist 2 Stunden gültig."""),
    ("nj-event", "heldout", "en", "Berlin Tech Meetup", "events@meetup.example",
     "Invitation: Hiring & Interviewing panel night",
     """You're invited to our panel on hiring and interviewing in tech, Thursday 7pm at
Factory Görlitzer Park. Hear from three hiring managers about what makes an offer stand out.

RSVP on the event page. Unsubscribe from Berlin Tech Meetup emails."""),
    ("nj-bank", "tune", "en", "Sparkasse", "service@sparkasse.example",
     "Your statement is ready",
     """Dear customer, your monthly account statement is now available in online banking."""),
    ("nj-de-newsletter", "tune", "de", "karriere.de Newsletter", "newsletter@karriere.example",
     "So meistern Sie das Vorstellungsgespräch",
     """Liebe Leserin, lieber Leser,

in dieser Ausgabe: Die zehn häufigsten Fragen im Vorstellungsgespräch, wie Sie ein
Jobangebot richtig verhandeln, und warum eine Absage keine Niederlage ist.

Newsletter abbestellen"""),
]  # fmt: skip

WHEN_EN = ["Tuesday, 8 December at 10:00 CET", "Thursday, December 10 at 2:30 PM CET",
           "Monday 14 December, 11:00-11:45 (CET)", "Wed, Dec 9, 4:00 PM GMT",
           "Friday 11 December at 9:30am (Berlin time)"]  # fmt: skip
WHEN_DE = ["Dienstag, den 8. Dezember 2026, um 10:00 Uhr", "Donnerstag, 10.12.2026, 14:30 Uhr",
           "Montag, 14. Dezember um 11 Uhr", "Mittwoch, 9. Dezember, 16:00 Uhr"]  # fmt: skip
DAYS_EN = ["Friday", "Monday", "Tuesday 15 December", "next Wednesday"]
DAYS_DE = ["Freitag", "Montag, den 14. Dezember", "Ende der Woche"]

SOURCES = {
    "ar": "written for the corpus after a typical ATS confirmation",
    "rj": "written for the corpus after a typical ATS or recruiter rejection",
    "iv": "written for the corpus after a recruiter's interview invitation",
    "as": "written for the corpus after an assessment invitation (coding platform / test)",
    "of": "written for the corpus after an offer email with the letter attached",
    "ro": "written for the corpus after a recruiter's cold message",
    "su": "written for the corpus after an interim status update",
    "nj": "written for the corpus after a job board's alert / a newsletter / account mail",
}
SENT_AS = {
    "direct": "sent from the company's careers address",
    "direct_person": "sent by a person at the company",
    "direct_hr": "sent from the company's HR address",
    "icims": "sent the way iCIMS sends",
    "smartrecruiters": "sent the way SmartRecruiters sends",
}
STYLE_FOR = {
    "ar": ["greenhouse", "lever", "workday", "ashby", "smartrecruiters", "personio",
           "teamtailor", "icims", "recruitee", "direct", "direct_hr"],
    "rj": ["greenhouse", "greenhouse2", "lever", "workday", "ashby", "smartrecruiters",
           "personio", "teamtailor", "direct_person", "direct", "recruitee", "direct_hr"],
    "iv": ["direct_person", "direct_person", "greenhouse", "ashby", "direct", "personio"],
    "as": ["direct", "direct_person", "greenhouse", "lever"],
    "of": ["direct_person"],
    "ro": ["direct_person"],
    "su": ["direct", "direct_person", "workday", "personio", "icims"],
}  # fmt: skip
GERMAN_STYLES = {"personio", "direct_hr", "direct", "direct_person", "teamtailor", "recruitee",
                 "smartrecruiters"}  # fmt: skip


def fill(
    template: str, *, app: Seeded | None, company: str, role: str, person: str, rng: random.Random
) -> str:
    values = {
        "name": USER_FIRST,
        "last": USER_LAST,
        "c": company,
        "r": role,
        "person": person,
        "when": rng.choice(WHEN_EN),
        "when_de": rng.choice(WHEN_DE),
        "day": rng.choice(DAYS_EN),
        "day_de": rng.choice(DAYS_DE),
        "ref": f"R-{rng.randrange(10000, 99999)}",
        "slug": slug(company),
    }
    return textwrap.dedent(template).format(**values)


def build() -> list[tuple[Item, str]]:
    rng = random.Random(26)
    out: list[tuple[Item, str]] = []
    counts = {
        "application_received": 42,
        "rejection": 50,
        "interview_invite": 28,
        "assessment": 9,
        "offer": 6,
        "recruiter_outreach": 8,
        "status_update_other": 14,
    }
    number = 0
    for label, count in counts.items():
        families = TEMPLATES[label]
        for index in range(count):
            family, split, lang, subject_t, body_t = families[index % len(families)]
            prefix = family.split("-")[0]
            unknown = label == "application_received" and index % 7 == 6
            if label == "recruiter_outreach" and family != "ro-inhouse":
                app = None
                company, role = (
                    "",
                    rng.choice(
                        [
                            "Data Engineer",
                            "Product Manager",
                            "Backend Developer",
                            "Controller (m/w/d)",
                        ]
                    ),
                )
                dom = "brueckner-talent.example"
            elif unknown:
                company, role, dom = UNKNOWN[(index // 7) % len(UNKNOWN)]
                app = None
            else:
                candidates = [s for s in WORLD if (s.status != "offer" or label == "offer")]
                if label == "offer":
                    candidates = [BY_KEY["solace"], BY_KEY["helix-be"], BY_KEY["lumen"]]
                if label == "interview_invite" or label == "assessment":
                    candidates = [s for s in WORLD if s.status in {"applied", "interviewing"}]
                app = rng.choice(candidates)
                company, role, dom = app.company, app.role, domain(app)
                if label == "recruiter_outreach":
                    role = rng.choice(["Staff Engineer", "Team Lead", "Principal Analyst"])
            styles = STYLE_FOR[prefix]
            if lang == "de":
                styles = [s for s in styles if s in GERMAN_STYLES] or ["direct_person"]
            style = rng.choice(styles)
            from_name, from_addr, person = sender(style, company or "Brückner", dom, rng)
            if label == "recruiter_outreach" and family != "ro-inhouse":
                from_name, from_addr = person, f"{person.split()[0].lower()}@{dom}"
            subject = fill(subject_t, app=app, company=company, role=role, person=person, rng=rng)
            body = fill(body_t, app=app, company=company, role=role, person=person, rng=rng)
            if style in {"join", "stepstone"}:
                subject = f"{company}: {subject}"
            date = when(rng)
            extra: dict[str, str] = {}
            if style in {"greenhouse", "lever", "workday", "ashby", "icims"}:
                extra["Auto-Submitted"] = "auto-generated"
            if family.startswith("rj-after") or (label == "interview_invite" and index % 4 == 3):
                extra["In-Reply-To"] = make_msgid(domain="example.org")
                if not subject.lower().startswith("re:"):
                    subject = ("AW: " if lang == "de" else "Re: ") + subject
                body += reply_to_user(subject, _user_note(lang, role), lang, date)
            # HTML-only mail arrives directly (a forwarding client would rewrite it).
            make = html_eml if index % 9 == 4 and index % 4 != 1 else eml
            text = make(
                from_name=from_name,
                from_addr=from_addr,
                subject=subject,
                body=body,
                date=date,
                extra=extra,
            )
            wrapped = ""
            if index % 4 == 1:
                text, wrapped = forward(text, rng, lang)
            number += 1
            source = f"{SOURCES[prefix]} (template {family}), {SENT_AS.get(style, '')}"
            if style not in SENT_AS:
                source = source.rstrip(", ") + f", sent the way {style.rstrip('2').title()} sends"
            if wrapped:
                source += f", forwarded ({wrapped.replace('_', ' ')} style)"
            key = app.key if app else ("new" if unknown else "")
            if app and label in {"recruiter_outreach"}:
                key = ""
            expected_company = company or ""
            out.append(
                (
                    Item(
                        f"gen-{number:03d}-{family}.eml",
                        label,
                        expected_company,
                        role,
                        key,
                        False,
                        source,
                        split,
                        lang,
                    ),
                    text,
                )
            )
    for family, split, lang, name, addr, subject_t, body_t in DIGESTS:
        for _ in range(4):
            role = rng.choice(
                [
                    "Data Analyst",
                    "Product Manager",
                    "Backend Engineer",
                    "Projektleiter",
                    "Controller",
                ]
            )
            pool = POSTING_DE if lang == "de" else POSTING_EN
            postings = "\n".join(
                t.format(r=role, c2=rng.choice(OTHER_COMPANIES))
                for t in rng.sample(pool, k=min(len(pool), rng.randrange(3, 6)))
            )
            n = len(postings.split("\n"))
            subject = subject_t.format(r=role, n=n)
            body = body_t.format(name=USER_FIRST, r=role, n=n, postings=postings)
            text = eml(
                from_name=name,
                from_addr=addr,
                subject=subject,
                body=body,
                date=when(rng),
                extra={
                    "List-Unsubscribe": f"<https://{addr.split('@')[1]}/u/88>",
                    "Precedence": "bulk",
                },
            )
            number += 1
            out.append(
                (
                    Item(
                        f"gen-{number:03d}-{family}.eml",
                        "not_job",
                        "",
                        "",
                        "",
                        False,
                        f"{SOURCES['nj']} (template {family})",
                        split,
                        lang,
                    ),
                    text,
                )
            )
    for family, split, lang, name, addr, subject, body in NEWSLETTERS:
        for _ in range(2):
            extra = {"List-Unsubscribe": "<mailto:u@list.example>"} if "news" in family else {}
            text = eml(
                from_name=name,
                from_addr=addr,
                subject=subject,
                body=textwrap.dedent(body),
                date=when(rng),
                extra=extra,
            )
            number += 1
            out.append(
                (
                    Item(
                        f"gen-{number:03d}-{family}.eml",
                        "not_job",
                        "",
                        "",
                        "",
                        False,
                        f"{SOURCES['nj']} (template {family})",
                        split,
                        lang,
                    ),
                    text,
                )
            )
    return out


def _user_note(lang: str, role: str) -> str:
    if lang == "de":
        return (
            f"Hallo,\nvielen Dank für das Gespräch zur Stelle {role}. Ich freue mich auf Ihre "
            f"Rückmeldung.\nViele Grüße\n{USER_FIRST}"
        )
    return (
        f"Hi,\nthank you for the interview for the {role} role - I'm still very interested and "
        f"look\nforward to hearing from you.\nBest,\n{USER_FIRST}"
    )


# --- Hard cases: written one by one in hard_cases.py ------------------------------------------
# (file, label, company, role, application, split, lang, source, message)
HardCase = tuple[str, str, str, str, str, str, str, str, str]


def hard_cases() -> list[HardCase]:
    cases: list[HardCase] = []

    def hard(
        file: str,
        label: str,
        company: str,
        role: str,
        application: str,
        split: str,
        lang: str,
        source: str,
        message: str,
    ) -> None:
        cases.append(
            (
                file,
                label,
                company,
                role,
                application,
                split,
                lang,
                source,
                textwrap.dedent(message).lstrip(),
            )
        )

    add_hard_cases(hard)
    add_fresh_cases(hard)
    add_fresh2_cases(hard)
    add_fresh3_cases(hard)
    add_fresh4_cases(hard)
    return cases


def write(target: Path = CORPUS) -> None:
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    rows = []
    for item, text in build():
        (target / item.file).write_text(text, encoding="utf-8")
        rows.append(item)
    for file, label, company, role, application, split, lang, source, message in hard_cases():
        (target / file).write_text(message, encoding="utf-8")
        # The fresh held-out set is plain hand-written mail, not picked for being hard.
        rows.append(
            Item(
                file,
                label,
                company,
                role,
                application,
                not split.startswith("fresh"),
                source,
                split,
                lang,
            )
        )
    with (target / "labels.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["file", "label", "company", "role", "application", "hard", "split", "lang", "source"]
        )
        for row in rows:
            writer.writerow(
                [
                    row.file,
                    row.label,
                    row.company,
                    row.role,
                    row.application,
                    "yes" if row.hard else "no",
                    row.split,
                    row.lang,
                    row.source,
                ]
            )
    print(f"Wrote {len(rows)} messages to {target}")


@functools.cache
def corpus() -> Path:
    """The corpus written once per test run into a folder of its own, removed at exit."""
    target = Path(tempfile.mkdtemp(prefix="rebound-mail-corpus-"))
    atexit.register(shutil.rmtree, target, True)
    write(target)
    return target


if __name__ == "__main__":
    write(Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS)
