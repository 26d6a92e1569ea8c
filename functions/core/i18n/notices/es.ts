import type { NoticeTable } from './en';

export const ES: NoticeTable = {
  promoted: 'Se ha liberado una plaza: ya tienes sitio en «{title}» el {when}.',
  moved: '«{title}» se ha trasladado del {from} al {when}.',
  placeChanged: 'Ha cambiado el lugar o el enlace de «{title}» del {when}.',
  cancelled: 'Se ha cancelado «{title}» del {when}: {reason}',
  restored:
    '«{title}» del {when} vuelve a estar en marcha. No se han guardado las plazas ni los turnos: vuelve a confirmar asistencia si puedes venir.',
  newMeetup:
    'Nuevo encuentro en «{group}»: «{title}», {when} ({zone}){repeats, select, yes {, y se repite} other {}}.',
  reminder: 'Recordatorio: «{title}» en «{group}», {when}.',
  reminderDuty: 'Recordatorio: tienes el turno de {role} en «{title}» de «{group}», {when}.',
  supportRequest:
    'Solicitud de apoyo en «{group}»: puede que un mensaje de {name} necesite una respuesta atenta. Hazte cargo o mira quién se ha hecho cargo.',
  supportAgain:
    '{name} ha vuelto a escribir en «{group}»: el mensaje se ha añadido a la solicitud de apoyo de la que te hiciste cargo.',
  escalated:
    'Nadie se ha hecho cargo de la solicitud de apoyo de {name} en «{group}» tras {minutes, plural, one {# minuto} other {# minutos}}. Hazte cargo tú, por favor, o asegúrate de que alguien lo haya hecho.',
  contactAsked: '{name} ha pedido que un facilitador de «{group}» se ponga en contacto.',
  wroteToMember: 'Alguien del equipo de facilitación de «{group}» te ha escrito.',
  wroteToStaff: '{name} ha escrito a los facilitadores de «{group}».',
  reported:
    'Se ha reportado un mensaje en «{group}»: {reason, select, harmful {dañino o peligroso} crisis {alguien puede estar en crisis} harassment {acoso o intimidación} misinformation {información de salud engañosa} spam {spam o publicidad} other {otra cosa}}.',
  reportHandled:
    'Los moderadores de «{group}» han revisado un mensaje que reportaste. Gracias por cuidar del grupo.',
  professionalVerified:
    'Se ha aceptado tu solicitud para ser profesional verificado: ya puedes verificar fichas y añadir notas bajo los mensajes.',
  professionalDeclined:
    'Se ha rechazado tu solicitud para ser profesional verificado. Puedes volver a solicitarlo.',
  professionalDeclinedBecause:
    'Se ha rechazado tu solicitud para ser profesional verificado: {reason}. Puedes volver a solicitarlo.',
  dutyAssigned: 'Tienes un turno: {role} en «{title}» el {when}. Confírmalo, por favor.',
  dutiesAssigned:
    'Tienes {count, plural, one {# turno nuevo} other {# turnos nuevos}} en {group}. {count, plural, one {Confírmalo} other {Confírmalos}} en Mis turnos, por favor.',
  dutyMoved: 'Tu turno en «{title}» ha cambiado de fecha: ahora es el {when}.',
  dutyOff: 'Tu turno en «{title}» del {when} se anula: el encuentro se ha cancelado.',
  dutiesReleased:
    'Una persona que se ha ido o ha dejado de facilitar tenía {count, plural, one {un turno} other {# turnos}} a partir de «{title}» del {when}: {count, plural, one {vuelve a estar libre} other {vuelven a estar libres}}.',
  cantMake:
    '{name} ya no puede hacer su turno de {role} del {when}{more, plural, =0 {} one { ni # más} other { ni # más}}: quizá haga falta una sustitución.',
  coverAsked: '¿Puedes cubrirlo? El turno de {role} en «{title}» del {when} necesita a alguien.',
  coverAskedNote:
    '¿Puedes cubrirlo? El turno de {role} en «{title}» del {when} necesita a alguien. Su nota: «{note}»',
  coverNobodyYou:
    'Ahora mismo nadie más puede cubrir tu turno ({role} en «{title}» el {when}): el resto está ausente, tiene otro compromiso o no tiene formación para ese turno. Se ha avisado a los propietarios del grupo.',
  coverNobody:
    'Nadie puede cubrirlo: {name} pidió que le cubrieran ({role} en «{title}» el {when}) y no hay ningún facilitador libre. Busca a alguien en el cuadrante o cambia el encuentro.',
  covered: 'Ya hay quien cubra tu turno de {role} en «{title}» del {when}. Gracias por pedirlo con tiempo.',
  coverWithdrawn:
    'Ya no hace falta: {name} ha retirado su petición de que le cubran ({role} en «{title}» el {when}). El turno sigue siendo suyo.',
  rosterGap:
    'Hueco en el cuadrante: «{title}» el {when}.{open, select, none {} other { Por cubrir: {open}.}}{unconfirmed, plural, =0 {} one { # turno sin confirmar.} other { # turnos sin confirmar.}}',
  logCrisisMatched:
    'Una publicación coincidió con una frase de crisis; se avisó a {count, plural, one {# persona} other {# personas}}',
  logNotTaken: 'Nadie se hizo cargo en {minutes, plural, one {# minuto} other {# minutos}}',
  logFormerMember: 'Exmiembro',
  qaInvited:
    '{name} te pide que respondas a las preguntas de los miembros en «{title}» el {when}, una sesión de preguntas y respuestas en «{group}». Acepta o rechaza en su página.',
  qaAccepted:
    '{name} ha aceptado: «{title}» el {when} es una sesión de preguntas y respuestas. Los miembros pueden hacer sus preguntas en su página.',
  qaDeclined:
    '{name} ha rechazado responder preguntas en «{title}» el {when}. Puedes pedírselo a otra persona en su página.',
  questionAnswered: 'Tu pregunta en «{title}» tiene respuesta.',
  feedbackAsk:
    '¿Qué tal fue «{title}» en «{group}»? Puedes decir cómo fue en su página, de forma anónima, hasta el {until}.',
  'role.lead': 'facilitador principal',
  'role.co': 'cofacilitador',
  'role.host': 'anfitrión en línea',
  'role.greeter': 'recepción',
  'someone.member': 'un miembro',
  'someone.facilitator': 'alguien del equipo de facilitación',
};
