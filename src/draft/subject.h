// The subject line of a draft: which of the playbook's three templates it is, its account,
// update number and title, and the first way it departs from the template's
// "ACCOUNT — Escalation Opened|Update #N|Resolved: TITLE".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace esc {

enum class DraftType { initial, progress, resolution };

// "initial notification", "progress update", "resolution notification".
std::string_view describe(DraftType t);

struct SubjectProblem {
  std::size_t offset = 0;  // byte offset in the subject
  std::string message;
};

struct SubjectParts {
  std::optional<DraftType> type;  // nullopt: none of the three templates
  std::size_t type_offset = 0;    // where "Escalation ..." starts
  std::optional<long long> number;  // "Update #N"
  std::size_t number_offset = 0;
  std::string account;            // the text before the separator, trimmed
  std::size_t account_offset = 0;
  std::string title;
  std::size_t title_offset = 0;
  std::optional<SubjectProblem> problem;  // the first departure from the template
};

SubjectParts parse_subject(std::string_view subject);

}  // namespace esc
