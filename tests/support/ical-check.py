"""libical's verdict on an iCalendar stream read from stdin, as JSON on stdout.

Parse errors are reported as X-LIC-ERROR properties. The iTIP restriction check applies only
under a METHOD, and a feed has none (RFC 5545 publishing), so the stream is checked a second
time as METHOD:PUBLISH with an ORGANIZER on each event: that is the table of what a published
event must carry (one UID, one DTSTAMP, one DTSTART, valid STATUS, ...).
Run with Debian's python3 and gir1.2-ical-3.0.
"""
import json
import sys

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib  # noqa: E402


def errors_in(component):
    found = []
    prop = component.get_first_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    while prop is not None:
        found.append(prop.as_ical_string().replace("\r\n ", "").strip())
        prop = component.get_next_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    child = component.get_first_component(ICalGLib.ComponentKind.ANY_COMPONENT)
    while child is not None:
        found.extend(errors_in(child))
        child = component.get_next_component(ICalGLib.ComponentKind.ANY_COMPONENT)
    return found


def main():
    text = sys.stdin.read()
    parsed = ICalGLib.Component.new_from_string(text)
    if parsed is None:
        print(json.dumps({"ok": False, "errors": ["libical could not parse the stream"]}))
        return
    errors = errors_in(parsed)
    published = text.replace("BEGIN:VCALENDAR\r\n", "BEGIN:VCALENDAR\r\nMETHOD:PUBLISH\r\n", 1).replace(
        "BEGIN:VEVENT\r\n", "BEGIN:VEVENT\r\nORGANIZER:mailto:check@hearth.invalid\r\n"
    )
    strict = ICalGLib.Component.new_from_string(published)
    passed = bool(ICalGLib.restriction_check(strict))
    errors.extend(errors_in(strict))
    print(json.dumps({"ok": passed and not errors, "errors": errors}))


main()
