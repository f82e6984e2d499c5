#!/usr/bin/python3
"""Parses an `escalate status --format ics` feed with python3-icalendar and checks it against the
JSON view of the same run: one VEVENT per item with the same UID and instant (a timed event at a
deadline minute, an all-day event on a date deadline), a DISPLAY alarm 15 minutes before each
customer-update deadline and none elsewhere, DTSTAMP = --now.

usage: check_ics.py FEED.ics STATUS.json
"""
import datetime
import json
import sys

from icalendar import Calendar


def main():
    ics_path, json_path = sys.argv[1], sys.argv[2]
    with open(ics_path, "rb") as f:
        cal = Calendar.from_ical(f.read())
    with open(json_path, encoding="utf-8") as f:
        status = json.load(f)
    problems = []
    if str(cal.get("VERSION")) != "2.0":
        problems.append("VERSION is not 2.0")
    events = {str(e.get("UID")): e for e in cal.walk("VEVENT")}
    if len(events) != len(status["items"]):
        problems.append(f"{len(events)} events for {len(status['items'])} items")
    now = datetime.datetime.fromisoformat(status["now"].replace("Z", "+00:00"))
    for item in status["items"]:
        event = events.get(item["uid"])
        if event is None:
            problems.append(f"no event with UID {item['uid']}")
            continue
        start = event.decoded("DTSTART")
        if "due_date" in item:
            want = datetime.date.fromisoformat(item["due_date"])
            if isinstance(start, datetime.datetime) or start != want:
                problems.append(f"{item['uid']}: DTSTART {start!r}, want the all-day {want}")
        else:
            want = datetime.datetime.fromisoformat(item["due"].replace("Z", "+00:00"))
            if not isinstance(start, datetime.datetime) or start != want or start.utcoffset() != datetime.timedelta(0):
                problems.append(f"{item['uid']}: DTSTART {start!r}, want {want}")
        if event.decoded("DTSTAMP") != now:
            problems.append(f"{item['uid']}: DTSTAMP {event.decoded('DTSTAMP')!r}, want --now {now}")
        if item["record"] not in str(event.get("SUMMARY")):
            problems.append(f"{item['uid']}: SUMMARY {event.get('SUMMARY')!r} does not name {item['record']}")
        alarms = event.walk("VALARM")
        if item["kind"] == "customer-update":
            if len(alarms) != 1:
                problems.append(f"{item['uid']}: {len(alarms)} alarms, want 1")
            elif alarms[0].decoded("TRIGGER") != datetime.timedelta(minutes=-15) or str(alarms[0].get("ACTION")) != "DISPLAY":
                problems.append(f"{item['uid']}: alarm {alarms[0].to_ical()!r}, want DISPLAY 15 minutes before")
        elif alarms:
            problems.append(f"{item['uid']}: an alarm on a {item['kind']} deadline")
    for p in problems:
        print("check_ics:", p, file=sys.stderr)
    if not problems:
        print(f"check_ics: {len(events)} events match the JSON view")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
