// `escalate next`: the draft of the next customer communication a record calls for, rendered
// from the same playbook templates and message builder as the finished emails (render/email).
// What only a person can write is an explicit playbook placeholder ("[Factual description
// only]"), so `escalate lint-comms` flags exactly those until they are written.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/zone.h"
#include "load/config.h"
#include "model/escalation.h"
#include "model/next_communication.h"
#include "render/templates.h"

namespace esc {

enum class DraftFormat { eml, txt };

struct NextDraft {
  model::NextCommunication next;
  std::string filename;                  // "ESC-2026-0142-04-progress-3.eml" (or .txt)
  std::string content;                   // the file: CRLF .eml, or "Subject: ..." and "\n" lines
  std::string subject;
  std::string from;                      // "Dana Whitfield <dana.whitfield@example.com>"
  std::vector<std::string> to, cc;       // formatted addresses
  std::optional<Instant> next_update_by; // the proposed promise (none on the resolution notice)
  std::vector<std::string> placeholders; // the parts left for a person, in order
};

struct NextDraftResult {
  std::optional<NextDraft> draft;
  std::vector<model::Missing> missing;  // not ready: what the record lacks (nothing drafted)
  bool nothing_owed = false;            // the resolution notification was sent already
  // The next progress update would be numbered past kMaxUpdateNumber: the communication that
  // already holds that number (nothing drafted).
  std::optional<model::Missing> out_of_numbers;
  std::string error;                    // a template problem (exit 2)
};

// Drafts the next communication of `e` at e.now(): the subject with its #N, To/Cc from the
// stakeholder grid, From and signature the lead at now, the record's current status (and for
// the initial notification its summary and readout impact summary when written), "Next update
// by" one cadence of the record's severity after now (to the minute), the resolution notice's
// post-incident review date the 10th business day after resolution. With a display zone the
// promise is also written in it, as a conversion lint-comms checks: "Monday 26 October 2026,
// 09:30 UTC (10:30 CET)" (none while the zone is at UTC+0).
NextDraftResult draft_next(const model::Escalation& e, const Config& config, const Calendar& calendar,
                           const EmailTemplates& templates, DraftFormat format, const TimeZone* zone = nullptr);

// "Monday 26 October 2026, 09:30 UTC (10:30 CET)"; "..., 23:30 UTC (01:30 EET on Tuesday 27
// October 2026)" when the local date differs; format_human alone without a zone or at UTC+0.
std::string promise_text(Instant t, const TimeZone* zone);

}  // namespace esc
