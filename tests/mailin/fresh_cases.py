"""A second held-out set, written after the rules were finished and run once, untuned.

The first held-out part was looked at once its figures were taken (docs/mail-in.md tells
what it found), so it no longer measures anything unseen. These messages were then written
without looking at the rules, in phrasings the corpus did not use yet; their figures are
reported as they came out, and the rules were not changed for them afterwards.
"""

from collections.abc import Callable

Add = Callable[[str, str, str, str, str, str, str, str, str], None]

W = "Jana Weber <jana.weber@example.org>"
SRC = "hand-written for the fresh held-out set"


def add_fresh_cases(hard: Add) -> None:
    hard(
        "fresh-01.eml",
        "rejection",
        "Kestrel Payments",
        "Product Manager",
        "kestrel",
        "fresh",
        "en",
        f"{SRC}: a short, blunt rejection",
        f"""From: "Kestrel Payments" <talent@kestrelpay.com>
To: {W}
Subject: Product Manager
Date: Tue, 01 Dec 2026 09:00:00 +0000

Hi Jana, thanks for your time. We've filled the Product Manager role with another
candidate. Best, Kestrel Payments
""",
    )
    hard(
        "fresh-02.eml",
        "rejection",
        "Quillon Software",
        "Frontend Developer",
        "quillon",
        "fresh",
        "en",
        f"{SRC}: 'we won't be taking things further'",
        f"""From: "Aylin Demir" <aylin@quillon.dev>
To: {W}
Subject: Frontend Developer - decision
Date: Wed, 02 Dec 2026 10:00:00 +0100

Hi Jana,

Thank you for coming in on Friday. The team has met and I'm sorry to tell you we won't be
taking things further with your application. The other finalist had more experience with
our design system tooling.

Take care,
Aylin
""",
    )
    hard(
        "fresh-03.eml",
        "rejection",
        "Nordlicht Medien GmbH",
        "Online-Redakteur (m/w/d)",
        "nordlicht",
        "fresh",
        "de",
        f"{SRC}: 'haben uns anders entschieden'",
        f"""From: "Nordlicht Medien GmbH" <bewerbung@nordlicht.de>
To: {W}
Subject: Online-Redakteur (m/w/d)
Date: Thu, 03 Dec 2026 11:00:00 +0100

Liebe Frau Weber,

danke für Ihre Geduld. Wir haben uns nach vielen guten Gesprächen anders entschieden und
werden die Stelle mit einer Kollegin aus dem eigenen Haus besetzen.

Herzliche Grüße
Nordlicht Medien
""",
    )
    hard(
        "fresh-04.eml",
        "rejection",
        "Helix Bio",
        "Platform Engineer",
        "helix-pe",
        "fresh",
        "en",
        f"{SRC}: a Greenhouse 'we have decided to move on'",
        f"""From: "Helix Bio" <no-reply@us.greenhouse-mail.io>
To: {W}
Subject: Your application to Helix Bio
Date: Fri, 04 Dec 2026 12:00:00 +0100

Hi Jana,

Thank you for your interest in the Platform Engineer position. At this stage we have
decided to move on with candidates whose background is closer to what the team needs.

Kind regards,
Helix Bio People Team
""",
    )
    hard(
        "fresh-05.eml",
        "rejection",
        "Orbis Mobility GmbH",
        "Data Scientist",
        "orbis",
        "fresh",
        "de",
        f"{SRC}: a SmartRecruiters-style German rejection",
        f"""From: "Orbis Mobility GmbH" <noreply@smartrecruiters.com>
To: {W}
Subject: Deine Bewerbung als Data Scientist
Date: Sat, 05 Dec 2026 08:00:00 +0100

Hallo Jana,

vielen Dank für dein Interesse an Orbis Mobility. Leider können wir dir zum jetzigen
Zeitpunkt keine Stelle in unserem Team anbieten.

Beste Grüße
Dein Orbis Talent Team
""",
    )
    hard(
        "fresh-06.eml",
        "rejection",
        "Parcel Harbor",
        "Customer Success Manager",
        "parcel",
        "fresh",
        "en",
        f"{SRC}: rejection that only says the search is 'concluded'",
        f"""From: "Parcel Harbor" <no-reply@hire.lever.co>
To: {W}
Subject: Customer Success Manager at Parcel Harbor
Date: Mon, 30 Nov 2026 17:00:00 +0000

Hello Jana,

We have concluded our search for the Customer Success Manager role and have decided not to
progress your application. Thank you for considering Parcel Harbor.

Parcel Harbor Recruiting
""",
    )
    hard(
        "fresh-07.eml",
        "application_received",
        "Sundial Energy",
        "Project Engineer",
        "sundial",
        "fresh",
        "en",
        f"{SRC}: a Workable-style confirmation",
        f"""From: "Sundial Energy" <noreply@candidates.workablemail.com>
To: {W}
Subject: Thanks for applying to Sundial Energy
Date: Mon, 02 Nov 2026 10:00:00 +0000

Hi Jana,

Your application for the Project Engineer job was submitted successfully. Here's a copy of
what you sent us. We'll be in touch soon.

Sundial Energy
""",
    )
    hard(
        "fresh-08.eml",
        "application_received",
        "Copperleaf Studios",
        "Technical Writer",
        "copperleaf",
        "fresh",
        "en",
        f"{SRC}: a friendly hand-written acknowledgement",
        f"""From: "Julia Schreiber" <julia@copperleaf.studio>
To: {W}
Subject: Re: Technical Writer application
Date: Tue, 03 Nov 2026 09:30:00 +0000

Hi Jana,

Just confirming that your CV and writing samples arrived safely - thanks! We're collecting
applications until the 20th and will come back to everyone after that.

Julia
""",
    )
    hard(
        "fresh-09.eml",
        "application_received",
        "Stadtwerke Tannberg",
        "IT-Projektleiter (m/w/d)",
        "tannberg",
        "fresh",
        "de",
        f"{SRC}: a formal German receipt",
        f"""From: "Stadtwerke Tannberg Personal" <personal@swtannberg.de>
To: {W}
Subject: Bestätigung Ihrer Bewerbung - IT-Projektleiter (m/w/d)
Date: Wed, 04 Nov 2026 08:00:00 +0100

Sehr geehrte Frau Weber,

hiermit bestätigen wir den Erhalt Ihrer Bewerbungsunterlagen für die Stelle
IT-Projektleiter (m/w/d). Sobald die Auswahl abgeschlossen ist, erhalten Sie Nachricht von uns.

Mit freundlichen Grüßen
Stadtwerke Tannberg
""",
    )
    hard(
        "fresh-10.eml",
        "application_received",
        "Ironbark Security",
        "Security Analyst",
        "new",
        "fresh",
        "en",
        f"{SRC}: an unknown company's confirmation",
        f"""From: "Ironbark Security" <no-reply@ashbyhq.com>
To: {W}
Subject: We received your application to Ironbark Security
Date: Thu, 26 Nov 2026 15:00:00 +0000

Hi Jana,

Thanks for applying for the Security Analyst position at Ironbark Security! We review
every application and will reach out if there's a match.

Ironbark Security
""",
    )
    hard(
        "fresh-11.eml",
        "interview_invite",
        "Tidewater Insurance",
        "Business Analyst",
        "tidewater",
        "fresh",
        "en",
        f"{SRC}: an invitation phrased as 'next round'",
        f"""From: "Priya Raman" <priya.raman@tidewater-ins.com>
To: {W}
Subject: Business Analyst - next round
Date: Tue, 10 Nov 2026 11:00:00 +0000

Hi Jana,

Good news: the panel would like to see you for a second-round interview. Are you free on
Thursday 19 November at 2pm (GMT)? It will be in person at our Leeds office.

Priya
""",
    )
    hard(
        "fresh-12.eml",
        "interview_invite",
        "Kranich Logistik",
        "Disponent (m/w/d)",
        "kranich",
        "fresh",
        "de",
        f"{SRC}: a German phone-interview proposal",
        f"""From: "Kranich Logistik" <personal@kranich-logistik.de>
To: {W}
Subject: Telefoninterview
Date: Wed, 11 Nov 2026 09:00:00 +0100

Hallo Frau Weber,

wir würden gern ein kurzes Telefoninterview mit Ihnen führen. Hätten Sie am Freitag,
13. November, um 10:30 Uhr Zeit?

Viele Grüße
Kranich Logistik
""",
    )
    hard(
        "fresh-13.eml",
        "interview_invite",
        "Rivet Analytics",
        "Machine Learning Engineer",
        "rivet",
        "fresh",
        "en",
        f"{SRC}: a scheduling link from a coordinator",
        f"""From: "Rivet Analytics" <no-reply@ashbyhq.com>
To: {W}
Subject: Schedule your interview with Rivet Analytics
Date: Thu, 12 Nov 2026 13:00:00 +0000

Hi Jana,

You're invited to a 60-minute technical interview for the Machine Learning Engineer role.
Please use the link below to book a time that works for you.

Rivet Analytics Recruiting
""",
    )
    hard(
        "fresh-14.eml",
        "interview_invite",
        "Zephyr Cloud",
        "DevOps Engineer",
        "zephyr-devops",
        "fresh",
        "en",
        f"{SRC}: two roles at one company, this one named",
        f"""From: "Nora Fischer" <nora.fischer@zephyrcloud.io>
To: {W}
Subject: DevOps Engineer - let's talk
Date: Fri, 13 Nov 2026 10:00:00 +0000

Hi Jana,

I'd love to set up a call to talk about the DevOps Engineer opening. Would Tuesday 17
November at 15:00 GMT suit you?

Nora
""",
    )
    hard(
        "fresh-15.eml",
        "offer",
        "Lumen Health",
        "UX Researcher",
        "lumen",
        "fresh",
        "en",
        f"{SRC}: an offer that says 'we want you on the team'",
        f"""From: "Sarah Whitfield" <sarah.whitfield@lumenhealth.io>
To: {W}
Subject: UX Researcher - offer
Date: Wed, 02 Dec 2026 18:00:00 +0100

Hi Jana,

We want you on the team! I'm pleased to share our offer for the UX Researcher role - the
details are in the attached letter. Take a few days to think it over.

Sarah
""",
    )
    hard(
        "fresh-16.eml",
        "offer",
        "Solace Games",
        "Gameplay Programmer",
        "solace",
        "fresh",
        "de",
        f"{SRC}: a German offer",
        f"""From: "Solace Games" <jobs@solacegames.com>
To: {W}
Subject: Unser Angebot für dich
Date: Thu, 03 Dec 2026 12:00:00 +0100

Hi Jana,

wir möchten dich sehr gern als Gameplay Programmer einstellen! Unser Angebot mit Gehalt und
Startdatum findest du im Anhang.

Liebe Grüße
Solace Games
""",
    )
    hard(
        "fresh-17.eml",
        "assessment",
        "Brightline Logistics",
        "Operations Analyst",
        "brightline",
        "fresh",
        "en",
        f"{SRC}: an Excel task",
        f"""From: "Brightline Logistics HR" <hr@brightline-logistics.com>
To: {W}
Subject: Operations Analyst - Excel task
Date: Mon, 09 Nov 2026 09:00:00 +0000

Hi Jana,

Before the interviews, we ask all shortlisted candidates to complete a short Excel task.
Please return it within 48 hours of receiving this email.

HR Team
""",
    )
    hard(
        "fresh-18.eml",
        "status_update_other",
        "Maple & Finch",
        "Marketing Manager",
        "maple",
        "fresh",
        "en",
        f"{SRC}: a delay notice",
        f"""From: "Maple & Finch Careers" <careers@mapleandfinch.co.uk>
To: {W}
Subject: Marketing Manager - timing
Date: Tue, 17 Nov 2026 12:00:00 +0000

Dear Jana,

A quick note to say that our decision on the Marketing Manager role has been delayed by a
couple of weeks. We haven't forgotten you and will be in touch before Christmas.

The People Team
""",
    )
    hard(
        "fresh-19.eml",
        "status_update_other",
        "Fernwerk GmbH",
        "Softwareentwickler Java (m/w/d)",
        "fernwerk",
        "fresh",
        "de",
        f"{SRC}: a request for a salary expectation and start date",
        f"""From: "Fernwerk GmbH" <jobs@fernwerk.jobs.personio.de>
To: {W}
Subject: Rückfrage zu deiner Bewerbung
Date: Wed, 18 Nov 2026 14:00:00 +0100

Hallo Jana,

kurze Rückfrage: Kannst du uns noch deine Gehaltsvorstellung und deinen frühestmöglichen
Eintrittstermin nennen? Dann geht es weiter.

Dein Fernwerk-Team
""",
    )
    hard(
        "fresh-20.eml",
        "recruiter_outreach",
        "",
        "",
        "",
        "fresh",
        "en",
        f"{SRC}: an in-house sourcer",
        f"""From: "Chris Lindqvist" <chris@cobaltatlas.com>
To: {W}
Subject: Solutions Engineering at Cobalt Atlas
Date: Thu, 19 Nov 2026 16:00:00 +0000

Hi Jana,

I lead talent at Cobalt Atlas. Your work on data pipelines stood out to me and I think
you'd be a strong fit for our Solutions Engineer team. Fancy a 20-minute chat next week?

Chris
""",
    )
    hard(
        "fresh-21.eml",
        "recruiter_outreach",
        "",
        "",
        "",
        "fresh",
        "de",
        f"{SRC}: a German agency with a role",
        f"""From: "Nora Fischer" <n.fischer@fischer-hr.example>
To: {W}
Subject: Data Analyst (m/w/d) in Hamburg
Date: Fri, 20 Nov 2026 09:00:00 +0100

Hallo Frau Weber,

für einen Kunden aus dem E-Commerce suche ich aktuell eine Data Analystin. Ihr Profil passt
sehr gut - darf ich Sie dazu kurz anrufen?

Viele Grüße
Nora Fischer
Fischer HR Consulting
""",
    )
    hard(
        "fresh-22.eml",
        "not_job",
        "",
        "",
        "",
        "fresh",
        "en",
        f"{SRC}: an Indeed digest with 'interview' and 'offer'",
        f"""From: "Indeed" <donotreply@match.indeed.com>
To: {W}
Subject: Employers are interviewing for Product Manager roles
Date: Sat, 21 Nov 2026 07:00:00 +0000
List-Unsubscribe: <https://indeed.com/unsub>

Product Manager | Cinder Labs | Berlin | Urgently hiring
Senior Product Manager | Yellowtail | Remote | Offers visa sponsorship
Product Owner | Hafenblick | Hamburg | Interviewing this week
Associate PM | Polaris Data | Munich | Hiring multiple candidates

Unsubscribe
""",
    )
    hard(
        "fresh-23.eml",
        "not_job",
        "",
        "",
        "",
        "fresh",
        "de",
        f"{SRC}: a conference invitation in German",
        f"""From: "HR Tech Summit" <info@hrtechsummit.example>
To: {W}
Subject: Einladung: HR Tech Summit 2027
Date: Sun, 22 Nov 2026 10:00:00 +0100
List-Unsubscribe: <https://hrtechsummit.example/abmelden>

Sie sind herzlich zum HR Tech Summit am 12. März 2027 eingeladen. Frühbucher-Angebot bis
Ende Dezember: 30 % Rabatt.

Abmelden
""",
    )
    hard(
        "fresh-24.eml",
        "not_job",
        "",
        "",
        "",
        "fresh",
        "en",
        f"{SRC}: a rejection-themed blog digest",
        f"""From: "Medium Daily Digest" <noreply@medium.com>
To: {W}
Subject: "I got rejected from 50 jobs. Then I got an offer." and more
Date: Mon, 23 Nov 2026 06:00:00 +0000
List-Unsubscribe: <https://medium.com/unsub>

Today's highlights
I got rejected from 50 jobs. Then I got an offer. - 8 min read
How I prepare for every interview - 5 min read
Unfortunately, your application was not selected: what recruiters mean - 6 min read

Unsubscribe
""",
    )
    hard(
        "fresh-25.eml",
        "not_job",
        "",
        "",
        "",
        "fresh",
        "en",
        f"{SRC}: a calendar notification about the user's own interview (already known)",
        f"""From: "Google Calendar" <calendar-notification@google.com>
To: {W}
Subject: Reminder: Interview Helix Bio @ Thu 10 Dec 2026 10:00 - 11:00 (CET)
Date: Thu, 10 Dec 2026 09:30:00 +0100

This is a reminder for the following event.
Interview Helix Bio
Thursday 10 Dec 2026 10:00 - 11:00 Central European Time
Invitation from Google Calendar
""",
    )
    hard(
        "fresh-26.eml",
        "rejection",
        "Blue Heron Bank",
        "Risk Analyst",
        "heron",
        "fresh",
        "en",
        f"{SRC}: forwarded by Outlook, a role cancelled",
        f"""From: {W}
To: in+k3x9q@rebound.example
Subject: FW: Risk Analyst requisition
Date: Tue, 01 Dec 2026 20:00:00 +0100

-----Original Message-----
From: Blue Heron Bank Talent Acquisition <blueheron@talent.icims.com>
Sent: Tuesday, December 1, 2026 4:00 PM
To: Jana Weber <jana.weber@example.org>
Subject: Risk Analyst requisition

Dear Jana,

The Risk Analyst requisition you applied to has been cancelled, and all applications for it
have been closed. We apologise for any inconvenience.

Blue Heron Bank
""",
    )
    hard(
        "fresh-27.eml",
        "interview_invite",
        "Vantor Robotics",
        "Embedded Software Engineer",
        "vantor",
        "fresh",
        "de",
        f"{SRC}: forwarded German invitation from a Teamtailor sender",
        f"""From: {W}
To: in+k3x9q@rebound.example
Subject: WG: Einladung Vantor Robotics
Date: Mon, 16 Nov 2026 20:00:00 +0100

-----Ursprüngliche Nachricht-----
Von: Vantor Robotics <no-reply@vantor.teamtailor-mail.com>
Gesendet: Montag, 16. November 2026 15:00
An: Jana Weber <jana.weber@example.org>
Betreff: Einladung Vantor Robotics

Hallo Jana,

wir möchten dich gern zu einem Gespräch für die Stelle Embedded Software Engineer einladen:
Donnerstag, 26. November 2026, 13:00 Uhr, per Teams.

Viele Grüße
Vantor Robotics
""",
    )
    hard(
        "fresh-28.eml",
        "application_received",
        "Northwind Labs",
        "Data Analyst",
        "northwind-da",
        "fresh",
        "en",
        f"{SRC}: LinkedIn Easy Apply receipt, two roles",
        f"""From: "LinkedIn" <jobs-noreply@linkedin.com>
To: {W}
Subject: Jana, your application was sent to Northwind Labs
Date: Mon, 02 Nov 2026 08:00:00 +0000

Your application was sent to Northwind Labs
Data Analyst - Northwind Labs - Berlin
Applied on November 2
""",
    )
    hard(
        "fresh-29.eml",
        "rejection",
        "Alpenblick Versicherung AG",
        "Referent Controlling (m/w/d)",
        "alpenblick",
        "fresh",
        "de",
        f"{SRC}: 'Absage' only in the text, not the subject",
        f"""From: "Alpenblick Versicherung AG" <karriere@alpenblick-versicherung.de>
To: {W}
Subject: Referent Controlling (m/w/d)
Date: Fri, 04 Dec 2026 10:00:00 +0100

Sehr geehrte Frau Weber,

wir bedauern, Ihnen heute eine Absage erteilen zu müssen. Für Ihre Zukunft alles Gute.

Alpenblick Versicherung AG
""",
    )
    hard(
        "fresh-30.eml",
        "status_update_other",
        "Lumen Health",
        "UX Researcher",
        "lumen",
        "fresh",
        "en",
        f"{SRC}: reference check request",
        f"""From: "Sarah Whitfield" <sarah.whitfield@lumenhealth.io>
To: {W}
Subject: References
Date: Mon, 30 Nov 2026 10:00:00 +0100

Hi Jana,

We're at the final stage for the UX Researcher role. Could you send me the contact details
of two referees we may call this week?

Thanks,
Sarah
""",
    )
