// draft-status-value: "Current status:" is not Ongoing, Contained or Resolved.
#include <re2/re2.h>

#include <array>
#include <cctype>

#include "rules/draft_lint.h"
#include "rules/rule.h"

namespace esc {

namespace {

// Words people write for a status, and the playbook's word for it.
struct Synonym {
  std::string_view word;
  std::string_view status;
};
constexpr std::array<Synonym, 22> kSynonyms = {{
    {"investigating", "Ongoing"},  {"under investigation", "Ongoing"}, {"in progress", "Ongoing"},
    {"open", "Ongoing"},           {"identified", "Ongoing"},          {"active", "Ongoing"},
    {"degraded", "Ongoing"},       {"outage", "Ongoing"},              {"mitigated", "Contained"},
    {"mitigating", "Contained"},   {"stabilised", "Contained"},        {"stabilized", "Contained"},
    {"monitoring", "Contained"},   {"workaround in place", "Contained"}, {"partially resolved", "Contained"},
    {"fixed", "Resolved"},         {"closed", "Resolved"},             {"restored", "Resolved"},
    {"complete", "Resolved"},      {"completed", "Resolved"},          {"done", "Resolved"},
    {"solved", "Resolved"},
}};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void check(const DraftContext& ctx, DraftFindings& findings) {
  // The status word: the value up to the first punctuation ("Investigating — we are ...").
  static const re2::RE2 head(R"(([^.,;:!?()\[\]—–\n]*?)\s*(?:$|[.,;:!?()\[\]—–\n]| - ))");
  static const re2::RE2 valid(R"((?i)(?:ongoing|contained|resolved)\b)");
  for (const Field& f : ctx.fields) {
    if (f.label != Label::current_status) continue;
    if (ctx.has_placeholder(f.value_offset, std::max(f.value_end, f.value_offset + 1))) continue;
    const std::string_view value = ctx.value(f);
    const Mark at = ctx.draft.body_mark(f.value_offset);
    if (value.empty()) {
      findings.add(at, "'Current status:' is empty; write Ongoing, Contained or Resolved");
      continue;
    }
    re2::StringPiece probe(value.data(), value.size());
    if (re2::RE2::Consume(&probe, valid)) continue;
    std::string word;
    re2::StringPiece in(value.data(), value.size());
    if (!re2::RE2::Consume(&in, head, &word) || word.empty()) word = std::string(value);
    word = quote_excerpt(word, 40);
    std::string message = "status '" + word + "' is not one of the playbook's statuses (Ongoing, Contained, Resolved)";
    std::optional<std::string> suggestion;
    const std::string low = lower(word);
    for (const Synonym& s : kSynonyms)
      if (low == s.word || low.starts_with(std::string(s.word) + " ")) suggestion = std::string(s.status);
    if (!suggestion)
      if (auto near = did_you_mean(low, {"ongoing", "contained", "resolved"})) suggestion = capitalise(*near);
    if (suggestion) message += "; did you mean '" + *suggestion + "'?";
    else message += "; write Ongoing, Contained or Resolved";
    findings.add(at, message);
  }
}

}  // namespace

extern const RuleInfo kDraftStatusValueRule = {
    .rule = RuleId::draft_status_value,
    .summary = "status other than Ongoing / Contained / Resolved",
    .description =
        "The value of every `Current status:` line must start with one of the playbook's three "
        "statuses, Ongoing, Contained or Resolved (any case; an explanation may follow after "
        "punctuation: \"Contained — traffic runs through the secondary gateway\"). Common "
        "words get a suggestion: Investigating, In progress, Identified → Ongoing; Mitigated, "
        "Stabilised, Monitoring, Workaround in place → Contained; Fixed, Restored, Closed → "
        "Resolved; typos get the nearest status.",
    .rationale =
        "\"Confirm current status: ongoing, contained, or resolved\". Three words the customer, "
        "the record and the exec readout all share; \"Mitigated\" means something different to "
        "each reader.",
    .bad_example = "Current status: Mitigated\n",
    .good_example = "Current status: Contained\n",
    .draft_check = check,
};

}  // namespace esc
