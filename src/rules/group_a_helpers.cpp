#include "rules/group_a_helpers.h"

#include <cmath>
#include <cstdio>

#include "core/text.h"
#include "rules/record_facts.h"

namespace esc::group_a {

std::string format_beside(Instant t, Instant other) {
  return utc_date(t) == utc_date(other) ? format_hhmm(t) : format_short(t);
}

std::string describe_unfilled(std::string_view value) {
  bool blank = true;
  for (char c : value) blank = blank && (c == ' ' || c == '\t' || c == '\n' || c == '\r');
  if (blank) return "empty";
  return "a placeholder ('" + one_line(value) + "')";
}

std::string format_amount(double amount, std::string_view currency) {
  std::string prefix;
  if (currency == "GBP") prefix = "£";
  else if (currency == "EUR") prefix = "€";
  else if (currency == "USD") prefix = "$";
  else prefix = std::string(currency) + " ";

  // Whole cents, so 1234.5 reads "1,234.50" and no binary fraction leaks out.
  return prefix + format_amount_digits(amount);
}

std::string comm_subject(const Communication& c) {
  std::string name = describe_communication(c);
  return name.find('#') == std::string::npos ? "the " + name : name;
}

std::string one_line(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace esc::group_a
