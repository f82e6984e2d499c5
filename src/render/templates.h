// The customer-email templates: the built-in ones (templates/*.mustache compiled into the
// binary) or a team's own folder. Rendering is plain text (no HTML escaping), and a variable
// the template names but escalate does not provide is an error, never an empty gap.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "load/enums.h"

namespace esc {

struct EmailTemplates {
  std::string source;             // "built-in" or the folder
  std::string text[3];            // indexed by CommType
  const std::string& for_type(CommType t) const { return text[static_cast<int>(t)]; }
};

EmailTemplates builtin_templates();

// Limits on a template, checked before the mustache library sees it: its size, and how deep
// sections ({{#x}}, {{^x}}) may nest.
inline constexpr std::size_t kTemplateMaxBytes = 256 * 1024;
inline constexpr int kTemplateMaxDepth = 32;

// Loads initial/progress/resolution.mustache from a folder and checks that each one parses and
// uses only known variables. Returns an error sentence on failure.
std::optional<std::string> load_templates(const std::string& dir, EmailTemplates& out);

// Template values: strings, and lists of strings (rendered with {{item}} inside the section).
struct TemplateValues {
  std::map<std::string, std::string> strings;
  std::map<std::string, std::vector<std::string>> lists;
};

struct RenderedEmail {
  std::string subject;
  std::string body;  // "\n" line ends
};

// Renders a template; the first line must be "Subject: ...", then a blank line, then the body.
// Returns an error sentence for an unknown variable or partial, a malformed template, or one
// over the size or nesting limits.
std::variant<RenderedEmail, std::string> render_email_template(const std::string& tmpl,
                                                               const TemplateValues& values,
                                                               const std::string& name);

// Every variable a template may use, for each type (for checking custom templates).
TemplateValues sample_values(CommType t);

}  // namespace esc
