// draft-record-mismatch (with --incident FILE): the draft disagrees with its incident record —
// account, status, update number, next update time or post-incident review date.
#include <algorithm>
#include <cctype>

#include "core/text.h"
#include "load/presence.h"
#include "model/escalation.h"
#include "rules/draft_lint.h"
#include "rules/rule.h"

namespace esc {

namespace {

// "fixtures/ESC-2026-0142.yaml:112:13" for messages: notes can only point into the draft.
std::string where(const Incident& in, const Loc& loc) {
  return format_location(in.path, loc.mark);
}

std::optional<Status> status_word(std::string_view value) {
  std::string low = one_line(value.substr(0, 12));
  for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (Status s : {Status::ongoing, Status::contained, Status::resolved}) {
    std::string_view name = name_of(s);
    if (low.starts_with(name) && (low.size() == name.size() || !std::isalpha(static_cast<unsigned char>(low[name.size()]))))
      return s;
  }
  return std::nullopt;
}

// The communication in the record that this draft is, when it is already listed: the initial
// notification, progress update #N, or the resolution notification. nullptr for a new one.
const Communication* same_communication(const Record& r, DraftType type, std::optional<long long> number) {
  for (const Communication& c : r.comms()) {
    if (!c.type) continue;
    if (type == DraftType::initial && *c.type == CommType::initial) return &c;
    if (type == DraftType::resolution && *c.type == CommType::resolution) return &c;
    if (type == DraftType::progress && *c.type == CommType::progress && number && c.number && *c.number == *number)
      return &c;
  }
  return nullptr;
}

// False (and a finding) when a new progress update's number is not the next in sequence.
bool check_number(const DraftContext& ctx, const Incident& in, DraftFindings& findings) {
  const Communication* last = nullptr;
  for (const Communication& c : in.record.comms()) {
    if (!c.type || *c.type != CommType::progress) continue;
    if (!c.number) return true;  // missing or invalid (reported on the record): the sequence is unknown
    if (!last || *c.number > *last->number) last = &c;
  }
  const long long expected = last ? *last->number + 1 : 1;
  const long long n = *ctx.subject.number;
  if (n == expected) return true;
  std::string message = "update #" + std::to_string(n) + " is not next in sequence: ";
  message += last ? "the record's last progress update is #" + std::to_string(*last->number) + " (" +
                        where(in, last->number.loc) + "), so this one is #" + std::to_string(expected)
                  : "the record has no progress update yet, so this one is #1";
  findings.add(ctx.draft.subject_mark(ctx.subject.number_offset), message);
  return false;
}

void check(const DraftContext& ctx, DraftFindings& findings) {
  if (!ctx.incident || !ctx.draft.subject) return;
  const Incident& in = *ctx.incident;
  const Record& r = in.record;
  const SubjectParts& s = ctx.subject;
  auto subject_placeholder = [&](std::size_t begin, std::size_t end) {
    return std::any_of(ctx.subject_placeholders.begin(), ctx.subject_placeholders.end(),
                       [&](const TextMatch& m) { return m.offset < end && m.offset + m.length > begin; });
  };

  // Account.
  if (s.type && !s.account.empty() && r.account.name && !subject_placeholder(0, s.account.size()) &&
      !same_name(s.account, *r.account.name))
    findings.add(ctx.draft.subject_mark(s.account_offset),
                 "account '" + quote_excerpt(s.account) + "' in the subject is not the record's account '" +
                     *r.account.name + "' (" + where(in, r.account.name.loc) + ")");
  if (!s.type) return;

  const Communication* same = same_communication(r, *s.type, s.number);
  // Out of sequence: which update this was meant to be is unknown, so nothing else is compared.
  if (*s.type == DraftType::progress && s.number && !same && !check_number(ctx, in, findings)) return;
  if (*s.type == DraftType::resolution && !same && r.status && *r.status != Status::resolved)
    findings.add(ctx.draft.subject_mark(s.type_offset),
                 "this is a resolution notification, but the record's status is " + std::string(name_of(*r.status)) +
                     " (" + where(in, r.status.loc) + "); confirm the resolution in the record first");

  // Status: the listed communication's, or for a new one the record's current status.
  const Val<Status>& expected = same ? same->status : r.status;
  for (const Field& f : ctx.fields) {
    if (f.label != Label::current_status || !expected) continue;
    auto written = status_word(ctx.value(f));
    if (!written || *written == *expected) continue;
    findings.add(ctx.draft.body_mark(f.value_offset),
                 "status '" + capitalise(name_of(*written)) + "' disagrees with the record: " +
                     (same ? "the " + describe_communication(*same) + " says " : std::string("its status is ")) +
                     std::string(name_of(*expected)) + " (" + where(in, expected.loc) + ")");
  }

  // The draft's next update time. Only a promise that is otherwise sound is compared: a past
  // time or two different times are draft-next-update's.
  const ReadPromise* promise = nullptr;
  bool sound = true;
  for (const ReadPromise& p : ctx.promises) {
    if (p.placeholder || !p.time || !p.time->utc || *p.time->utc < ctx.now) {
      sound = sound && p.placeholder;
      continue;
    }
    if (!promise) promise = &p;
    else if (*promise->time->utc != *p.time->utc) sound = false;
  }

  // The severity's cadence (update-cadence for a new draft; a listed one is the record's own
  // update-cadence finding): the promise may be at most one cadence after the draft is sent
  // (its Date header, else --now).
  if (!same && sound && promise && r.severity && *s.type != DraftType::resolution) {
    const Duration& cadence = ctx.config.cadence_for(*r.severity);
    const Instant latest = add_duration(ctx.sent, cadence, ctx.calendar);
    const Instant promised = *promise->time->utc;
    if (promised > latest)
      findings.add(ctx.draft.body_mark(promise->start),
                   "next update time " + format_human(promised) + " is " +
                       describe(Duration{std::chrono::duration_cast<std::chrono::minutes>(promised - ctx.sent), 0}) +
                       " after the draft is sent (" + format_human(ctx.sent) + "), but the record's severity is " +
                       std::string(name_of(*r.severity)) + " (" + where(in, r.severity.loc) + "), whose cadence is " +
                       describe(cadence) + ": promise an update by " + format_human(latest) + " at the latest");
  }

  // Next update time of a communication already in the record.
  if (same && same->next_update_by) {
    // Minute to minute, as the model keeps promises: a draft says "10:40" for a record's 10:40:30.
    if (sound && promise && to_minute(*promise->time->utc) != to_minute(same->next_update_by->utc))
      findings.add(ctx.draft.body_mark(promise->start),
                   "next update time " + format_human(*promise->time->utc) +
                       " disagrees with the record's next_update_by " + format_human(same->next_update_by->utc) +
                       " (" + where(in, same->next_update_by.loc) + ")");
  }

  // Post-incident review date.
  if (*s.type != DraftType::resolution) return;
  // The model's PIR delivery deadline: the one the pir-promise rule checks the record against.
  const auto delivery = model::pir_deadline(r, ctx.calendar, model::kPirDeliveryDays);
  for (const ReadPirDate& p : ctx.pir_dates) {
    if (!p.date || p.placeholder) continue;
    const Mark at = ctx.draft.body_mark(p.start);
    if (same && same->pir_share_by && *same->pir_share_by != *p.date) {
      findings.add(at, "post-incident review date " + format_human_date(*p.date) + " disagrees with the record's "
                       "pir_share_by " + format_human_date(*same->pir_share_by) + " (" +
                       where(in, same->pir_share_by.loc) + ")");
    } else if (delivery) {
      if (*p.date > delivery->date)
        findings.add(at, "post-incident review date " + format_human_date(*p.date) +
                             " is more than 10 business days after the resolution on " +
                             format_human_date(delivery->resolved) + "; promise it by " +
                             format_human_date(delivery->date));
    }
  }
}

}  // namespace

extern const RuleInfo kDraftRecordMismatchRule = {
    .rule = RuleId::draft_record_mismatch,
    .summary = "with --incident: account, status, update number, next update or PIR date disagree with the record",
    .description =
        "With `lint-comms --incident FILE`, the draft is compared with its incident record. The "
        "subject's account must be the record's `account.name` (case and spacing aside). A "
        "draft that is already listed in `communications` (the initial notification, progress "
        "update #N with that number, the resolution notification) is that communication: its "
        "`Current status:` must be the communication's `status`, its next update time the "
        "communication's `next_update_by`, its post-incident review date the `pir_share_by`. A "
        "new draft must be next in sequence: progress update #N where N is one more than the "
        "record's last progress number (#1 when there is none); its status must be the "
        "record's current `status`; a resolution notification needs a resolved record. The "
        "post-incident review date must be within 10 business days of `resolution_confirmed` "
        "(that date is day 0; the configured calendar applies). A new draft's next update may "
        "be at most one cadence of the record's severity (`cadence:`, default P1 1h, P2 4h, P3 "
        "1bd, as `update-cadence` counts it) after the draft is sent: its `Date` header, else "
        "`--now`. The message names the record's file:line:col.",
    .rationale =
        "The record is the single source of truth (\"Get written confirmation from technical "
        "owner before stating facts to customer\"). An email that says Ongoing while the "
        "record says Contained, or skips from update #1 to #3, tells the customer two stories.",
    // Checked with --incident fixtures/ESC-2026-0142.yaml, whose progress update #1 says contained.
    .bad_example =
        "Subject: Northwind Logistics — Escalation Update #1: Card payments declined at EU checkout\n"
        "...\nCurrent status: Ongoing\n",
    .good_example =
        "Subject: Northwind Logistics — Escalation Update #1: Card payments declined at EU checkout\n"
        "...\nCurrent status: Contained\n",
    .draft_check = check,
};

}  // namespace esc
