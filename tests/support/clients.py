#!/usr/bin/env python3
"""Expands a calendar as two real clients' engines do, for the feed tests.

Usage: clients.py ENGINE FROM_MS UNTIL_MS < calendar.ics
       clients.py alarms ENGINE < calendar.ics   (ENGINE: khal, icalendar, libical)
  ENGINE: "rie"     Python's recurring-ical-events on icalendar
          "libical" libical's own recurrence expansion (icalcomponent_foreach_recurrence, as
                    Evolution's backends use it), with overrides put in place of what they override
Prints a JSON list of instances: {"uid", "start", "end" (epoch ms), "status", "summary"}; or,
for alarms, each event's reminders: {uid: [[minutes before the start, text], ...]}.
Run with Debian's python3 (PATH=$(getconf PATH)): its icalendar and gi bindings are Debian's.
"""
import json
import sys
from datetime import datetime, timezone


def ms(dt):
    if not isinstance(dt, datetime):  # an all-day date: midnight UTC
        dt = datetime(dt.year, dt.month, dt.day, tzinfo=timezone.utc)
    if dt.tzinfo is None:
        raise SystemExit(f"floating time {dt}: no client can place it")
    return int(dt.timestamp() * 1000)


def rie(text, start, end):
    import icalendar
    import recurring_ical_events

    cal = icalendar.Calendar.from_ical(text)
    lo = datetime.fromtimestamp(start / 1000, timezone.utc)
    hi = datetime.fromtimestamp(end / 1000, timezone.utc)
    out = []
    for e in recurring_ical_events.of(cal).between(lo, hi):
        out.append({
            "uid": str(e.get("UID")),
            "start": ms(e.decoded("DTSTART")),
            "end": ms(e.decoded("DTEND")),
            "status": str(e.get("STATUS")) if e.get("STATUS") else None,
            "summary": str(e.get("SUMMARY")),
        })
    return out


def libical(text, start, end):
    import gi

    gi.require_version("ICalGLib", "3.0")
    from gi.repository import ICalGLib as I

    utc = I.Timezone.get_utc_timezone()
    cal = I.Component.new_from_string(text)

    def instant(t, prop_tzid=None):
        zone = t.get_timezone()
        if zone is None and prop_tzid:
            zone = cal.get_timezone(prop_tzid)
        return t.as_timet_with_zone(zone if zone is not None else utc) * 1000

    def tzid_of(comp, kind):
        prop = comp.get_first_property(kind)
        param = prop.get_first_parameter(I.ParameterKind.TZID_PARAMETER) if prop else None
        return param.get_tzid() if param else None

    events = []
    comp = cal.get_first_component(I.ComponentKind.VEVENT_COMPONENT)
    while comp is not None:
        events.append(comp)
        comp = cal.get_next_component(I.ComponentKind.VEVENT_COMPONENT)

    def describe(comp, s, e):
        status = comp.get_status()
        names = {I.PropertyStatus.CONFIRMED: "CONFIRMED", I.PropertyStatus.CANCELLED: "CANCELLED",
                 I.PropertyStatus.TENTATIVE: "TENTATIVE"}
        return {"uid": comp.get_uid(), "start": s, "end": e, "status": names.get(status),
                "summary": comp.get_summary()}

    overrides = {}
    for comp in events:
        rid = comp.get_recurrenceid()
        if rid is not None and not rid.is_null_time():
            overrides.setdefault(comp.get_uid(), {})[instant(rid, tzid_of(comp, I.PropertyKind.RECURRENCEID_PROPERTY))] = comp

    lo = I.Time.new_from_timet_with_zone(start // 1000, 0, utc)
    hi = I.Time.new_from_timet_with_zone(end // 1000, 0, utc)
    out = []
    for comp in events:
        rid = comp.get_recurrenceid()
        if rid is not None and not rid.is_null_time():
            continue
        uid = comp.get_uid()
        own = overrides.get(uid, {})
        spans = []
        comp.foreach_recurrence(lo, hi, lambda c, span, data: spans.append((span.get_start(), span.get_end())), None)
        for s, e in spans:
            if s * 1000 in own:
                continue
            out.append(describe(comp, s * 1000, e * 1000))
        for o in own.values():
            s = instant(o.get_dtstart(), tzid_of(o, I.PropertyKind.DTSTART_PROPERTY))
            e = instant(o.get_dtend(), tzid_of(o, I.PropertyKind.DTEND_PROPERTY))
            if start <= s <= end:
                out.append(describe(o, s, e))
    return out


def alarms(engine, text):
    """Each event's reminders as the engine reads them: minutes before the start, and the text."""
    out = {}
    if engine == "libical":
        import gi

        gi.require_version("ICalGLib", "3.0")
        from gi.repository import ICalGLib as I

        cal = I.Component.new_from_string(text)
        ev = cal.get_first_component(I.ComponentKind.VEVENT_COMPONENT)
        while ev is not None:
            found = []
            al = ev.get_first_component(I.ComponentKind.VALARM_COMPONENT)
            while al is not None:
                trigger = al.get_first_property(I.PropertyKind.TRIGGER_PROPERTY).get_trigger()
                text_prop = al.get_first_property(I.PropertyKind.DESCRIPTION_PROPERTY)
                found.append([-trigger.get_duration().as_int() // 60, text_prop.get_description() if text_prop else None])
                al = ev.get_next_component(I.ComponentKind.VALARM_COMPONENT)
            out[ev.get_uid()] = found
            ev = cal.get_next_component(I.ComponentKind.VEVENT_COMPONENT)
        return out
    import icalendar

    cal = icalendar.Calendar.from_ical(text)
    if engine == "icalendar":
        for ev in cal.walk("VEVENT"):
            out[str(ev["UID"])] = [
                [int(-a.decoded("TRIGGER").total_seconds() // 60), str(a.get("DESCRIPTION"))]
                for a in ev.walk("VALARM")
            ]
        return out
    # khal: its own event class, given each event with the calendar's zones.
    from datetime import timezone as tz
    from khal.khalendar.event import Event

    locale = {"local_timezone": tz.utc, "default_timezone": tz.utc, "timeformat": "%H:%M",
              "dateformat": "%Y-%m-%d", "longdateformat": "%Y-%m-%d",
              "datetimeformat": "%Y-%m-%d %H:%M", "longdatetimeformat": "%Y-%m-%d %H:%M",
              "unicode_symbols": True, "weeknumbers": False, "firstweekday": 0}
    for ev in cal.walk("VEVENT"):
        one = icalendar.Calendar()
        for zone in cal.walk("VTIMEZONE"):
            one.add_component(zone)
        one.add_component(ev)
        event = Event.fromString(one.to_ical().decode(), locale=locale)
        out[event.uid] = [[int(-d.total_seconds() // 60), str(t)] for d, t in event.alarms]
    return out


if __name__ == "__main__":
    if sys.argv[1] == "alarms":
        print(json.dumps(alarms(sys.argv[2], sys.stdin.read())))
        sys.exit(0)
    engine, lo, hi = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    text = sys.stdin.read()
    found = {"rie": rie, "libical": libical}[engine](text, lo, hi)
    print(json.dumps(sorted(found, key=lambda i: (i["start"], i["uid"]))))
