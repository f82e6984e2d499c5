// What the body of a draft says, found once for every draft rule: the template's labelled fields
// ("Current status: Contained"), the internal footer line, the "next update by" promises and
// the post-incident review date. Offsets are bytes into Draft::body.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "draft/subject.h"

namespace esc {

// The labels of the playbook's three templates.
enum class Label {
  update_as_of,           // "Update as of [timestamp]:"
  progress,               // "Progress since last update:"
  current_status,         // "Current status:"
  impact,                 // "Impact:"
  next_action,            // "Next action:"
  next_update_by,         // "Next update by:"
  resolution_summary,     // "Resolution summary:"
  actions_taken,          // "Actions taken:"
  preventative_measures,  // "Preventative measures:"
  escalation_lead,        // "Escalation Lead:"
};

// "Current status:" as the template writes it.
std::string_view label_text(Label l);

// The labels a draft of this type must have, in template order.
std::span<const Label> required_labels(DraftType t);

struct Field {
  Label label;
  std::size_t label_offset = 0;  // the label's first character
  std::size_t value_offset = 0;  // the value's first character (after ':' and spaces)
  std::size_t value_end = 0;     // the next label or the end of the paragraph, spaces trimmed
};

// Labels at the start of a line (any case, markdown emphasis allowed: "**Impact:**") or inside a
// line after a space, capitalised as in the template (the playbook's one-line form "Current
// status: ... Impact: ... Next update by: ..."). A value runs to the next label or to the end of
// its paragraph.
std::vector<Field> find_fields(std::string_view body);

// A line span [begin, end) of the body.
struct Span {
  std::size_t begin = 0, end = 0;
  bool contains(std::size_t offset) const { return offset >= begin && offset < end; }
};

// Lines holding the template's internal footer "Owner: _____ Sent at (UTC): _____" (a line that
// starts with "Owner:" or holds "Sent at (UTC):"); `begin` is the first non-blank character.
std::vector<Span> internal_footer_lines(std::string_view body);

// Where the draft promises its next update: every "Next update by:" value and every "further
// (or next) update by TIME" in the prose. [begin, end) is the text after "by".
struct Promise {
  Span text;
  bool labelled = false;  // "Next update by:" (the value runs to the end of the field)
};
std::vector<Promise> next_update_promises(std::string_view body, const std::vector<Field>& fields);

// The date after "post-incident review ... shared by", if the draft has that sentence: the
// offset of the date text.
std::vector<std::size_t> pir_share_by_mentions(std::string_view body);

}  // namespace esc
