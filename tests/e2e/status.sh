#!/usr/bin/env bash
# escalate status: goldens at several --now values over a repository of records at different
# stages (a promise due and then overdue, triage running, a PIR across Christmas bank holidays
# and weekends, a closed-out record that stays quiet, a lead handover), the exit status, the
# JSON view and the iCalendar feed (parsed by python3-icalendar, byte-identical on a second run).
# UPDATE_GOLDEN=1 (or ESCALATE_UPDATE_GOLDEN=1) rewrites the goldens (review the diff).
source "$(dirname "$0")/lib.sh"
DIR=tests/data/status/incidents
GOLD=tests/golden/status

# golden NAME EXIT -- args...: runs status, compares stdout with $GOLD/NAME and the exit status.
golden() { local name=$1 want=$2; shift 3; golden_run "$name" "$want" -- status "$@"; }
mkdir -p "$GOLD"

# 10:35 on Wed 23 Dec: the 10:40 promise is due in 5 minutes, triage's 10:45 deadline in 10.
golden 1-promise-due.txt 0 -- --now 2026-12-23T10:35:00Z "$DIR"
# 10:40:59 is still the promised minute: not overdue (the model compares minutes).
golden 2-promised-minute.txt 0 -- --now 2026-12-23T10:40:59Z "$DIR"
# 11:00: the promise is 20 minutes overdue, triage 15: exit 1.
golden 3-overdue.txt 1 -- --now 2026-12-23T11:00:00Z "$DIR"
# Christmas Eve with a week's view: the PIR meeting is due Mon 4 Jan 2027 (bank holidays and
# the weekend skipped), Priya Nair leads ESC-2026-0205 since the handover.
golden 4-christmas-week.txt 1 -- --now 2026-12-24T09:00:00Z --within 14d "$DIR"
# Only Priya Nair's items (names compared as people write them): nothing of hers is overdue.
golden 5-owner.txt 0 -- --now 2026-12-24T09:00:00Z --within 14d --owner "priya  nair" "$DIR"
# Tue 5 Jan 2027: the PIR meeting was due by the end of Mon 4 Jan.
golden 6-pir-overdue.txt 1 -- --now 2027-01-05T09:00:00Z --within 2bd --owner "Dana Whitfield" "$DIR"
# Fri 8 Jan 2027 with two business days ahead (to Tue 12 Jan, over the weekend): the commitment
# due today and the written PIR due Mon 11 Jan.
golden 9-over-the-weekend.txt 1 -- --now 2027-01-08T12:00:00Z --within 2bd "$DIR"
golden 7-christmas-week.json 1 -- --now 2026-12-24T09:00:00Z --within 14d --format json "$DIR"
golden 8-christmas-week.ics 1 -- --now 2026-12-24T09:00:00Z --within 14d --format ics "$DIR"

# The closed-out record (resolved, PIR delivered) is never listed, even with an open commitment.
if grep -q "ESC-2026-0204" "$TMP/7-christmas-week.json"; then fail "closed-out record listed"; else pass "closed-out record quiet"; fi

# The feed: a second run is byte-identical, python3-icalendar reads it and it matches the JSON.
"$ESCALATE" status --now 2026-12-24T09:00:00Z --within 14d --format ics -o "$TMP/again.ics" "$DIR"
if cmp -s "$TMP/again.ics" "$TMP/8-christmas-week.ics"; then pass "ics byte-identical"; else fail "ics differs between runs"; fi
if $PY tests/tools/check_ics.py "$TMP/8-christmas-week.ics" "$TMP/7-christmas-week.json"; then pass "ics matches json"; else fail "ics does not match json"; fi
"$ESCALATE" status --now 2026-12-23T10:35:00Z --format json "$DIR" >"$TMP/a.json"
"$ESCALATE" status --now 2026-12-23T10:35:00Z --format ics "$DIR" >"$TMP/a.ics"
if $PY tests/tools/check_ics.py "$TMP/a.ics" "$TMP/a.json"; then pass "ics (promise due) matches json"; else fail "ics (promise due) does not match json"; fi

# A display zone (display_timezone: Europe/London) across the end of British Summer Time: the
# 00:30 UTC promise is 01:30 BST; after 01:00 UTC the screen reads GMT.
ZONE=tests/data/status-zone
golden 10-zone-bst.txt 0 -- --now 2026-10-25T00:15:00Z --within 2d "$ZONE"
golden 11-zone-gmt.txt 1 -- --now 2026-10-25T01:15:00Z --within 2d "$ZONE"
# The zone is shown in text only: the JSON and the feed are in UTC as before.
"$ESCALATE" status --now 2026-10-25T00:15:00Z --within 2d --format json "$ZONE" >"$TMP/zone.json"
"$ESCALATE" status --now 2026-10-25T00:15:00Z --within 2d --format ics "$ZONE" >"$TMP/zone.ics"
if $PY tests/tools/check_ics.py "$TMP/zone.ics" "$TMP/zone.json"; then pass "zone: ics matches json"; else fail "zone: ics does not match json"; fi
# A zone that does not exist is a configuration error at its place.
mkdir -p "$TMP/badzone"
printf 'display_timezone: Europe/Lndon\n' >"$TMP/badzone/.escalate.yaml"
cp "$ZONE/ESC-2026-0210.yaml" "$TMP/badzone/"
expect_exit 2 "an unknown display_timezone" -- "$ESCALATE" status --now 2026-10-25T00:15:00Z "$TMP/badzone"
expect_contains "$TMP/err" ".escalate.yaml:1:19: configuration: display_timezone: 'Europe/Lndon' is not a time zone in the installed IANA database (tzdata)" "unknown zone message"

# Facts or owners not confirmed before the first customer update, and "At key milestones": at
# 09:05 containment has not been reached; at 09:50 it has (09:10), after the initial notification
# that reached the customer exec sponsor, and progress update #1 did not reach them.
MS=tests/data/status-milestones
golden 12-milestones-0905.txt 0 -- --now 2026-11-02T09:05:00Z "$MS"
golden 13-milestones-0950.txt 0 -- --now 2026-11-02T09:50:00Z "$MS"
golden 14-milestones-1045.txt 1 -- --now 2026-11-02T10:45:00Z "$MS"
golden 15-milestones-0950.json 0 -- --now 2026-11-02T09:50:00Z --format json "$MS"
"$ESCALATE" status --now 2026-11-02T09:50:00Z --format ics "$MS" >"$TMP/ms.ics"
if $PY tests/tools/check_ics.py "$TMP/ms.ics" "$TMP/15-milestones-0950.json"; then pass "milestones: ics matches json"; else fail "milestones: ics does not match json"; fi

# Errors: exit 2, file:line:col, nothing on stdout.
expect_exit 2 "a record that does not load" -- "$ESCALATE" status --now 2026-12-23T10:35:00Z "$DIR" tests/data/status/broken
expect_contains "$TMP/err" "tests/data/status/broken/ESC-2026-0299.yaml:6:1: error: invalid YAML" "the broken record's place"
if [ -s "$TMP/out" ]; then fail "partial output on a load error"; else pass "no partial output"; fi
expect_exit 2 "a bad --within" -- "$ESCALATE" status --within soon "$DIR"
expect_contains "$TMP/err" "--within must be a duration" "--within message"
expect_exit 2 "a bad --format" -- "$ESCALATE" status --format pdf "$DIR"
expect_exit 2 "a missing path" -- "$ESCALATE" status --now 2026-12-23T10:35:00Z tests/data/status/nowhere
finish
