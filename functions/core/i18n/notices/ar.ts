import type { NoticeTable } from './en';

export const AR: NoticeTable = {
  promoted: 'توفّر مكان: أصبح لك مكان في «{title}» يوم {when}.',
  moved: 'تغيّر موعد «{title}» من {from} إلى {when}.',
  placeChanged: 'تغيّر مكان لقاء «{title}» يوم {when} أو رابطه.',
  cancelled: 'أُلغي لقاء «{title}» يوم {when}: {reason}',
  restored: 'عاد لقاء «{title}» يوم {when}. لم تُحفظ الأماكن والمناوبات: أكّد حضورك مجددًا إن أمكنك المجيء.',
  newMeetup: 'لقاء جديد في «{group}»: «{title}»، {when} ({zone}){repeats, select, yes {، ويتكرر} other {}}.',
  reminder: 'تذكير: «{title}» في «{group}»، {when}.',
  reminderDuty: 'تذكير: لديك مناوبة {role} في «{title}» ضمن «{group}»، {when}.',
  supportRequest:
    'طلب دعم في «{group}»: قد يحتاج منشور من {name} إلى ردّ فيه رعاية واهتمام. تولَّ الطلب، أو اطّلع على من تولّاه.',
  supportAgain: 'منشور جديد من {name} في «{group}»: أُضيف إلى طلب الدعم الذي تولّيته.',
  escalated:
    'لم يتولَّ أحد طلب الدعم بشأن منشور {name} في «{group}» بعد مرور {minutes, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}}. يُرجى تولّيه، أو التأكد من أن أحدًا قد تولّاه.',
  contactAsked: 'طلب تواصل من {name}: يُرجى أن يتواصل أحد ميسّري «{group}».',
  wroteToMember: 'وصلتك رسالة من أحد ميسّري «{group}».',
  wroteToStaff: 'رسالة جديدة من {name} إلى ميسّري «{group}».',
  reported:
    'أُبلغ عن منشور في «{group}»: {reason, select, harmful {ضار أو غير آمن} crisis {قد يكون شخص ما في أزمة} harassment {تحرّش أو تنمّر} misinformation {معلومات صحية مضلِّلة} spam {رسائل مزعجة أو إعلانات} other {شيء آخر}}.',
  reportHandled: 'اطّلع مشرفو «{group}» على منشور أبلغت عنه. شكرًا لحرصك على المجموعة.',
  professionalVerified:
    'أصبح حسابك موثّقًا بصفة مختص: يمكنك الآن توثيق الإدراجات وإضافة ملاحظات تحت المنشورات.',
  professionalDeclined: 'رُفض طلب توثيق حسابك بصفة مختص. يمكنك التقدّم مرة أخرى.',
  professionalDeclinedBecause: 'رُفض طلب توثيق حسابك بصفة مختص: {reason}. يمكنك التقدّم مرة أخرى.',
  dutyAssigned: 'لديك مناوبة: {role} في «{title}» يوم {when}. يُرجى تأكيدها.',
  dutiesAssigned:
    'لديك {count, plural, zero {# مناوبة جديدة} one {مناوبة جديدة} two {مناوبتان جديدتان} few {# مناوبات جديدة} many {# مناوبة جديدة} other {# مناوبة جديدة}} في {group}. يُرجى {count, plural, one {تأكيدها} two {تأكيدهما} other {تأكيدها}} في صفحة «مناوباتي».',
  dutyMoved: 'تغيّر موعد مناوبتك في «{title}»: أصبحت يوم {when}.',
  dutyOff: 'أُلغيت مناوبتك في «{title}» يوم {when}: أُلغي اللقاء.',
  dutiesReleased:
    'كانت {count, plural, zero {# مناوبة} one {مناوبة واحدة} two {مناوبتان} few {# مناوبات} many {# مناوبة} other {# مناوبة}} مسندة إلى أحد الميسّرين ممن غادروا أو توقفوا عن التيسير، ابتداءً من «{title}» يوم {when}: {count, plural, one {أصبحت شاغرة من جديد} two {أصبحتا شاغرتين من جديد} other {أصبحت شاغرة من جديد}}.',
  cantMake:
    'لم يعد بإمكان {name} القيام بمناوبة {role} يوم {when}{more, plural, =0 {} one { ومناوبة أخرى} two { ومناوبتين أخريين} few { و# مناوبات أخرى} many { و# مناوبة أخرى} other { و# مناوبة أخرى}}: قد تحتاج إلى من يغطيها.',
  coverAsked: 'هل يمكنك التغطية؟ مناوبة {role} في «{title}» يوم {when} تحتاج إلى من يتولاها.',
  coverAskedNote:
    'هل يمكنك التغطية؟ مناوبة {role} في «{title}» يوم {when} تحتاج إلى من يتولاها. الملاحظة المرفقة: «{note}»',
  coverNobodyYou:
    'لا أحد غيرك يستطيع تغطية مناوبتك ({role} في «{title}» يوم {when}) الآن: الآخرون غائبون أو مشغولون أو غير مدرَّبين عليها. أُبلغ مالكو المجموعة.',
  coverNobody:
    'لا أحد يستطيع التغطية: وصل طلب تغطية من {name} ({role} في «{title}» يوم {when}) ولا يوجد ميسّر متاح. ابحث عن أحد في جدول المناوبات، أو عدّل اللقاء.',
  covered: 'وُجد من يغطي مناوبتك ({role}) في «{title}» يوم {when}. شكرًا لأنك طلبت ذلك مبكرًا.',
  coverWithdrawn:
    'لم يعد ذلك لازمًا: سُحب طلب التغطية المقدَّم من {name} ({role} في «{title}» يوم {when}). تبقى المناوبة لصاحب الطلب.',
  rosterGap:
    'نقص في جدول المناوبات: «{title}» يوم {when}.{open, select, none {} other { ما زال ينقص: {open}.}}{unconfirmed, plural, =0 {} one { مناوبة واحدة غير مؤكدة.} two { مناوبتان غير مؤكدتين.} few { # مناوبات غير مؤكدة.} many { # مناوبة غير مؤكدة.} other { # مناوبة غير مؤكدة.}}',
  logCrisisMatched:
    'تطابق منشور مع عبارة أزمة؛ أُبلغ {count, plural, zero {لا أحد} one {شخص واحد} two {شخصان} few {# أشخاص} many {# شخصًا} other {# شخص}}',
  logNotTaken:
    'لم يتولَّه أحد خلال {minutes, plural, zero {أقل من دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}}',
  logFormerMember: 'عضو سابق',
  qaInvited:
    'يطلب منك {name} الإجابة عن أسئلة الأعضاء في «{title}» يوم {when}، وهي جلسة أسئلة وأجوبة في «{group}». يمكنك القبول أو الاعتذار من صفحتها.',
  qaAccepted: 'وافق {name}: أصبح «{title}» يوم {when} جلسة أسئلة وأجوبة. يمكن للأعضاء طرح أسئلتهم في صفحته.',
  qaDeclined:
    'اعتذر {name} عن الإجابة عن الأسئلة في «{title}» يوم {when}. يمكنك أن تطلب ذلك من شخص آخر في صفحته.',
  questionAnswered: 'تمت الإجابة عن سؤالك في «{title}».',
  feedbackAsk: 'كيف كان «{title}» في «{group}»؟ يمكنك أن تقول رأيك فيه في صفحته، دون ذكر اسمك، حتى {until}.',
  'role.lead': 'الميسّر الرئيسي',
  'role.co': 'الميسّر المشارك',
  'role.host': 'المضيف عبر الإنترنت',
  'role.greeter': 'الاستقبال',
  'someone.member': 'أحد الأعضاء',
  'someone.facilitator': 'أحد الميسّرين',
};
