import type { NoticeTable } from './en';

export const DE: NoticeTable = {
  promoted: 'Ein Platz ist frei geworden: Du bist jetzt bei „{title}“ am {when} dabei.',
  moved: '„{title}“ ist verschoben: statt am {from} jetzt am {when}.',
  placeChanged: 'Der Ort oder Link für „{title}“ am {when} hat sich geändert.',
  cancelled: '„{title}“ am {when} ist abgesagt: {reason}',
  restored:
    '„{title}“ am {when} findet wieder statt. Plätze und Dienste wurden nicht behalten: Sag wieder zu, wenn du kommen kannst.',
  newMeetup:
    'Neues Treffen in „{group}“: „{title}“, {when} ({zone}){repeats, select, yes {, und es wiederholt sich} other {}}.',
  reminder: 'Erinnerung: „{title}“ in „{group}“, {when}.',
  reminderDuty: 'Erinnerung: Du hast Dienst ({role}) bei „{title}“ in „{group}“, {when}.',
  supportRequest:
    'Unterstützungsanfrage in „{group}“: Ein Beitrag von {name} braucht vielleicht eine einfühlsame Antwort. Übernimm sie oder sieh nach, wer sie übernommen hat.',
  supportAgain:
    '{name} hat wieder in „{group}“ geschrieben: Der Beitrag wurde der Unterstützungsanfrage hinzugefügt, die du übernommen hast.',
  escalated:
    'Seit {minutes, plural, one {# Minute} other {# Minuten}} hat niemand die Unterstützungsanfrage für {name} in „{group}“ übernommen. Bitte übernimm sie oder vergewissere dich, dass jemand es getan hat.',
  contactAsked: '{name} möchte, dass sich die Gesprächsleitung von „{group}“ meldet.',
  wroteToMember: 'Die Gesprächsleitung von „{group}“ hat dir geschrieben.',
  wroteToStaff: '{name} hat der Gesprächsleitung von „{group}“ geschrieben.',
  reported:
    'Ein Beitrag in „{group}“ wurde gemeldet: {reason, select, harmful {schädlich oder gefährlich} crisis {Jemand ist vielleicht in einer Krise} harassment {Belästigung oder Mobbing} misinformation {irreführende Gesundheitsinformationen} spam {Spam oder Werbung} other {etwas anderes}}.',
  reportHandled:
    'Die Moderatoren von „{group}“ haben sich einen Beitrag angesehen, den du gemeldet hast. Danke, dass du auf die Gruppe achtest.',
  professionalVerified:
    'Du bist jetzt eine geprüfte Fachperson: Du kannst Einträge prüfen und unter Beiträgen Anmerkungen hinzufügen.',
  professionalDeclined:
    'Dein Antrag, geprüfte Fachperson zu werden, wurde abgelehnt. Du kannst einen neuen Antrag stellen.',
  professionalDeclinedBecause:
    'Dein Antrag, geprüfte Fachperson zu werden, wurde abgelehnt: {reason}. Du kannst einen neuen Antrag stellen.',
  dutyAssigned: 'Du hast einen Dienst: {role} bei „{title}“ am {when}. Bitte bestätige ihn.',
  dutiesAssigned:
    'Du hast {count, plural, one {# neuen Dienst} other {# neue Dienste}} in {group}. Bitte bestätige {count, plural, one {ihn} other {sie}} unter Meine Dienste.',
  dutyMoved: 'Dein Dienst bei „{title}“ ist verschoben: Er ist jetzt am {when}.',
  dutyOff: 'Dein Dienst bei „{title}“ am {when} entfällt: Das Treffen ist abgesagt.',
  dutiesReleased:
    'Eine Person, die gegangen ist oder nicht mehr zur Gesprächsleitung gehört, hatte {count, plural, one {einen Dienst} other {# Dienste}} ab „{title}“ am {when}: {count, plural, one {Er ist} other {Sie sind}} wieder frei.',
  cantMake:
    '{name} kann den Dienst ({role}) am {when}{more, plural, =0 {} one { und # weiteren} other { und # weitere}} nicht mehr übernehmen: Vielleicht wird eine Vertretung gebraucht.',
  coverAsked: 'Kannst du einspringen? Für den Dienst ({role}) bei „{title}“ am {when} wird jemand gebraucht.',
  coverAskedNote:
    'Kannst du einspringen? Für den Dienst ({role}) bei „{title}“ am {when} wird jemand gebraucht. Die Notiz dazu: „{note}“',
  coverNobodyYou:
    'Gerade kann niemand sonst deinen Dienst ({role} bei „{title}“ am {when}) übernehmen: Die anderen sind abwesend, verhindert oder dafür nicht geschult. Die Inhaber der Gruppe wurden informiert.',
  coverNobody:
    'Niemand kann einspringen: {name} hat um Vertretung gebeten ({role} bei „{title}“ am {when}), und niemand aus der Gesprächsleitung ist frei. Finde jemanden im Dienstplan oder ändere das Treffen.',
  covered:
    'Für deinen Dienst ({role}) bei „{title}“ am {when} gibt es eine Vertretung. Danke, dass du früh gefragt hast.',
  coverWithdrawn:
    'Nicht mehr nötig: {name} hat die Bitte um Vertretung zurückgezogen ({role} bei „{title}“ am {when}). Der Dienst bleibt, wie er war.',
  rosterGap:
    'Lücke im Dienstplan: „{title}“ am {when}.{open, select, none {} other { Noch offen: {open}.}}{unconfirmed, plural, =0 {} one { # Dienst nicht bestätigt.} other { # Dienste nicht bestätigt.}}',
  logCrisisMatched:
    'Ein Beitrag enthielt eine Krisenformulierung; {count, plural, one {# Person wurde} other {# Personen wurden}} informiert',
  logNotTaken: 'Nicht übernommen innerhalb von {minutes, plural, one {# Minute} other {# Minuten}}',
  logFormerMember: 'Ehemaliges Mitglied',
  qaInvited:
    '{name} bittet dich, bei „{title}“ am {when} die Fragen der Mitglieder zu beantworten, in einer Fragestunde von „{group}“. Sag auf der Seite des Treffens zu oder ab.',
  qaAccepted:
    '{name} hat zugesagt: „{title}“ am {when} ist eine Fragestunde. Die Mitglieder können ihre Fragen auf der Seite des Treffens stellen.',
  qaDeclined:
    '{name} hat abgesagt, bei „{title}“ am {when} Fragen zu beantworten. Du kannst auf der Seite des Treffens jemand anderen fragen.',
  questionAnswered: 'Deine Frage zu „{title}“ wurde beantwortet.',
  feedbackAsk:
    'Wie war „{title}“ in „{group}“? Auf der Seite des Treffens kannst du bis {until} anonym sagen, wie es war.',
  'role.lead': 'Hauptgesprächsleitung',
  'role.co': 'Co-Gesprächsleitung',
  'role.host': 'Online-Gastgeber',
  'role.greeter': 'Begrüßung',
  'someone.member': 'ein Mitglied',
  'someone.facilitator': 'jemand aus der Gesprächsleitung',
};
