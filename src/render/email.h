// The finished customer emails of a record: template values from the record, recipients from
// the stakeholder grid, and an RFC 5322 + MIME message threaded under the initial notification.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "load/record.h"
#include "render/templates.h"

namespace esc {

struct EmailOptions {
  std::string sender_domain;  // right-hand side of Message-IDs; empty: the lead's address domain
  bool draft = false;                         // --force on a record with errors: "[DRAFT]" subjects
};

struct BuiltEmail {
  std::string filename;  // "02-progress-1.eml"
  std::string content;   // the message, CRLF line ends
};

struct EmailBuild {
  std::vector<BuiltEmail> emails;
  std::vector<Diagnostic> findings;  // comms-complete: an email that could not be written, and why
  std::string error;                 // a template problem (exit 2), empty otherwise
};

EmailBuild build_emails(const Record& record, const EmailTemplates& templates, const EmailOptions& options);

// "01-initial.eml", "02-progress-1.eml", "03-resolution.eml".
std::string email_filename(const Communication& c);

}  // namespace esc
