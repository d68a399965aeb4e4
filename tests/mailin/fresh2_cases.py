"""A third held-out set ("fresh2"), written after the rules were widened for "fresh", without
looking at the rules, and run once: its figures in docs/mail-in.md are its first run's."""

from collections.abc import Callable

Add = Callable[[str, str, str, str, str, str, str, str, str], None]

W = "Jana Weber <jana.weber@example.org>"
SRC = "hand-written for the second fresh held-out set"
FOOTER = (
    "\n--\nThis e-mail and any attachments are confidential and intended solely for the "
    "addressee. If you have received it in error, please notify the sender and delete it.\n"
)


def add_fresh2_cases(hard: Add) -> None:
    hard(
        "fresh2-01.eml",
        "rejection",
        "Vantor Robotics",
        "Embedded Software Engineer",
        "vantor",
        "fresh2",
        "en",
        f"{SRC}: a rejection with a legal footer",
        f"""From: "Vantor Robotics Recruiting" <careers@vantor.ai>
To: {W}
Subject: Embedded Software Engineer - outcome
Date: Mon, 30 Nov 2026 09:00:00 +0000

Dear Jana,

Thank you for the time you gave us during the interview process. Having discussed all
candidates, we have made the decision to appoint another applicant to the Embedded Software
Engineer position.

We were grateful for your interest.

Vantor Robotics Recruiting
{FOOTER}""",
    )
    hard(
        "fresh2-02.eml",
        "rejection",
        "Sundial Energy",
        "Project Engineer",
        "sundial",
        "fresh2",
        "en",
        f"{SRC}: 'we will not be moving you to the next stage'",
        f"""From: "Sundial Energy" <no-reply@us.greenhouse-mail.io>
To: {W}
Subject: Project Engineer at Sundial Energy
Date: Tue, 01 Dec 2026 14:00:00 +0000

Hi Jana,

Thanks for your patience. We've carefully reviewed your application and will not be moving
you to the next stage of the process for Project Engineer.

We wish you luck,
Sundial Energy
""",
    )
    hard(
        "fresh2-03.eml",
        "rejection",
        "Grünfeld Bau GmbH",
        "Bauingenieur (m/w/d)",
        "gruenfeld",
        "fresh2",
        "de",
        f"{SRC}: 'zu unserem Bedauern'",
        f"""From: "Grünfeld Bau GmbH" <bewerbung@gruenfeld-bau.de>
To: {W}
Subject: Ihre Bewerbung vom 2. November
Date: Wed, 02 Dec 2026 09:00:00 +0100

Sehr geehrte Frau Weber,

zu unserem Bedauern müssen wir Ihnen mitteilen, dass Ihre Bewerbung als Bauingenieur (m/w/d)
nicht erfolgreich war.

Mit freundlichen Grüßen
Grünfeld Bau GmbH
""",
    )
    hard(
        "fresh2-04.eml",
        "rejection",
        "Tidewater Insurance",
        "Business Analyst",
        "tidewater",
        "fresh2",
        "en",
        f"{SRC}: forwarded from a phone with 'Sent from my iPhone'",
        f"""From: {W}
To: in+k3x9q@rebound.example
Subject: Fwd: Business Analyst
Date: Thu, 03 Dec 2026 19:00:00 +0000

Sent from my iPhone

Begin forwarded message:

From: Tidewater Insurance <tidewater@talent.icims.com>
Subject: Business Analyst
Date: 3 December 2026 at 16:00:00 GMT
To: jana.weber@example.org

Dear Jana, we appreciate your interest but have decided to pursue applicants whose
experience is more closely aligned with the Business Analyst role. Regards, Tidewater
""",
    )
    hard(
        "fresh2-05.eml",
        "rejection",
        "Zephyr Cloud",
        "DevOps Engineer",
        "zephyr-devops",
        "fresh2",
        "en",
        f"{SRC}: two roles at one company; a no for one",
        f"""From: "Zephyr Cloud Hiring Team" <no-reply@ashbyhq.com>
To: {W}
Subject: DevOps Engineer - update
Date: Fri, 04 Dec 2026 10:00:00 +0000

Hi Jana,

We appreciate you applying for DevOps Engineer. We're not able to move your application
forward at this time.

Zephyr Cloud
""",
    )
    hard(
        "fresh2-06.eml",
        "rejection",
        "Kranich Logistik",
        "Disponent (m/w/d)",
        "kranich",
        "fresh2",
        "de",
        f"{SRC}: a terse German no",
        f"""From: "Kranich Logistik" <personal@kranich-logistik.de>
To: {W}
Subject: Disponent (m/w/d)
Date: Sat, 05 Dec 2026 08:00:00 +0100

Hallo Frau Weber,

wir haben die Stelle als Disponent (m/w/d) intern nachbesetzt und können Ihre Bewerbung daher
nicht weiter berücksichtigen.

Gruß
Kranich Logistik
""",
    )
    hard(
        "fresh2-07.eml",
        "application_received",
        "Lumen Health",
        "UX Researcher",
        "lumen",
        "fresh2",
        "en",
        f"{SRC}: a Lever-style receipt with next steps",
        f"""From: "Lumen Health" <no-reply@hire.lever.co>
To: {W}
Subject: Thanks for your application to Lumen Health
Date: Mon, 02 Nov 2026 12:00:00 +0000

Hi Jana,

Thanks for your interest in the UX Researcher role at Lumen Health. We've got your
application and our team is looking through it now.

Lumen Health
""",
    )
    hard(
        "fresh2-08.eml",
        "application_received",
        "Helix Bio",
        "Platform Engineer",
        "helix-pe",
        "fresh2",
        "de",
        f"{SRC}: German Personio receipt, du",
        f"""From: "Helix Bio" <jobs@helixbio.jobs.personio.de>
To: {W}
Subject: Bewerbung Platform Engineer erhalten
Date: Tue, 03 Nov 2026 10:00:00 +0100

Hi Jana,

cool, dass du dabei sein willst! Wir haben deine Bewerbung als Platform Engineer bekommen und
melden uns in spätestens zwei Wochen.

Dein Helix Bio Team
""",
    )
    hard(
        "fresh2-09.eml",
        "application_received",
        "Tallow & Reed",
        "Content Designer",
        "new",
        "fresh2",
        "en",
        f"{SRC}: an unknown company's receipt",
        f"""From: "Tallow & Reed" <careers@tallowreed.com>
To: {W}
Subject: Content Designer application - received
Date: Wed, 25 Nov 2026 11:00:00 +0000

Hello Jana,

This is to let you know that we have your application for Content Designer. The hiring
manager will go through applications next week.

Tallow & Reed
""",
    )
    hard(
        "fresh2-10.eml",
        "interview_invite",
        "Maple & Finch",
        "Marketing Manager",
        "maple",
        "fresh2",
        "en",
        f"{SRC}: a panel interview with a time in BST/GMT",
        f"""From: "Maple & Finch Careers" <careers@mapleandfinch.co.uk>
To: {W}
Subject: Marketing Manager - panel interview
Date: Mon, 09 Nov 2026 10:00:00 +0000

Dear Jana,

We are pleased to invite you to a panel interview for the Marketing Manager post on
Wednesday 18 November at 11:00 GMT. The panel will be three people and it will last an hour.

The People Team
""",
    )
    hard(
        "fresh2-11.eml",
        "interview_invite",
        "Orbis Mobility GmbH",
        "Data Scientist",
        "orbis",
        "fresh2",
        "de",
        f"{SRC}: German 'Termin' proposal",
        f"""From: "Orbis Mobility GmbH" <noreply@smartrecruiters.com>
To: {W}
Subject: Terminvorschlag Data Scientist
Date: Tue, 10 Nov 2026 09:00:00 +0100

Hallo Jana,

wir möchten dich gern näher kennenlernen. Als Termin schlagen wir Montag, 16. November, 9:00
Uhr vor (per Google Meet). Gib uns bitte kurz Bescheid, ob das klappt.

Dein Orbis Talent Team
""",
    )
    hard(
        "fresh2-12.eml",
        "interview_invite",
        "Parcel Harbor",
        "Customer Success Manager",
        "parcel",
        "fresh2",
        "en",
        f"{SRC}: a hiring manager's direct note",
        f"""From: "Katrin Vogel" <katrin.vogel@parcelharbor.com>
To: {W}
Subject: Customer Success Manager - coffee?
Date: Wed, 11 Nov 2026 16:00:00 +0000

Hi Jana,

I'm the hiring manager for the Customer Success Manager role. I enjoyed your cover letter and
would like to meet - how about a video call on Friday 13 November at 10:00 CET?

Katrin
""",
    )
    hard(
        "fresh2-13.eml",
        "offer",
        "Rivet Analytics",
        "Machine Learning Engineer",
        "rivet",
        "fresh2",
        "en",
        f"{SRC}: an offer phrased as 'formal offer'",
        f"""From: "Daniel Moreau" <daniel.moreau@rivetanalytics.com>
To: {W}
Subject: Machine Learning Engineer
Date: Thu, 03 Dec 2026 17:30:00 +0000

Hi Jana,

Great news - the team loved meeting you. Attached is your formal offer for the Machine
Learning Engineer role, including salary and equity. Happy to jump on a call to go through it.

Daniel
""",
    )
    hard(
        "fresh2-14.eml",
        "assessment",
        "Copperleaf Studios",
        "Technical Writer",
        "copperleaf",
        "fresh2",
        "en",
        f"{SRC}: a writing test",
        f"""From: "Copperleaf Studios" <jobs@copperleaf.studio>
To: {W}
Subject: Technical Writer - writing test
Date: Fri, 20 Nov 2026 10:00:00 +0000

Hi Jana,

As a next step we'd like you to do a short writing test: document the attached API endpoint
in no more than two pages. Please send it back by Wednesday.

Copperleaf Studios
""",
    )
    hard(
        "fresh2-15.eml",
        "assessment",
        "Fernwerk GmbH",
        "Softwareentwickler Java (m/w/d)",
        "fernwerk",
        "fresh2",
        "de",
        f"{SRC}: a German coding task",
        f"""From: "Fernwerk GmbH" <jobs@fernwerk.jobs.personio.de>
To: {W}
Subject: Deine Coding-Aufgabe
Date: Mon, 16 Nov 2026 09:00:00 +0100

Hi Jana,

als Nächstes schicken wir dir eine kleine Coding-Aufgabe, für die du eine Woche Zeit hast.
Den Link zum Repository findest du unten.

Dein Fernwerk-Team
""",
    )
    hard(
        "fresh2-16.eml",
        "status_update_other",
        "Quillon Software",
        "Frontend Developer",
        "quillon",
        "fresh2",
        "en",
        f"{SRC}: 'we are still interviewing'",
        f"""From: "Quillon Software" <no-reply@quillon.teamtailor-mail.com>
To: {W}
Subject: Your application at Quillon
Date: Tue, 17 Nov 2026 12:00:00 +0100

Hi Jana,

We wanted to give you an update: we are still interviewing for the Frontend Developer role
and expect to make decisions by the end of the month.

Team Quillon
""",
    )
    hard(
        "fresh2-17.eml",
        "status_update_other",
        "Nordlicht Medien GmbH",
        "Online-Redakteur (m/w/d)",
        "nordlicht",
        "fresh2",
        "de",
        f"{SRC}: 'Ihre Bewerbung ist in Prüfung'",
        f"""From: "Nordlicht Medien GmbH" <bewerbung@nordlicht.de>
To: {W}
Subject: Stand Ihrer Bewerbung
Date: Wed, 18 Nov 2026 10:00:00 +0100

Sehr geehrte Frau Weber,

Ihre Bewerbung als Online-Redakteur (m/w/d) befindet sich weiterhin in Prüfung. Wir bitten
noch um etwas Geduld.

Nordlicht Medien GmbH
""",
    )
    hard(
        "fresh2-18.eml",
        "recruiter_outreach",
        "",
        "",
        "",
        "fresh2",
        "en",
        f"{SRC}: an agency note via LinkedIn InMail",
        f"""From: "Ben Adeyemi via LinkedIn" <inmail-hit-reply@linkedin.com>
To: {W}
Subject: Exciting Analytics Lead role
Date: Thu, 19 Nov 2026 09:00:00 +0000

Hi Jana, hope you're well! I'm hiring for an Analytics Lead at a climate-tech company in
Berlin, hybrid, up to EUR 95k. Your experience looks like a great match. Interested in
hearing more?

Ben
""",
    )
    hard(
        "fresh2-19.eml",
        "not_job",
        "",
        "",
        "",
        "fresh2",
        "en",
        f"{SRC}: a LinkedIn 'people viewed your profile' mail",
        f"""From: "LinkedIn" <messages-noreply@linkedin.com>
To: {W}
Subject: Jana, you appeared in 9 searches this week
Date: Fri, 20 Nov 2026 06:00:00 +0000
List-Unsubscribe: <https://linkedin.com/unsub>

You appeared in 9 searches this week. See who's looking - recruiters from Polaris Data and
Yellowtail viewed your profile.

Unsubscribe
""",
    )
    hard(
        "fresh2-20.eml",
        "not_job",
        "",
        "",
        "",
        "fresh2",
        "de",
        f"{SRC}: an XING job digest",
        f"""From: "XING Jobs" <jobs@mail.xing.com>
To: {W}
Subject: 5 neue Stellen, die zu Ihnen passen
Date: Sat, 21 Nov 2026 07:00:00 +0100
List-Unsubscribe: <https://xing.com/unsub>

Controller (m/w/d) · Brennwert AG · Hamburg
Finanzanalyst (m/w/d) · Mosaik Health · Berlin
Referent Controlling · Hafenblick · Bremen
Senior Controller · Greywater Tech · Kiel
Leitung Finanzen · Orchard Systems · München

Benachrichtigungen verwalten
""",
    )
    hard(
        "fresh2-21.eml",
        "not_job",
        "",
        "",
        "",
        "fresh2",
        "en",
        f"{SRC}: a receipt for an online purchase",
        f"""From: "Bookshop" <orders@bookshop.example>
To: {W}
Subject: Your order has been received
Date: Sun, 22 Nov 2026 10:00:00 +0000

Thank you for your order! We have received your order #44812 (Cracking the Interview,
2nd ed.) and will let you know when it ships.
""",
    )
    hard(
        "fresh2-22.eml",
        "not_job",
        "",
        "",
        "",
        "fresh2",
        "en",
        f"{SRC}: a friend's job offer news",
        f"""From: "Tom Okafor" <tom.okafor@example.net>
To: {W}
Subject: guess what
Date: Mon, 23 Nov 2026 21:00:00 +0100

I got the offer from Cinder Labs!! Signing on Monday. Drinks on me this weekend - and good
luck with your interviews, you'll get there.

Tom
""",
    )
    hard(
        "fresh2-23.eml",
        "rejection",
        "Brightline Logistics",
        "Operations Analyst",
        "brightline",
        "fresh2",
        "en",
        f"{SRC}: HTML-only rejection",
        f"""From: "Brightline Logistics HR" <hr@brightline-logistics.com>
To: {W}
Subject: Operations Analyst
Date: Tue, 24 Nov 2026 12:00:00 +0000
MIME-Version: 1.0
Content-Type: text/html; charset="utf-8"

<div>Dear Jana,</div><div><br></div><div>Thank you for your application for the Operations
Analyst role. On this occasion we will not be taking your application any further.</div>
<div><br></div><div>Kind regards,<br>HR Team</div>
""",
    )
    hard(
        "fresh2-24.eml",
        "interview_invite",
        "Blue Heron Bank",
        "Risk Analyst",
        "heron",
        "fresh2",
        "en",
        f"{SRC}: an interview moved by a coordinator, forwarded by Gmail",
        f"""From: {W}
To: in+k3x9q@rebound.example
Subject: Fwd: Interview time change - Risk Analyst
Date: Wed, 25 Nov 2026 20:00:00 +0100

---------- Forwarded message ---------
From: Blue Heron Bank <interviews@blueheronbank.com>
Date: Wed, Nov 25, 2026 at 3:00 PM
Subject: Interview time change - Risk Analyst
To: <jana.weber@example.org>

Hello Jana, the interviewer's calendar changed, so your Risk Analyst interview is now on
Monday 30 November at 16:00 CET instead of Friday. Same Teams link.
""",
    )
    hard(
        "fresh2-25.eml",
        "status_update_other",
        "Kestrel Payments",
        "Product Manager",
        "kestrel",
        "fresh2",
        "en",
        f"{SRC}: an interview cancelled for now, no new time",
        f"""From: "Kestrel Payments" <talent@kestrelpay.com>
To: {W}
Subject: Product Manager interview on Thursday
Date: Thu, 26 Nov 2026 08:00:00 +0000

Hi Jana, we need to cancel Thursday's interview for the moment - the hiring manager is out
unexpectedly. We'll come back to you with new times once they're back.
""",
    )
    hard(
        "fresh2-26.eml",
        "application_received",
        "Alpenblick Versicherung AG",
        "Referent Controlling (m/w/d)",
        "alpenblick",
        "fresh2",
        "de",
        f"{SRC}: German receipt from an SAP SuccessFactors-style sender",
        f"""From: "Alpenblick Versicherung AG" <noreply@successfactors.com>
To: {W}
Subject: Ihre Bewerbung ist eingegangen
Date: Thu, 05 Nov 2026 09:00:00 +0100

Sehr geehrte Frau Weber,

wir freuen uns über Ihr Interesse. Ihre Bewerbung als Referent Controlling (m/w/d) liegt uns
vor und wird derzeit geprüft.

Alpenblick Versicherung AG
""",
    )
