import type { NoticeTable } from './en';

export const FR: NoticeTable = {
  promoted: 'Une place s’est libérée : vous participez désormais à « {title} » le {when}.',
  moved: 'La rencontre « {title} » est déplacée du {from} au {when}.',
  placeChanged: 'Le lieu ou le lien de « {title} » du {when} a changé.',
  cancelled: 'La rencontre « {title} » du {when} est annulée : {reason}',
  restored:
    'La rencontre « {title} » du {when} est rétablie. Les places et les permanences n’ont pas été conservées : répondez à nouveau si vous pouvez venir.',
  newMeetup:
    'Nouvelle rencontre dans « {group} » : « {title} », {when} ({zone}){repeats, select, yes {, et elle se répète} other {}}.',
  reminder: 'Rappel : « {title} » dans « {group} », {when}.',
  reminderDuty: 'Rappel : vous êtes de permanence ({role}) à « {title} » dans « {group} », {when}.',
  supportRequest:
    'Demande de soutien dans « {group} » : un message de {name} appelle peut-être une réponse bienveillante. Prenez-la en charge, ou voyez qui s’en occupe.',
  supportAgain:
    '{name} a publié un nouveau message dans « {group} » : il a été ajouté à la demande de soutien que vous avez prise en charge.',
  escalated:
    'Personne n’a pris en charge la demande de soutien concernant {name} dans « {group} » depuis {minutes, plural, one {# minute} other {# minutes}}. Merci de la prendre en charge, ou de vous assurer que quelqu’un l’a fait.',
  contactAsked: '{name} aimerait qu’un animateur de « {group} » prenne contact.',
  wroteToMember: 'Une personne de l’équipe d’animation de « {group} » vous a écrit.',
  wroteToStaff: '{name} a écrit aux animateurs de « {group} ».',
  reported:
    'Un message a été signalé dans « {group} » : {reason, select, harmful {nuisible ou dangereux} crisis {quelqu’un est peut-être en crise} harassment {harcèlement ou intimidation} misinformation {informations de santé trompeuses} spam {spam ou publicité} other {autre chose}}.',
  reportHandled:
    'Les modérateurs de « {group} » ont examiné un message que vous avez signalé. Merci de veiller sur le groupe.',
  professionalVerified:
    'Votre demande pour devenir professionnel vérifié a été acceptée : vous pouvez désormais vérifier des fiches et ajouter des notes sous les messages.',
  professionalDeclined:
    'Votre demande pour devenir professionnel vérifié a été refusée. Vous pouvez en déposer une nouvelle.',
  professionalDeclinedBecause:
    'Votre demande pour devenir professionnel vérifié a été refusée : {reason}. Vous pouvez en déposer une nouvelle.',
  dutyAssigned: 'Vous avez une permanence : {role} à « {title} » le {when}. Merci de la confirmer.',
  dutiesAssigned:
    'Vous avez {count, plural, one {# nouvelle permanence} other {# nouvelles permanences}} dans {group}. Merci de {count, plural, one {la confirmer} other {les confirmer}} dans Mes permanences.',
  dutyMoved: 'Votre permanence à « {title} » est déplacée : elle a maintenant lieu le {when}.',
  dutyOff: 'Votre permanence à « {title} » du {when} n’a plus lieu : la rencontre est annulée.',
  dutiesReleased:
    'Une personne qui est partie ou qui n’anime plus avait {count, plural, one {une permanence} other {# permanences}} à partir de « {title} » du {when} : {count, plural, one {elle est de nouveau à pourvoir} other {elles sont de nouveau à pourvoir}}.',
  cantMake:
    '{name} ne peut plus assurer sa permanence ({role}) du {when}{more, plural, =0 {} one { ni # autre} other { ni # autres}} : il faudra peut-être un remplacement.',
  coverAsked:
    'Pouvez-vous assurer un remplacement ? Il faut quelqu’un pour la permanence ({role}) à « {title} » le {when}.',
  coverAskedNote:
    'Pouvez-vous assurer un remplacement ? Il faut quelqu’un pour la permanence ({role}) à « {title} » le {when}. Son message : « {note} »',
  coverNobodyYou:
    'Personne d’autre ne peut assurer votre permanence ({role} à « {title} » le {when}) pour l’instant : les autres sont absents, pris ou pas formés pour ce rôle. Les propriétaires du groupe ont été prévenus.',
  coverNobody:
    'Personne ne peut remplacer : {name} a demandé un remplacement ({role} à « {title} » le {when}) et aucun animateur n’est disponible. Trouvez quelqu’un dans le planning, ou modifiez la rencontre.',
  covered:
    'Quelqu’un vous remplace pour votre permanence ({role}) à « {title} » le {when}. Merci d’avoir demandé tôt.',
  coverWithdrawn:
    'Plus besoin de remplacement : {name} a retiré sa demande ({role} à « {title} » le {when}). La permanence reste la sienne.',
  rosterGap:
    'Planning incomplet : « {title} » le {when}.{open, select, none {} other { Encore à pourvoir : {open}.}}{unconfirmed, plural, =0 {} one { # permanence non confirmée.} other { # permanences non confirmées.}}',
  logCrisisMatched:
    'Une publication correspondait à une phrase de crise ; {count, plural, one {# personne prévenue} other {# personnes prévenues}}',
  logNotTaken: 'Pas prise en charge en {minutes, plural, one {# minute} other {# minutes}}',
  logFormerMember: 'Ex-membre',
  qaInvited:
    '{name} vous propose de répondre aux questions des membres lors de « {title} » le {when}, une séance de questions-réponses dans « {group} ». Acceptez ou déclinez sur sa page.',
  qaAccepted:
    '{name} a accepté : « {title} » le {when} est une séance de questions-réponses. Les membres peuvent poser leurs questions sur sa page.',
  qaDeclined:
    '{name} a décliné la séance de questions-réponses de « {title} » le {when}. Vous pouvez solliciter quelqu’un d’autre sur sa page.',
  questionAnswered: 'Votre question pour « {title} » a reçu une réponse.',
  feedbackAsk:
    'Comment s’est passée la rencontre « {title} » dans « {group} » ? Vous pouvez le dire sur sa page, anonymement, jusqu’au {until}.',
  'role.lead': 'animateur principal',
  'role.co': 'co-animateur',
  'role.host': 'hôte en ligne',
  'role.greeter': 'accueil',
  'someone.member': 'un membre',
  'someone.facilitator': 'une personne de l’équipe d’animation',
};
