"""The phrase rules, in the open: each a pattern with a weight towards one label (the
package's docstring tells how they are scored). Their order is kept: it orders the
reasons of equal weight."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .labels import (
    APPLICATION_RECEIVED,
    ASSESSMENT,
    INTERVIEW_INVITE,
    NOT_JOB,
    OFFER,
    RECRUITER_OUTREACH,
    REJECTION,
    STATUS_UPDATE_OTHER,
)


@dataclass(frozen=True, slots=True)
class Rule:
    label: str
    weight: float
    pattern: re.Pattern[str]
    # What the rule recognises, in words (shown when a person asks "why this label?").
    name: str
    subject_only: bool = False


def _rule(
    label: str, weight: float, name: str, pattern: str, *, subject_only: bool = False
) -> Rule:
    return Rule(label, weight, re.compile(pattern, re.IGNORECASE), name, subject_only)


_ = r"[\s\-]+"  # a gap between words
RULES: list[Rule] = [
    # --- Rejection, English --------------------------------------------------------------
    _rule(REJECTION, 10, "won't move forward with your application",
          r"\b(won'?t|will\s+not|(are|is)\s+not|not|unable\s+to|can'?t|cannot|no\s+longer)\s+"
          r"(be\s+)?(mov(e|ing)|go(ing)?|proceed(ing)?|progress(ing)?|tak(e|ing)|continu(e|ing)"
          r"|pursu(e|ing)|advanc(e|ing))\s+(forward\s+|ahead\s+|further\s+)?(with\s+)?"
          r"(your|yours|you)\b(?!\s+(?:know|up|posted))"),
    _rule(REJECTION, 10, "decided not to proceed / against",
          r"\b(decided|chosen|elected|opted)\s+(not\s+to|against)\s+(move|moving|proceed|progress"
          r"|pursu|continu|go\s+further|tak|invit|extend|offer|advanc)"),
    _rule(REJECTION, 10, "other candidates chosen",
          r"\b(move|moving|go|going|proceed|proceeding|continue|continuing|progress|progressing"
          r"|pursue|pursuing)\s+(forward\s+|ahead\s+)?(with\s+)?(other|another|different"
          r"|alternative)\s+(candidate|applicant|profile|people|person)"),
    _rule(REJECTION, 10, "someone else was chosen",
          r"\b(chose|chosen|selected|hired|appointed|went\s+with|gone\s+with)\s+(another|a\s+different"
          r"|an\s+internal|someone|a\s+candidate\s+(who|with|whose))\b"
          r"|\boffer(ed)?\s+the\s+(role|position|job)\s+to\s+(another|a|an)\s+"),
    _rule(REJECTION, 10, "not selected / not successful",
          r"\b(were|was|have|has|are)\s+not\s+(been\s+)?(selected|successful|shortlisted)\b"
          r"|\bunsuccessful\b"),
    _rule(REJECTION, 8, "regret to inform", r"\bregret\s+(to\s+(inform|let)|that\s+we)"),
    _rule(REJECTION, 10, "no longer under consideration",
          r"\bno\s+longer\s+(under\s+consideration|being\s+considered|in\s+consideration"
          r"|considering\s+(your|applications|candidates)|reviewing\s+applications)"),
    _rule(REJECTION, 10, "unable to offer you",
          r"\b(unable|not\s+(be\s+)?able|cannot|can'?t|won'?t\s+be\s+able)\s+to\s+offer\s+you"),
    _rule(REJECTION, 10, "not to extend an offer",
          r"\bnot\s+to\s+(extend|make)\s+(you\s+)?an?\s+offer"),
    _rule(REJECTION, 10, "the position has been filled",
          r"\b(position|role|vacancy|job|opening)\s+(has|have)\s+(now\s+|already\s+)?been\s+filled"
          r"|\bwe\s+have\s+(now\s+)?filled\s+the\b"),
    _rule(REJECTION, 9, "the position was closed",
          r"\b(closed|close)\s+the\s+[\w\s/()&-]{0,60}?(position|role|vacancy|requisition|opening)"
          r"|\b(position|role|vacancy|requisition)\s+(has\s+been|is\s+now|was)\s+(closed|cancell?ed)"),
    _rule(REJECTION, 8, "a different direction", r"\b(a|another)\s+different\s+direction\b"),
    _rule(REJECTION, 10, "won't invite you",
          r"\b(won'?t|will\s+not|not)\s+be\s+inviting\s+you|\bnot\s+(be\s+)?able\s+to\s+invite\s+you"),
    _rule(REJECTION, 10, "won't take yours forward",
          r"\b(taking|take)\s+(your\s+application|yours|you)\s+(forward|further)"),
    _rule(REJECTION, 6, "not a fit", r"\bnot\s+(the\s+right\s+|a\s+)(fit|match)\b"),
    _rule(REJECTION, 2, "more closely matches",
          r"\bmore\s+closely\s+(match|align|fit)|\bcloser\s+match\b|\bmore\s+direct\s+experience"),
    _rule(REJECTION, 1.5, "unfortunately", r"\bunfortunately\b"),
    _rule(REJECTION, 2, "wishes you luck",
          r"\bwish(ing)?\s+you\s+(all\s+the\s+best|every\s+success|the\s+(very\s+)?best|luck"
          r"|success)|\bbest\s+of\s+luck\s+(with|in)\s+your\b"),
    _rule(REJECTION, 2, "keeps your CV on file",
          r"\bkeep\s+your\s+(cv|resume|résumé|details|profile|information|application)"
          r"\s+on\s+file\b"),
    _rule(REJECTION, 1.5, "apply again later",
          r"\b(apply\s+again|re-?apply)\b|\bfuture\s+(openings|opportunities|vacancies)"),
    _rule(REJECTION, 1.5, "after careful consideration",
          r"\bafter\s+(careful|much)\s+(consideration|discussion|review)"),
    _rule(REJECTION, 10, "filled the role",
          r"\b(we'?ve|we\s+have|has|have)\s+(now\s+|already\s+)?filled\s+(the|this|that|our)\b"
          r"|\bfilled\s+(the|this)\s+[\w\s/()&-]{0,50}?(role|position|vacancy)\s+(with|internally)"),
    _rule(REJECTION, 9, "the role was cancelled",
          r"\b(position|role|vacancy|requisition|opening|posting|job)\b[^.]{0,60}?\b(has|have|is|was"
          r"|were)\s+(now\s+|since\s+)?(been\s+)?(closed|cancell?ed|withdrawn)\b"
          r"|\ball\s+applications\b[^.]{0,40}\b(closed|withdrawn)\b"),
    _rule(REJECTION, 10, "not taking things further",
          r"\bnot\s+(be\s+)?(taking|take)\s+(things|this|it|matters)\s+(any\s+)?further"
          r"|\b(decided|chosen)\s+to\s+move\s+on\b|\bnot\s+be\s+considered\s+further"
          r"|\b(other|another|the\s+other)\s+finalist"),
    _rule(REJECTION, 10, "won't move your application forward",
          r"\b(not|n'?t|unable|no\s+longer)\b[^.]{0,30}\b(mov(e|ing)|tak(e|ing)|progress(ing)?"
          r"|advanc(e|ing))\s+(your\s+(application|candidacy)|you)\s+(any\s+)?(forward|further|on\b"
          r"|ahead|to\s+the\s+next)"),
    _rule(REJECTION, 10, "appointed someone else",
          r"\bappoint(ed)?\s+(another|a\s+different|someone|an\s+internal|a\s+candidate|the\s+other)"
          r"|\b(pursue|proceed\s+with|continue\s+with|move\s+forward\s+with|go\s+with)\s+"
          r"(applicants|candidates|profiles)\s+(whose|who|with)\b"),
    _rule(REJECTION, 10, "hired someone else",
          r"\b(hire|hired|chose|chosen|select(ed)?|appoint(ed)?|go\s+with|went\s+with)\s+"
          r"(someone|somebody)\s+else\b"),
    _rule(REJECTION, 10, "will not proceed",
          r"\b(will|shall|can|could|do|does)\s+(therefore\s+|thus\s+|unfortunately\s+)?not\s+"
          r"proceed\b|\bnot\s+proceed(ing)?\s+further"),
    _rule(REJECTION, 5, "doesn't meet the requirements",
          r"\b(does|do)\s+not\s+(match|meet|fit)\s+(the|our)\s+([\w-]+\s+){0,3}(requirements"
          r"|criteria|needs)"),
    _rule(REJECTION, 4, "sorry to tell you",
          r"\b(sorry|sad|afraid)\s+to\s+(tell|inform|let\s+you\s+know|say|share)|\bwith\s+regret\b"
          r"|\bI'?m\s+afraid\b"),
    _rule(REJECTION, 2, "a closer match",
          r"\b(closer|better)\s+(to\s+what|match|fit|suited|aligned)|\bmore\s+(suitable|relevant"
          r"|aligned)\b"),
    # --- Rejection, German -----------------------------------------------------------------
    _rule(REJECTION, 10, "für andere Kandidaten entschieden",
          r"\bf(ü|ue)r\s+(eine[nrm]?\s+|einen\s+)?(andere[nrms]?|weitere[nrms]?)\s+(Kandidat|Bewerber"
          r"|Person|Profil|Mitbewerber)|\bf(ü|ue)r\s+(eine[nrm]?\s+)?Mitbewerber"),
    _rule(REJECTION, 10, "nicht berücksichtigen",
          r"\bnicht\s+(weiter\s+|mehr\s+|l(ä|ae)nger\s+)?ber(ü|ue)cksichtig"),
    _rule(REJECTION, 10, "gegen Sie entschieden",
          r"\bgegen\s+(Sie|dich|Ihre\s+Bewerbung|deine\s+Bewerbung|eine\s+(Einladung|Zusammenarbeit"
          r"|weitere\w*|Fortsetzung))[^.]{0,80}entschieden"),
    _rule(REJECTION, 10, "nicht in der engeren Auswahl",
          r"\bnicht\s+in\s+die\s+(engere|n(ä|ae)chste)\s+(Auswahl|Runde)"),
    _rule(REJECTION, 10, "Prozess nicht fortsetzen",
          r"\b(Prozess|Verfahren|Bewerbungsprozess|Auswahlprozess|Auswahlverfahren|Bewerbung)\s+"
          r"(mit\s+(dir|Ihnen|euch)\s+)?nicht\s+(fort|weiter)"
          r"|\bnicht\s+(weiter\s*verfolgen|weiterverfolgen|fortsetzen|fortf(ü|ue)hren)"),
    _rule(REJECTION, 10, "Stelle besetzt",
          r"\b(Stelle|Position|Vakanz)\s+(ist|wurde|wird|haben\s+wir)\s+(inzwischen\s+|bereits\s+"
          r"|mittlerweile\s+|zwischenzeitlich\s+|leider\s+)*(anderweitig\s+|intern\s+)?"
          r"(besetzt|vergeben)|\b(Stelle|Position|Vakanz)\b[^.]{0,40}?\b(inzwischen|bereits"
          r"|mittlerweile|zwischenzeitlich|schon|anderweitig)\s+(besetzt|vergeben)"),
    _rule(REJECTION, 10, "kein Angebot machen",
          r"\bnicht\s+in\s+der\s+Lage[^.]{0,60}(Angebot|anbieten)"
          r"|\bkein(e|en)?\s+(Stelle|Position|Vertragsangebot|Angebot|Zusage)\s+(an|machen|geben"
          r"|unterbreiten)"),
    _rule(REJECTION, 8, "keine positive Nachricht",
          r"\bkeine\s+(positive|erfreuliche|bessere)\w*\s+(Nachricht|R(ü|ue)ckmeldung|Antwort)"),
    _rule(REJECTION, 4, "müssen Ihnen mitteilen",
          r"\b(m(ü|ue)ssen|muss)\s+(wir\s+)?(Ihnen|dir|euch)\s+(leider\s+)?mitteilen"),
    _rule(REJECTION, 6, "Absage (subject)", r"\bAbsage\b", subject_only=True),
    _rule(REJECTION, 1.5, "leider", r"\bleider\b"),
    _rule(REJECTION, 2, "wünscht alles Gute",
          r"\bw(ü|ue)nsche\w*\s+(wir\s+)?(Ihnen|dir|euch)[^.]{0,80}(alles\s+Gute|viel\s+Erfolg)"),
    _rule(REJECTION, 2, "Unterlagen werden gelöscht",
          r"\bUnterlagen\s+werden[^.]{0,80}gel(ö|oe)scht"),
    _rule(REJECTION, 10, "anders entschieden",
          r"\banders\s+entschieden\b|\bf(ü|ue)r\s+jemand(en)?\s+(anderen|anders)"
          r"|\bnicht\s+(mehr\s+)?(im\s+Rennen|zum\s+Zug|weiter\s+im\s+Verfahren)"),
    _rule(REJECTION, 10, "keine Stelle anbieten",
          r"\bkein(e|en)?\s+(Stelle|Position|Angebot|Zusage|Vertragsangebot)\b[^.]{0,60}?"
          r"\b(anbieten|machen|geben|unterbreiten)"),
    _rule(REJECTION, 8, "Stelle intern besetzt",
          r"\bStelle\b[^.]{0,80}?\b(intern|aus\s+dem\s+eigenen\s+Haus|anderweitig|mit\s+(einer|einem)"
          r")\b[^.]{0,50}?\bbesetz"),
    _rule(REJECTION, 8, "eine Absage erteilen",
          r"\bAbsage\s+(erteilen|geben|mitteilen|schicken|senden)|\b(erteilen|geben)\s+(Ihnen|dir)"
          r"\s+(leider\s+)?eine\s+Absage"),
    _rule(REJECTION, 10, "Bewerbung nicht entsprechen",
          r"\bBewerbung\b[^.]{0,50}\bnicht\s+entsprechen"),
    _rule(REJECTION, 10, "nicht zur nächsten Runde einladen",
          r"\b(Sie|dich|euch)\s+nicht\s+(f(ü|ue)r|zu|zum|zur|in)\b[^.]{0,50}\b(ein)?laden\b"),
    _rule(REJECTION, 4, "bedauern", r"\bbedauer(n|lich|licherweise)\b"),
    _rule(REJECTION, 2, "alles Gute für die Zukunft",
          r"\bf(ü|ue)r\s+(Ihre|deine|die|Ihren|deinen)\s+(berufliche\s+|weitere\w*\s+)?"
          r"(Zukunft|Weg)\s+(alles\s+Gute|viel\s+Erfolg)"),
    # --- Offer ------------------------------------------------------------------------------
    _rule(OFFER, 10, "offers you the position",
          r"\b(offer|offering)\s+you\s+(the|a|an|this)\s+([\w&/()+-]+\s+){0,6}?(position|role|job"
          r"|post)\b"),
    _rule(OFFER, 10, "pleased to offer / extend an offer",
          r"\b(delighted|pleased|happy|thrilled|excited|glad)\s+to\s+(offer|extend)\b"
          r"|\bextend\s+(you\s+)?an\s+offer|\b(like|love)\s+to\s+offer\s+you\b"),
    _rule(OFFER, 6, "offer letter / contract attached",
          r"\boffer\s+(letter|of\s+employment)|\bwritten\s+offer\b"
          r"|\b(contract|Arbeitsvertrag|Vertragsangebot)\b[^.]{0,60}(attached|anbei|Anhang)"),
    _rule(OFFER, 10, "Zusage / anbieten zu können",
          r"\beine\s+Zusage\b|\bZusage\s+f(ü|ue)r\b|\banbieten\s+zu\s+k(ö|oe)nnen\b"),
    _rule(OFFER, 5, "Vertragsangebot", r"\bVertragsangebot\b"),
    _rule(OFFER, 10, "shares our offer",
          r"\b(pleased|happy|delighted|thrilled|excited|glad)\s+to\s+(share|send|present|make)\s+"
          r"(you\s+)?(our|an|the|a)\s+(formal\s+|written\s+)?offer\b|\bour\s+offer\s+(for|to)\s+you"),
    _rule(OFFER, 8, "möchten Sie einstellen",
          r"\b(m(ö|oe)chten|w(ü|ue)rden)\s+(Sie|dich)\b[^.]{0,80}\beinstellen\b"
          r"|\bunser\s+Angebot\s+(f(ü|ue)r|an)\s+(Sie|dich)\b"),
    _rule(OFFER, 8, "a formal offer",
          r"\b(formal|official|written)\s+offer\b|\battached\s+is\s+(your|our|the)\s+(formal\s+)?offer"
          r"|\byour\s+offer\s+(letter|pack|details)"),
    _rule(OFFER, 3, "welcome to the team",
          r"\b(want|love|like)\s+you\s+(on|to\s+join)\s+(the|our)\s+team|\bwelcome\s+(you\s+)?(to|aboard)"),
    # Guards: words an offer shares with a rejection or an invitation.
    _rule(OFFER, -14, "guard: unable to offer",
          r"\b(unable|not\s+(be\s+)?able|cannot|can'?t|won'?t\s+be\s+able)\s+to\s+offer"
          r"|\bnot\s+to\s+(extend|make)\s+(you\s+)?an?\s+offer|\bnicht\s+in\s+der\s+Lage"
          r"|\bkein(e|en)?\s+(Vertragsangebot|Angebot|Zusage)"),
    _rule(OFFER, -10, "guard: offering interview slots",
          r"\boffer\s+you\s+(the\s+following|some|a\s+few|these)\s+([\w-]+\s+){0,2}(slots?|times?"
          r"|dates?)"),
    # --- Interview invitation ------------------------------------------------------------------
    _rule(INTERVIEW_INVITE, 7, "invites you to an interview",
          r"\binvit(e|ing)\s+you\s+(to|for)\s+(an?\s+|our\s+|the\s+)?([\w-]+\s+){0,3}(interview|call"
          r"|chat|conversation|meeting|round|conversation)"),
    _rule(INTERVIEW_INVITE, 5, "would like to meet / speak",
          r"\b(would|'d)\s+(like|love)\s+to\s+(invite\s+you|meet\s+you|speak\s+(with|to)\s+you"
          r"|talk\s+(with|to)\s+you|chat\s+with\s+you|have\s+a\s+chat|get\s+to\s+know\s+you)"),
    _rule(INTERVIEW_INVITE, 5, "schedules an interview",
          r"\b(schedule|book|arrange|set\s+up)\s+(an?\s+|your\s+|the\s+)?([\w-]+\s+){0,2}(interview"
          r"|phone\s+screen|video\s+call)"),
    _rule(INTERVIEW_INVITE, 4, "pick a time",
          r"\b(pick|choose|select)\s+a\s+(time|slot)\b|calendly\.com|\binterview\s+slots?\b"),
    _rule(INTERVIEW_INVITE, 6, "confirms your interview",
          r"\bconfirm(s|ing)?\s+your\s+interview|\binterview\s+(is\s+)?confirmed|^confirmed:\s"),
    _rule(INTERVIEW_INVITE, 6, "interview invitation",
          r"\binterview\s+invitation|\binvitation\s+to\s+(an?\s+)?([\w-]+\s+){0,2}(interview|round"
          r"|on-?site)"),
    _rule(INTERVIEW_INVITE, 3, "phone screen / on-site",
          r"\bphone\s+screen|\bon-?site\s+interview|\bfirst\s+interview|\btechnical\s+interview"),
    _rule(INTERVIEW_INVITE, 7, "Einladung zum Gespräch",
          r"\bEinladung\s+zu(m|r)?\s+(einem\s+|unserem\s+)?([\w-]+\s+){0,2}"
          r"(Vorstellungsgespr(ä|ae)ch|Gespr(ä|ae)ch|Interview|Kennenlern\w*)"),
    _rule(INTERVIEW_INVITE, 6, "lädt Sie ein",
          r"\b(laden|lade)\s+(Sie|dich|euch)\s+[^!?\n]{0,100}?\bein\b|\beinzuladen\b"
          r"|\b(m(ö|oe)chten|w(ü|ue)rden)\s+(Sie|dich)\s+[^.]{0,60}(kennenlernen|einladen)"),
    _rule(INTERVIEW_INVITE, 4, "Kennenlerngespräch", r"\bKennenlern(gespr(ä|ae)ch|en)\b"),
    _rule(INTERVIEW_INVITE, 2, "passt Ihnen der Termin",
          r"\bpasst\s+(dir|Ihnen|euch)\b|\bTermin\s+(kurz\s+)?(bestätigen|zu\s+bestätigen)"),
    _rule(INTERVIEW_INVITE, 7, "you're invited to an interview",
          r"\b(you'?re|you\s+are)\s+invited\s+to\s+(an?\s+|our\s+)?([\w-]+\s+){0,3}(interview|call"
          r"|chat|conversation|meeting)\b"),
    _rule(INTERVIEW_INVITE, 6, "would like to see you",
          r"\b(like|love|want)\s+to\s+see\s+you\s+(for|at|in|again)\b"
          r"|\b(first|second|third|final|next)[\s-]round\s+interview"),
    _rule(INTERVIEW_INVITE, 5, "sets up a call",
          r"\b(schedule|book|arrange|set\s+up)\s+(an?\s+|your\s+|the\s+|some\s+)?([\w-]+\s+){0,2}"
          r"(call|chat|meeting|conversation)\b|\bbook\s+a\s+time\b"),
    _rule(INTERVIEW_INVITE, 4, "does this time suit you?",
          r"\b(would|does|do|will|could)\b[^.?]{0,60}\b(work|suit)\s+(for\s+)?you\b"
          r"|\bare\s+you\s+(free|available)\s+(on|at|for|next)\b"),
    _rule(INTERVIEW_INVITE, 6, "Gespräch mit Ihnen führen",
          r"\b(Gespr(ä|ae)ch|Interview|Telefoninterview|Videointerview|Telefonat)\w*\s+mit\s+(Ihnen"
          r"|dir|euch)\s+(f(ü|ue)hren|vereinbaren)|\b(m(ö|oe)chten|w(ü|ue)rden)\s+(Sie|dich)\s+[^.]{0,110}"
          r"\beinladen\b"),
    _rule(INTERVIEW_INVITE, 4, "would like to meet",
          r"\b(like|love|want)\s+to\s+meet\b|\bhow\s+about\s+a\s+([\w-]+\s+)?(call|chat|meeting)"
          r"|\bTerminvorschlag|\bschlagen\s+wir\b[^.]{0,60}\bvor\b"),
    _rule(INTERVIEW_INVITE, 7, "interview scheduled",
          r"\binterview\b[^.]{0,60}\b(has\s+been|is|was)\s+(now\s+)?(scheduled|booked|arranged"
          r"|set\s+up)|\binterview\s+scheduled\b"),
    _rule(INTERVIEW_INVITE, 6, "host you for an interview",
          r"\b(host|welcome|see|meet)\s+you\s+(for|at)\s+(an?\s+|the\s+|our\s+)?([\w-]+\s+){0,3}"
          r"(interview|visit|meeting|chat)\b"),
    _rule(INTERVIEW_INVITE, 2, "Telefoninterview",
          r"\b(Telefon|Video)interview|\bH(ä|ae)tten\s+(Sie|du)\b[^.?]{0,60}\bZeit\b"),
    # --- Assessment --------------------------------------------------------------------------
    _rule(ASSESSMENT, 6, "coding challenge / test platform",
          r"\bcoding\s+(challenge|test|exercise|assignment|assessment)|\btake[\s-]home\b"
          r"|\bhackerrank\b|\bcodility\b|\bcodesignal\b|\btestgorilla\b|\bcoderbyte\b"
          r"|\bonline[\s-](test|assessment)|\bcase\s+stud(y|ies)\b|\baptitude\s+test"
          r"|\bskills?\s+test|\bpsychometric|\bFallstudie|\bProgrammiertest|\bEignungstest"
          r"|\bTestaufgabe|\bProbeaufgabe"),
    _rule(ASSESSMENT, 6, "a writing or coding task",
          r"\b(writing|technical|design|home|programming)[\s-](test|task|exercise|challenge"
          r"|assignment|Aufgabe|Test)\b|\bcoding[\s-](task|Aufgabe)\b"),
    _rule(ASSESSMENT, 5, "questionnaire",
          r"\b(personality|aptitude|online)\s+(questionnaire|test)|\bPers(ö|oe)nlichkeitstest"
          r"|\bquestionnaire\b|\bFragebogen\b"),
    _rule(ASSESSMENT, 9, "assessment centre", r"\bAssessment[\s-]?Cent(er|re)\b"),
    _rule(ASSESSMENT, 2, "assessment", r"\bassessment\b|\bassignment\b"),
    _rule(ASSESSMENT, 5, "complete a task",
          r"\b(complete|take|do|return|submit)\s+(a|an|the|our|this)\s+(short\s+)?([\w-]+\s+){0,2}"
          r"(task|exercise|test|challenge|assignment|questionnaire)\b|\bArbeitsprobe|\bProbearbeit"
          r"|\b(Aufgabe|Test|Case)\s+(zu\s+)?(bearbeiten|l(ö|oe)sen|absolvieren)"),
    # --- Status update -------------------------------------------------------------------------
    _rule(STATUS_UPDATE_OTHER, 6, "still under review",
          r"\bstill\s+(under\s+review|being\s+reviewed|reviewing)|\b(application|candidacy)\s+is\s+"
          r"(still\s+|currently\s+)?(under\s+review|being\s+reviewed)"),
    _rule(STATUS_UPDATE_OTHER, 4, "needs more time",
          r"\bneeds?\s+(a\s+(little|bit)\s+)?more\s+time\b|\btaking\s+longer\s+than"
          r"|\bmehr\s+Zeit\s+in\s+Anspruch"),
    _rule(STATUS_UPDATE_OTHER, 6, "on hold / paused / hiring freeze",
          r"\bon\s+hold\b|\bhiring\s+freeze\b|\b(is|been|are)\s+paused\b|\bpausiert\b"
          r"|\bEinstellungsstopp"),
    _rule(STATUS_UPDATE_OTHER, 6, "interim notice",
          r"\bZwischen(stand|bescheid|nachricht)\b|\bquick\s+update\b|\binterim\s+update"),
    _rule(STATUS_UPDATE_OTHER, 7, "your application was viewed",
          r"\bapplication\s+was\s+viewed\b|\bviewed\s+your\s+application|\bBewerbung\s+wurde\s+"
          r"(angesehen|angeschaut)"),
    _rule(STATUS_UPDATE_OTHER, 6, "documents requested",
          r"\b(send|upload|provide|forward)\s+(us\s+)?(copies\s+of\s+|a\s+copy\s+of\s+)?(your\s+)?"
          r"([\w-]+\s+){0,4}(certificates?|references|transcripts?|documents|diploma|work\s+permit)"
          r"|\bnachreichen\b|\bfehlen\s+uns\s+noch\b"),
    _rule(STATUS_UPDATE_OTHER, 3, "application stays open",
          r"\b(application|candidacy)\s+(remains|stays)\s+(active|open)|\bbleibt[^.]{0,40}"
          r"im\s+Verfahren"),
    _rule(STATUS_UPDATE_OTHER, 2, "thanks for your patience",
          r"\b(patience|Geduld)\b"),
    _rule(STATUS_UPDATE_OTHER, 5, "delayed",
          r"\b(been|is|was)\s+delayed\b|\blonger\s+than\s+(expected|planned|anticipated)"
          r"|\bhaven'?t\s+forgotten\b|\bstill\s+(deciding|working\s+through)"
          r"|\b(verz(ö|oe)gert|l(ä|ae)nger\s+als\s+geplant)"),
    _rule(STATUS_UPDATE_OTHER, 5, "details requested",
          r"\b(referees?|reference\s+check|salary\s+expectations?|notice\s+period|earliest\s+start"
          r"|Gehaltsvorstellung\w*|Eintrittstermin|K(ü|ue)ndigungsfrist|Referenzen)\b"),
    _rule(STATUS_UPDATE_OTHER, 6, "still in process",
          r"\b(still|weiterhin|noch\s+immer)\s+(interviewing|in\s+Pr(ü|ue)fung|in\s+process"
          r"|in\s+Bearbeitung|considering)"),
    _rule(STATUS_UPDATE_OTHER, 5, "takes a little longer",
          r"\btake\s+(another|a\s+(bit|little|few)|some\s+more)\s+([\w-]+\s+){0,2}(longer|time"
          r"|days?|weeks?)\b|\bdauert\s+noch\b|\bnoch\s+etwas\s+(Zeit|dauern)"
          r"|\bon\s+(our|the)\s+shortlist\b"),
    _rule(STATUS_UPDATE_OTHER, 2, "a question for you", r"\bR(ü|ue)ckfrage\b|\bquick\s+question\b"),
    # --- Confirmation --------------------------------------------------------------------------
    _rule(APPLICATION_RECEIVED, 5, "we received your application",
          r"\b(we('ve|\s+have)?|has|have|confirms\s+we)\s+(got|received)\s+your\s+application"
          r"|\byour\s+application\b[^.]{0,140}?\b(has\s+been|was|is)\s+(successfully\s+)?"
          r"(received|submitted|sent)|\bapplication\s+(received|confirmation)\b"),
    _rule(APPLICATION_RECEIVED, 3, "thank you for applying",
          r"\bthank(s|\s+you)\s+(so\s+much\s+)?for\s+(applying|your\s+application|submitting\s+your"
          r"\s+application)"),
    _rule(APPLICATION_RECEIVED, 2, "we will review it",
          r"\b(we|team)\s+will\s+(carefully\s+)?(review|be\s+reviewing|read)|\bwill\s+review\s+your"
          r"|\breviews?\s+every\s+application|\bwill\s+(be\s+in\s+touch|contact\s+you|reach\s+out)"
          r"\s+(if|once|as\s+soon)"),
    _rule(APPLICATION_RECEIVED, 5, "Bewerbung eingegangen",
          r"\bBewerbung\b[^.]{0,80}?\b(eingegangen|angekommen|(ü|ue)bermittelt)\b"
          r"|\bEingang\s+(Ihrer|deiner)\s+(Bewerbung|Unterlagen)|\bEingangsbest(ä|ae)tigung"
          r"|\b(haben|hat)\s+(Ihre|deine)\s+(Bewerbung|Unterlagen)\s+erhalten"),
    _rule(APPLICATION_RECEIVED, 5, "we have your application",
          r"\bwe\s+(now\s+)?have\s+your\s+application\b|\b(Bewerbung|Unterlagen)\b[^.]{0,60}\b(bekommen"
          r"|erhalten|liegt\s+uns\s+vor|liegen\s+uns\s+vor)\b"),
    _rule(APPLICATION_RECEIVED, 5, "your application is in",
          r"\byour\s+application\b[^.]{0,60}\bis\s+in\b|\bread\s+every\s+(one|application)"),
    _rule(APPLICATION_RECEIVED, 3, "Danke für Ihre Bewerbung",
          r"\b(vielen\s+)?Dank\s+(dir\s+|Ihnen\s+)?f(ü|ue)r\s+(Ihre|deine)\s+Bewerbung"
          r"|\bdass\s+du\s+dich[^.]{0,60}beworben"),
    _rule(APPLICATION_RECEIVED, 2, "wir prüfen und melden uns",
          r"\b(pr(ü|ue)fen|anschauen|ansehen)\b[^.]{0,80}\bmelden\b|\bmelden\s+uns\b"),
    _rule(APPLICATION_RECEIVED, 5, "your documents arrived",
          r"\b(application|cv|resume|documents|materials|samples)\b[^.]{0,40}\b(arrived|came\s+through"
          r"|reached\s+us|landed)\b|\bconfirm(ing)?\s+(the\s+)?receipt\b"
          r"|\b(Eingang|Erhalt)\s+(Ihrer|deiner|der)\s+(Bewerbung|Unterlagen)\w*"
          r"|\bBest(ä|ae)tigung\s+(Ihrer|deiner)\s+Bewerbung"),
    # --- Recruiter outreach ------------------------------------------------------------------
    _rule(RECRUITER_OUTREACH, 6, "came across your profile",
          r"\bcame\s+across\s+your\s+(profile|background)|\byour\s+(profile|background)\s+caught"
          r"|\bauf\s+Ihr\s+[\w-]*\s*Profil\s+(aufmerksam|gesto(ß|ss)en)|\b(ü|ue)ber\s+Ihr\s+"
          r"[\w-]*\s*Profil\s+auf\s+Sie\s+aufmerksam|\bauf\s+dein\s+[\w-]*\s*Profil"),
    _rule(RECRUITER_OUTREACH, 5, "I'm a recruiter",
          r"\bI'?m\s+a\s+recruiter|\bI\s+am\s+a\s+recruiter|\brecruiter\s+(at|with|specialis|speciali)"
          r"|\bPersonalberat(ung|er)\b|\bheadhunter"),
    _rule(RECRUITER_OUTREACH, 4, "open to a chat?",
          r"\b(would|are)\s+you\s+(be\s+)?open\s+to\b|\bwould\s+you\s+consider\b"
          r"|\bH(ä|ae)tten\s+Sie\s+(Interesse|Zeit|Lust)|\bunverbindlich"),
    _rule(RECRUITER_OUTREACH, 3, "a client is hiring",
          r"\b(one\s+of\s+(my|our)\s+clients|einem\s+unserer\s+Kunden|spannende\s+(Position|Stelle"
          r"|Herausforderung)|interessantes\s+Angebot|great\s+fit|opportunity\s+that)"),
    _rule(RECRUITER_OUTREACH, -5, "guard: about your application",
          r"\byour\s+(application|cv|resume|candidacy)\b|\b(Ihre|deine)\s+(Bewerbung|Unterlagen)\b"
          r"|\bliked\s+your\b|\bbeworben\b"),
    _rule(RECRUITER_OUTREACH, 5, "your background stood out",
          r"\byour\s+(work|experience|profile|background|skills)\b[^.]{0,40}\b(stood\s+out|caught"
          r"|impressed)|\bIhr\s+Profil\s+passt|\bf(ü|ue)r\s+eine[nm]?\s+(Kunden|Mandanten)"
          r"|\bdarf\s+ich\s+(Sie|dich)\s+[^.?]{0,30}anrufen|\bsuche\s+ich\s+(aktuell|derzeit|gerade)"),
    _rule(RECRUITER_OUTREACH, 5, "I'm hiring for a role",
          r"\bI'?m\s+(hiring|recruiting)\s+for\b|\binterested\s+in\s+hearing\s+more"
          r"|\bwould\s+you\s+be\s+interested\b"),
    _rule(RECRUITER_OUTREACH, 4, "a founder writes",
          r"\b(co-?founder|founder|CEO|CTO|Gr(ü|ue)nder\w*)\s+(of|at|von|bei)\b"
          r"|\brecommended\s+you\b|\bwould\s+you\s+have\s+\d+\s+minutes"
          r"|\bhear\s+(more\s+)?about\s+what\s+we"),
    _rule(RECRUITER_OUTREACH, 3, "a fit, a chat?",
          r"\b(strong|good|great|perfect)\s+fit\b|\b(fancy|up\s+for|interested\s+in)\s+a\s+"
          r"([\w-]+\s+){0,2}(chat|call|conversation)|\bI\s+lead\s+talent|\bsourcer\b"),
    # --- Not about the search ------------------------------------------------------------------
    _rule(NOT_JOB, 8, "job alert",
          r"\bjobs?\s+you\s+(may|might)\s+(like|be\s+interested)|\bjob\s+alerts?\b|\bnew\s+jobs?\s+"
          r"(for|match|near)|\bjobs?\s+(for|near)\s+you\b|\bJobempfehlung|\bJobagent"
          r"|\bStellenangebote\s+f(ü|ue)r\s+Sie|\bdiese\s+Jobs\s+k(ö|oe)nnten|\btop\s+applicant"
          r"|\brecommended\s+jobs|\bpassend\s+zu\s+Ihrem\s+Profil"),
    _rule(NOT_JOB, 5, "newsletter",
          r"\bnewsletter\b|\bin\s+this\s+(issue|edition)|\bthis\s+week\s+in"
          r"|\bin\s+dieser\s+Ausgabe|\bLiebe\s+Leserin|\bread\s+online\b"),
    _rule(NOT_JOB, 3, "unsubscribe", r"\bunsubscribe\b|\babbestellen\b|\babmelden\b"
          r"|\bmanage\s+(job\s+)?alerts"),
    _rule(NOT_JOB, 8, "account mail",
          r"\bverify\s+your\s+email|\bconfirm\s+your\s+email|\breset\s+your\s+password"
          r"|\bPasswort\s+zur(ü|ue)ck|\bcandidate\s+account\b|\baccount\s+has\s+been\s+created"
          r"|\bset\s+your\s+password|\bstatement\s+is\s+(ready|available)"),
    _rule(NOT_JOB, 6, "advert or event",
          r"\b\d+\s*%\s+off\b|\bspecial\s+offer\b|\boffer\s+ends\b|\bblack\s+friday|\bmasterclass"
          r"|\bwebinar|\bRSVP\b|\bmeetup\b|\bpremium\b"),
    _rule(NOT_JOB, 5, "digest", r"\bdigest\b|\bhighlights\b|\bmin\s+read\b"),
    _rule(NOT_JOB, 6, "conference or discount",
          r"\bsummit\b|\bconference\b|\bKonferenz|\bRabatt|\bearly\s+bird|\bFr(ü|ue)hbucher"),
    _rule(NOT_JOB, 8, "calendar notification",
          r"\breminder\s+for\s+the\s+following\s+event|\binvitation\s+from\s+google\s+calendar"
          r"|\bErinnerung\s+an\s+den\s+folgenden\s+Termin"),
]  # fmt: skip
