"""A fifth held-out set ("fresh4"), written after the rules were widened for "fresh3",
without looking at the rules, and run once: docs/mail-in.md gives its first run's figures.
It is the current estimate of how the rules do on phrasing they have not seen."""

from collections.abc import Callable

Add = Callable[[str, str, str, str, str, str, str, str, str], None]

W = "Jana Weber <jana.weber@example.org>"
SRC = "hand-written for the fourth fresh held-out set"


def add_fresh4_cases(hard: Add) -> None:
    hard(
        "fresh4-01.eml",
        "rejection",
        "Rivet Analytics",
        "Machine Learning Engineer",
        "rivet",
        "fresh4",
        "en",
        f"{SRC}: 'we're going to pass'",
        f"""From: "Daniel Moreau" <daniel.moreau@rivetanalytics.com>
To: {W}
Subject: ML Engineer
Date: Mon, 30 Nov 2026 18:00:00 +0000

Hi Jana,

Thanks again for the onsite. After debriefing as a team, we're going to pass this time - the
bar on production ML systems was just higher than what we saw in the interviews.

Daniel
""",
    )
    hard(
        "fresh4-02.eml",
        "rejection",
        "Maple & Finch",
        "Marketing Manager",
        "maple",
        "fresh4",
        "en",
        f"{SRC}: 'not the right match at this point'",
        f"""From: "Maple & Finch Careers" <careers@mapleandfinch.co.uk>
To: {W}
Subject: Your application - Marketing Manager
Date: Tue, 01 Dec 2026 10:00:00 +0000

Dear Jana,

Thank you for applying. We have now reviewed all applications and, on this occasion, feel
your experience isn't the right match for the Marketing Manager role at this point.

The People Team
""",
    )
    hard(
        "fresh4-03.eml",
        "rejection",
        "Fernwerk GmbH",
        "Softwareentwickler Java (m/w/d)",
        "fernwerk",
        "fresh4",
        "de",
        f"{SRC}: 'Wir müssen dir leider absagen'",
        f"""From: "Fernwerk GmbH" <jobs@fernwerk.jobs.personio.de>
To: {W}
Subject: Deine Bewerbung als Softwareentwickler Java (m/w/d)
Date: Wed, 02 Dec 2026 11:00:00 +0100

Hallo Jana,

wir müssen dir heute leider absagen. Wir haben uns das nicht leicht gemacht - dein Profil war
spannend, aber für diese Rolle brauchen wir mehr Erfahrung mit Kafka.

Dein Fernwerk-Team
""",
    )
    hard(
        "fresh4-04.eml",
        "rejection",
        "Lumen Health",
        "UX Researcher",
        "lumen",
        "fresh4",
        "en",
        f"{SRC}: the role was cancelled after interviews",
        f"""From: "Lumen Health" <no-reply@hire.lever.co>
To: {W}
Subject: An update on UX Researcher
Date: Thu, 03 Dec 2026 09:00:00 +0100

Hi Jana,

Following a change in our research priorities, we've decided not to hire for the UX
Researcher role after all. This means we're closing the process for all candidates,
including you. We're sorry for the disappointment.

Lumen Health
""",
    )
    hard(
        "fresh4-05.eml",
        "rejection",
        "Alpenblick Versicherung AG",
        "Referent Controlling (m/w/d)",
        "alpenblick",
        "fresh4",
        "de",
        f"{SRC}: 'zurückgezogen' via SuccessFactors",
        f"""From: "Alpenblick Versicherung AG" <noreply@successfactors.com>
To: {W}
Subject: Statusänderung Ihrer Bewerbung
Date: Fri, 04 Dec 2026 07:00:00 +0100

Sehr geehrte Frau Weber,

der Status Ihrer Bewerbung als Referent Controlling (m/w/d) hat sich geändert: Ihre Bewerbung
wurde abgelehnt.

Alpenblick Versicherung AG
""",
    )
    hard(
        "fresh4-06.eml",
        "application_received",
        "Copperleaf Studios",
        "Technical Writer",
        "copperleaf",
        "fresh4",
        "en",
        f"{SRC}: Recruitee-style receipt",
        f"""From: "Copperleaf Studios Careers" <copperleaf@recruitee.com>
To: {W}
Subject: Technical Writer: application confirmation
Date: Mon, 02 Nov 2026 11:00:00 +0000

Hi Jana,

Good news: your application for Technical Writer has made it to us. We'll look at it in the
coming days.

Copperleaf Studios
""",
    )
    hard(
        "fresh4-07.eml",
        "application_received",
        "Cobalt Atlas",
        "Solutions Engineer",
        "new",
        "fresh4",
        "en",
        f"{SRC}: an unknown company's Greenhouse receipt",
        f"""From: "Cobalt Atlas" <no-reply@us.greenhouse-mail.io>
To: {W}
Subject: Thank you for your application to Cobalt Atlas
Date: Tue, 24 Nov 2026 14:00:00 +0000

Hi Jana,

Thanks for your interest in the Solutions Engineer role at Cobalt Atlas. Our recruiting team
has your application and will be in touch if there's a fit.

Cobalt Atlas
""",
    )
    hard(
        "fresh4-08.eml",
        "interview_invite",
        "Quillon Software",
        "Frontend Developer",
        "quillon",
        "fresh4",
        "en",
        f"{SRC}: 'can you make it on …'",
        f"""From: "Aylin Demir" <aylin@quillon.dev>
To: {W}
Subject: Frontend Developer - pairing session
Date: Tue, 10 Nov 2026 12:00:00 +0100

Hi Jana,

We enjoyed your application! The next step is a 90-minute pairing interview with two of our
engineers. Can you make it on Wednesday 18 November at 14:00 CET?

Aylin
""",
    )
    hard(
        "fresh4-09.eml",
        "interview_invite",
        "Tidewater Insurance",
        "Business Analyst",
        "tidewater",
        "fresh4",
        "en",
        f"{SRC}: Workday interview booking",
        f"""From: "Workday" <tidewater@myworkday.com>
To: {W}
Subject: Action required: book your interview
Date: Wed, 11 Nov 2026 08:00:00 +0000

Hello Jana,

You have been selected for an interview for Business Analyst (R-44120). Please sign in to
your candidate home to choose an interview slot.

Tidewater Insurance Talent Acquisition
""",
    )
    hard(
        "fresh4-10.eml",
        "interview_invite",
        "Kranich Logistik",
        "Disponent (m/w/d)",
        "kranich",
        "fresh4",
        "de",
        f"{SRC}: German 'zweites Gespräch'",
        f"""From: "Kranich Logistik" <personal@kranich-logistik.de>
To: {W}
Subject: Zweites Gespräch
Date: Thu, 12 Nov 2026 10:00:00 +0100

Hallo Frau Weber,

gern möchten wir mit Ihnen ein zweites Gespräch vereinbaren, diesmal mit unserem
Niederlassungsleiter. Wie wäre es mit Dienstag, 24. November, 15:00 Uhr?

Kranich Logistik
""",
    )
    hard(
        "fresh4-11.eml",
        "offer",
        "Kestrel Payments",
        "Product Manager",
        "kestrel",
        "fresh4",
        "en",
        f"{SRC}: 'we'd love you to join as …'",
        f"""From: "Kestrel Payments" <talent@kestrelpay.com>
To: {W}
Subject: Product Manager - next steps
Date: Fri, 04 Dec 2026 16:00:00 +0000

Hi Jana,

We'd love you to join Kestrel as our Product Manager. I've attached our offer with the
salary, equity and start date; the offer is valid until 18 December.

Kestrel Payments Talent
""",
    )
    hard(
        "fresh4-12.eml",
        "assessment",
        "Parcel Harbor",
        "Customer Success Manager",
        "parcel",
        "fresh4",
        "en",
        f"{SRC}: a role-play exercise",
        f"""From: "Katrin Vogel" <katrin.vogel@parcelharbor.com>
To: {W}
Subject: Customer Success Manager - role-play
Date: Fri, 20 Nov 2026 10:00:00 +0000

Hi Jana,

For the next stage we'd like you to prepare a short role-play: a 20-minute renewal call with
an unhappy customer. The brief is attached; please send your plan by Monday.

Katrin
""",
    )
    hard(
        "fresh4-13.eml",
        "status_update_other",
        "Brightline Logistics",
        "Operations Analyst",
        "brightline",
        "fresh4",
        "en",
        f"{SRC}: a work-permit question",
        f"""From: "Brightline Logistics HR" <hr@brightline-logistics.com>
To: {W}
Subject: Operations Analyst - quick check
Date: Mon, 16 Nov 2026 09:00:00 +0000

Hello Jana,

Before we continue, could you confirm whether you have the right to work in the UK, or
would need sponsorship?

HR Team
""",
    )
    hard(
        "fresh4-14.eml",
        "status_update_other",
        "Solace Games",
        "Gameplay Programmer",
        "solace",
        "fresh4",
        "de",
        f"{SRC}: background check in progress",
        f"""From: "Solace Games" <jobs@solacegames.com>
To: {W}
Subject: Kurzes Update
Date: Tue, 01 Dec 2026 12:00:00 +0100

Hi Jana,

kurzes Update von uns: Die Referenzprüfung läuft noch, wir melden uns Ende der Woche mit den
nächsten Schritten.

Solace Games
""",
    )
    hard(
        "fresh4-15.eml",
        "recruiter_outreach",
        "",
        "",
        "",
        "fresh4",
        "de",
        f"{SRC}: a LinkedIn message from an in-house recruiter",
        f"""From: "Lena Hoffmann via LinkedIn" <messaging-noreply@linkedin.com>
To: {W}
Subject: Lena hat Ihnen eine Nachricht gesendet
Date: Wed, 18 Nov 2026 09:00:00 +0100

Hallo Jana, ich baue gerade unser Analytics-Team bei Polaris Data auf und fände es toll, Sie
kennenzulernen. Wären Sie offen für einen Austausch?
""",
    )
    hard(
        "fresh4-16.eml",
        "not_job",
        "",
        "",
        "",
        "fresh4",
        "en",
        f"{SRC}: an ATS's 'complete your profile' nudge",
        f"""From: "SmartRecruiters" <noreply@smartrecruiters.com>
To: {W}
Subject: Complete your candidate profile
Date: Thu, 19 Nov 2026 09:00:00 +0000
List-Unsubscribe: <https://smartrecruiters.com/unsub>

Profiles with a photo and skills get 3x more views from recruiters. Complete your profile
in two minutes.
""",
    )
    hard(
        "fresh4-17.eml",
        "not_job",
        "",
        "",
        "",
        "fresh4",
        "de",
        f"{SRC}: a StepStone salary report",
        f"""From: "StepStone" <newsletter@stepstone.de>
To: {W}
Subject: Gehaltsreport 2027: Was verdienen Analysten?
Date: Fri, 20 Nov 2026 08:00:00 +0100
List-Unsubscribe: <https://stepstone.de/abmelden>

Der neue Gehaltsreport ist da: So viel verdienen Data Analysts in Deutschland, und so
verhandeln Sie Ihr nächstes Angebot.

Abmelden
""",
    )
    hard(
        "fresh4-18.eml",
        "not_job",
        "",
        "",
        "",
        "fresh4",
        "en",
        f"{SRC}: a recruiter's rejection of someone else, forwarded by a friend for advice",
        f"""From: "Tom Okafor" <tom.okafor@example.net>
To: {W}
Subject: what do you make of this?
Date: Sat, 21 Nov 2026 11:00:00 +0100

Hey, got this from the place I interviewed at - do you think it's worth asking for feedback?
Tom
""",
    )
    hard(
        "fresh4-19.eml",
        "rejection",
        "Orbis Mobility GmbH",
        "Data Scientist",
        "orbis",
        "fresh4",
        "en",
        f"{SRC}: forwarded in Apple style, 'gone with another applicant'",
        f"""From: {W}
To: in+k3x9q@rebound.example
Subject: Fwd: Data Scientist
Date: Sat, 05 Dec 2026 09:00:00 +0100

Begin forwarded message:

From: Orbis Mobility GmbH <noreply@smartrecruiters.com>
Subject: Data Scientist
Date: 4 December 2026 at 17:30:00 CET
To: jana.weber@example.org

Hi Jana, many thanks for your time during our process. We have gone with another applicant
for the Data Scientist role, but we enjoyed getting to know you.
""",
    )
    hard(
        "fresh4-20.eml",
        "interview_invite",
        "Helix Bio",
        "Platform Engineer",
        "helix-pe",
        "fresh4",
        "de",
        f"{SRC}: German Teams invitation, du",
        f"""From: "Aylin Demir" <aylin.demir@helixbio.de>
To: {W}
Subject: Platform Engineer - Gespräch
Date: Mon, 23 Nov 2026 10:00:00 +0100

Hi Jana,

danke für deine Bewerbung als Platform Engineer! Ich würde gern ein erstes Gespräch (45 Min.
per Teams) mit dir machen - hättest du am Freitag, 27. November, um 11 Uhr Zeit?

Aylin
""",
    )
