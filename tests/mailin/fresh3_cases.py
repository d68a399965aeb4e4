"""A fourth held-out set ("fresh3"), written after the rules were widened for "fresh2",
without looking at the rules, and run once: docs/mail-in.md gives its first run's figures
(the rules were then widened for it, so it no longer measures unseen phrasing)."""

from collections.abc import Callable

Add = Callable[[str, str, str, str, str, str, str, str, str], None]

W = "Jana Weber <jana.weber@example.org>"
SRC = "hand-written for the third fresh held-out set"


def add_fresh3_cases(hard: Add) -> None:
    hard(
        "fresh3-01.eml",
        "rejection",
        "Copperleaf Studios",
        "Technical Writer",
        "copperleaf",
        "fresh3",
        "en",
        f"{SRC}: 'we have decided to hire someone else'",
        f"""From: "Julia Schreiber" <julia@copperleaf.studio>
To: {W}
Subject: Technical Writer
Date: Mon, 30 Nov 2026 11:00:00 +0000

Hi Jana,

I wanted to let you know that we have decided to hire someone else for the Technical Writer
role. Thank you for all the effort you put into the writing sample.

Julia
""",
    )
    hard(
        "fresh3-02.eml",
        "rejection",
        "Orbis Mobility GmbH",
        "Data Scientist",
        "orbis",
        "fresh3",
        "en",
        f"{SRC}: 'your profile does not match'",
        f"""From: "Orbis Mobility GmbH" <noreply@smartrecruiters.com>
To: {W}
Subject: Data Scientist - Orbis Mobility GmbH
Date: Tue, 01 Dec 2026 08:00:00 +0100

Dear Jana,

Thank you for your application. After reviewing your profile, we have concluded that it does
not match the requirements of the Data Scientist position closely enough, and we will
therefore not proceed.

Orbis Mobility GmbH
""",
    )
    hard(
        "fresh3-03.eml",
        "rejection",
        "Stadtwerke Tannberg",
        "IT-Projektleiter (m/w/d)",
        "tannberg",
        "fresh3",
        "de",
        f"{SRC}: 'Ihrer Bewerbung nicht entsprechen'",
        f"""From: "Stadtwerke Tannberg Personal" <personal@swtannberg.de>
To: {W}
Subject: Ihre Bewerbung
Date: Wed, 02 Dec 2026 10:00:00 +0100

Sehr geehrte Frau Weber,

nach sorgfältiger Prüfung können wir Ihrer Bewerbung als IT-Projektleiter (m/w/d) leider nicht
entsprechen.

Mit freundlichen Grüßen
Stadtwerke Tannberg
""",
    )
    hard(
        "fresh3-04.eml",
        "rejection",
        "Lumen Health",
        "UX Researcher",
        "lumen",
        "fresh3",
        "en",
        f"{SRC}: a rejection after a final round",
        f"""From: "Sarah Whitfield" <sarah.whitfield@lumenhealth.io>
To: {W}
Subject: UX Researcher - final decision
Date: Thu, 03 Dec 2026 16:00:00 +0100

Hi Jana,

Thank you so much for your time in the final round. It was a really close decision, but we
have offered the position to another candidate who has accepted.

Sarah
""",
    )
    hard(
        "fresh3-05.eml",
        "rejection",
        "Kranich Logistik",
        "Disponent (m/w/d)",
        "kranich",
        "fresh3",
        "de",
        f"{SRC}: 'nicht in die nächste Runde'",
        f"""From: "Kranich Logistik" <personal@kranich-logistik.de>
To: {W}
Subject: Rückmeldung Disponent (m/w/d)
Date: Fri, 04 Dec 2026 09:00:00 +0100

Hallo Frau Weber,

danke für das Gespräch. Wir werden Sie nicht für die nächste Runde einladen, da andere
Bewerberinnen und Bewerber mehr Erfahrung in der Disposition mitbringen.

Viele Grüße
Kranich Logistik
""",
    )
    hard(
        "fresh3-06.eml",
        "application_received",
        "Kestrel Payments",
        "Product Manager",
        "kestrel",
        "fresh3",
        "en",
        f"{SRC}: a one-line auto-reply",
        f"""From: "Kestrel Payments" <talent@kestrelpay.com>
To: {W}
Subject: Auto-reply: Product Manager application
Date: Mon, 02 Nov 2026 09:00:00 +0000
Auto-Submitted: auto-replied

Thanks - your application for Product Manager is in. We read every one and aim to reply
within ten working days.
""",
    )
    hard(
        "fresh3-07.eml",
        "application_received",
        "Silbermond Reisen",
        "Produktmanager Digital (m/w/d)",
        "new",
        "fresh3",
        "de",
        f"{SRC}: an unknown company's German receipt",
        f"""From: "Silbermond Reisen" <karriere@silbermond-reisen.de>
To: {W}
Subject: Ihre Bewerbung als Produktmanager Digital (m/w/d)
Date: Tue, 24 Nov 2026 09:00:00 +0100

Liebe Frau Weber,

herzlichen Dank für Ihre Bewerbung als Produktmanager Digital (m/w/d). Wir sichten derzeit
alle Unterlagen und kommen in Kürze auf Sie zu.

Ihr Silbermond Reisen Team
""",
    )
    hard(
        "fresh3-08.eml",
        "interview_invite",
        "Brightline Logistics",
        "Operations Analyst",
        "brightline",
        "fresh3",
        "en",
        f"{SRC}: 'we'd like to arrange an interview'",
        f"""From: "Brightline Logistics HR" <hr@brightline-logistics.com>
To: {W}
Subject: Operations Analyst - interview
Date: Tue, 10 Nov 2026 09:00:00 +0000

Hello Jana,

We'd like to arrange an interview with you for the Operations Analyst role. Are you
available on Monday 16 November at 11:00 (UK time)?

HR Team
""",
    )
    hard(
        "fresh3-09.eml",
        "interview_invite",
        "Nordlicht Medien GmbH",
        "Online-Redakteur (m/w/d)",
        "nordlicht",
        "fresh3",
        "de",
        f"{SRC}: German 'persönliches Kennenlernen' with a date",
        f"""From: "Nordlicht Medien GmbH" <bewerbung@nordlicht.de>
To: {W}
Subject: Persönliches Kennenlernen
Date: Wed, 11 Nov 2026 09:00:00 +0100

Liebe Frau Weber,

Ihre Unterlagen haben uns gefallen. Gern würden wir Sie am Donnerstag, 19. November 2026, um
14 Uhr zu einem persönlichen Kennenlernen in unserer Redaktion begrüßen.

Nordlicht Medien
""",
    )
    hard(
        "fresh3-10.eml",
        "interview_invite",
        "Helix Bio",
        "Backend Engineer",
        "helix-be",
        "fresh3",
        "en",
        f"{SRC}: a calendar-style confirmation from the ATS",
        f"""From: "Helix Bio" <no-reply@us.greenhouse-mail.io>
To: {W}
Subject: Interview scheduled: Backend Engineer
Date: Thu, 12 Nov 2026 09:00:00 +0100

Hi Jana,

Your interview for Backend Engineer has been scheduled.
Date: Wednesday, November 18, 2026
Time: 1:00 PM - 2:00 PM CET
Location: Zoom

Helix Bio
""",
    )
    hard(
        "fresh3-11.eml",
        "offer",
        "Zephyr Cloud",
        "Site Reliability Engineer",
        "zephyr-sre",
        "fresh3",
        "en",
        f"{SRC}: a verbal offer in writing",
        f"""From: "Nora Fischer" <nora.fischer@zephyrcloud.io>
To: {W}
Subject: Site Reliability Engineer - good news
Date: Fri, 04 Dec 2026 15:00:00 +0000

Hi Jana,

As discussed on the phone, we are offering you the Site Reliability Engineer position with a
start date of 1 February. The paperwork will follow from HR this week.

Nora
""",
    )
    hard(
        "fresh3-12.eml",
        "assessment",
        "Tidewater Insurance",
        "Business Analyst",
        "tidewater",
        "fresh3",
        "en",
        f"{SRC}: a personality questionnaire",
        f"""From: "Tidewater Insurance" <tidewater@talent.icims.com>
To: {W}
Subject: Next step: online questionnaire
Date: Mon, 16 Nov 2026 09:00:00 +0000

Dear Jana,

The next step for the Business Analyst role is a 25-minute personality questionnaire. Please
complete it using the link below within five days.

Tidewater Insurance
""",
    )
    hard(
        "fresh3-13.eml",
        "status_update_other",
        "Parcel Harbor",
        "Customer Success Manager",
        "parcel",
        "fresh3",
        "en",
        f"{SRC}: 'you're on our shortlist, more time needed'",
        f"""From: "Katrin Vogel" <katrin.vogel@parcelharbor.com>
To: {W}
Subject: Customer Success Manager - where things stand
Date: Tue, 17 Nov 2026 12:00:00 +0000

Hi Jana,

Just so you know where things stand: you're on our shortlist, but the final decisions will
take another week or two because of holidays on the team.

Katrin
""",
    )
    hard(
        "fresh3-14.eml",
        "status_update_other",
        "Grünfeld Bau GmbH",
        "Bauingenieur (m/w/d)",
        "gruenfeld",
        "fresh3",
        "de",
        f"{SRC}: German 'Entscheidung dauert noch'",
        f"""From: "Grünfeld Bau GmbH" <bewerbung@gruenfeld-bau.de>
To: {W}
Subject: Ihre Bewerbung - Stand
Date: Wed, 18 Nov 2026 10:00:00 +0100

Sehr geehrte Frau Weber,

die Entscheidung über die Besetzung der Stelle dauert noch etwas. Wir bitten Sie um ein wenig
Geduld und melden uns spätestens Ende November.

Grünfeld Bau GmbH
""",
    )
    hard(
        "fresh3-15.eml",
        "recruiter_outreach",
        "",
        "",
        "",
        "fresh3",
        "en",
        f"{SRC}: a cold email from a startup founder",
        f"""From: "Aylin Demir" <aylin@mosaikhealth.example>
To: {W}
Subject: Data role at Mosaik Health
Date: Thu, 19 Nov 2026 10:00:00 +0000

Hi Jana,

I'm the co-founder of Mosaik Health. We're building our first data team and a friend
recommended you. Would you have 15 minutes next week to hear about what we're doing?

Aylin
""",
    )
    hard(
        "fresh3-16.eml",
        "not_job",
        "",
        "",
        "",
        "fresh3",
        "en",
        f"{SRC}: a job board's weekly summary of the user's own activity",
        f"""From: "Welcome to the Jungle" <hello@welcometothejungle.example>
To: {W}
Subject: Your week in review
Date: Sun, 22 Nov 2026 08:00:00 +0000
List-Unsubscribe: <https://wttj.example/unsub>

This week you viewed 14 jobs and saved 3. Companies are hiring: discover 120 new offers in
Berlin. Prepare for interviews with our guides.

Unsubscribe
""",
    )
    hard(
        "fresh3-17.eml",
        "not_job",
        "",
        "",
        "",
        "fresh3",
        "de",
        f"{SRC}: a German account notice from a job portal",
        f"""From: "Karriereportal" <no-reply@karriere.example>
To: {W}
Subject: Ihr Konto wurde aktiviert
Date: Mon, 23 Nov 2026 09:00:00 +0100

Hallo Jana Weber,

Ihr Bewerberkonto ist jetzt aktiv. Sie können sich ab sofort mit Ihrer E-Mail-Adresse
anmelden.
""",
    )
    hard(
        "fresh3-18.eml",
        "not_job",
        "",
        "",
        "",
        "fresh3",
        "en",
        f"{SRC}: a university careers service newsletter",
        f"""From: "Careers Service" <careers@uni.example>
To: {W}
Subject: Careers news: mock interviews, offer negotiation workshop
Date: Tue, 24 Nov 2026 09:00:00 +0000
List-Unsubscribe: <mailto:leave@uni.example>

Book a mock interview with an adviser, join our offer negotiation workshop on Thursday,
and read alumni stories about bouncing back from rejection.
""",
    )
    hard(
        "fresh3-19.eml",
        "rejection",
        "Quillon Software",
        "Frontend Developer",
        "quillon",
        "fresh3",
        "en",
        f"{SRC}: pasted from Outlook, 'role no longer available'",
        """From: Quillon Software <no-reply@quillon.teamtailor-mail.com>
Sent: Wednesday, December 2, 2026 9:15 AM
To: Jana Weber
Subject: Frontend Developer

Hi Jana,

The Frontend Developer role is no longer available, so we are unable to continue with your
application. Thanks for your interest in Quillon.
""",
    )
    hard(
        "fresh3-20.eml",
        "interview_invite",
        "Sundial Energy",
        "Project Engineer",
        "sundial",
        "fresh3",
        "de",
        f"{SRC}: German forward of an English invitation",
        f"""From: {W}
To: in+k3x9q@rebound.example
Subject: WG: Project Engineer - site visit and interview
Date: Fri, 13 Nov 2026 19:00:00 +0100

-----Ursprüngliche Nachricht-----
Von: Ben Adeyemi <ben.adeyemi@sundial-energy.com>
Gesendet: Freitag, 13. November 2026 14:00
An: Jana Weber <jana.weber@example.org>
Betreff: Project Engineer - site visit and interview

Hi Jana, we'd be glad to host you for a site visit and interview on Tuesday 24 November at
10:00 CET at our Potsdam office. Let me know if that time is OK.

Ben
""",
    )
