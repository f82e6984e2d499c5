#include "rules/group_a_helpers.h"

#include <cmath>
#include <cstdio>

#include "core/text.h"
#include "rules/record_facts.h"

namespace esc::group_a {

Instant to_minute(Instant t) { return std::chrono::floor<std::chrono::minutes>(t); }

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

  // Work in whole cents so 1234.5 reads "1,234.50" and no binary fraction leaks out.
  const long long cents = std::llround(amount * 100.0);
  const long long whole = cents / 100;
  const long long fraction = cents % 100;
  std::string digits = std::to_string(whole);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  if (fraction != 0) {
    char buf[4];
    std::snprintf(buf, sizeof buf, "%02lld", fraction);
    grouped += '.';
    grouped += buf;
  }
  return prefix + grouped;
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
