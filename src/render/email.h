// The finished customer emails of a record: template values from the record, recipients from
// the stakeholder grid, and an RFC 5322 + MIME message threaded under the initial notification.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/time.h"
#include "load/record.h"
#include "render/mime.h"
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
// The same name for the communication at `index` of a type (and progress number).
std::string email_filename(std::size_t index, CommType type, std::optional<long long> number);

// The Message-ID of the communication at `index` of a record: "<ESC-2026-0142.02@example.com>",
// on the configured domain, else the escalation lead's address domain, else example.com.
std::string communication_message_id(const Record& r, std::size_t index, const std::string& configured_domain);

// The stakeholder grid's recipients of a customer email: To the customer primary contact; Cc by
// the grid's update frequency (the customer exec sponsor "at key milestones": the initial and
// resolution notifications; the CSM on every update). Contacts that are not e-mail addresses
// are left out (`to` is then empty).
struct GridRecipients {
  std::optional<mime::Address> to;
  std::vector<mime::Address> cc;
};
GridRecipients grid_recipients(const Record& r, CommType type);

// One customer email before it is written out.
struct EmailMessage {
  mime::Address from;
  std::vector<mime::Address> to, cc;
  std::string subject;
  Instant date{};
  std::string message_id;   // with its angle brackets
  std::string in_reply_to;  // empty: not a reply (also sets References)
  std::string body;         // "\n" line ends
};
// The RFC 5322 + MIME message (CRLF line ends, UTF-8 quoted-printable body); nullopt when a
// header value holds a line break or control character.
std::optional<std::string> compose_email(const EmailMessage& m);

}  // namespace esc
