// The typed incident record. Every value remembers where it came from (line:col and its node
// path) so a rule can point at it; a missing value remembers its parent mapping instead.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/time.h"
#include "load/enums.h"

namespace esc {

// Where a value is (or, when missing, where its parent mapping is).
struct Loc {
  Mark mark;
  std::string path;  // "communications[1].sent_at"
  char quote = 0;    // the value's opening quote ('"' or '\''), at `mark`; 0 when plain or missing
};

// A value that may be missing. Invalid values (already reported as `schema`) are missing too.
template <class T> struct Val {
  std::optional<T> value;
  Loc loc;
  explicit operator bool() const { return value.has_value(); }
  const T& operator*() const { return *value; }
  const T* operator->() const { return &*value; }
};

using Text = Val<std::string>;
using TextList = std::vector<Text>;

struct Person {
  Loc loc;
  Text name, title, contact;
};

// A lead who handed over: who, and until when (the next lead leads from then).
struct PreviousLead {
  Loc loc;
  Text name, title, contact;
  Val<Timestamp> until;
};

struct Impact {
  Loc loc;
  bool present = false;
  Val<Outage> outage;
  Val<long long> customers_affected;
  Val<double> revenue_at_risk;
  Val<Sla> sla;
  Val<Exposure> reputational_exposure;
  Val<bool> regulatory_exposure;
  Val<bool> workaround_available;
  Val<bool> customer_exec_escalation;
};

struct Triage {
  Loc loc;
  Val<bool> genuine;
  Impact impact;
};

// One written confirmation of facts by the technical owner.
struct Confirmation {
  Loc loc;
  Val<TextList> what;  // root_cause, affected, status; missing: all of them
  Text confirmed_by;
  Val<Timestamp> confirmed_at;
  Text confirmation_ref;
  // Whether it confirms `fact` ("root_cause", "affected" or "status").
  bool covers(std::string_view fact) const;
};

struct Facts {
  Loc loc;
  bool present = false;
  Text root_cause;
  Val<RootCauseStatus> root_cause_status;
  Val<TextList> affected;
  Val<Status> status;
  Text confirmed_by;
  Val<Timestamp> confirmed_at;
  Text confirmation_ref;
  Val<std::vector<Confirmation>> confirmations;
};

struct Stakeholder {
  Loc loc;
  Val<Role> role;
  Text name, contact, owner;
  Val<Frequency> frequency;  // defaulted from the playbook grid when absent
  Val<Channel> channel;
};

struct TimelineRow {
  Loc loc;
  Val<Milestone> milestone;  // missing on free event rows
  Text event;
  Val<Timestamp> at;
  Text confirmed_by, owner, note;
};

struct NextAction {
  Loc loc;
  bool present = false;
  Text action, owner;
  Val<Timestamp> eta;
};

struct Communication {
  Loc loc;
  int index = 0;  // position in `communications`
  Val<CommType> type;
  Val<long long> number;
  Val<Timestamp> sent_at;
  Text owner;
  Val<Status> status;
  Text impact, progress;
  NextAction next_action;
  Val<Timestamp> next_update_by;
  Text resolution_summary;
  Val<TextList> actions_taken, preventative_measures;
  Val<Date> pir_share_by;
  Val<TextList> to, cc;
};

struct Pir {
  Loc loc;
  bool present = false;
  Val<Timestamp> scheduled_for;
  Val<std::vector<Val<Role>>> attendees;
  Val<Date> delivered_at;  // a timestamp is compared by its UTC date
  Val<bool> lessons_logged;
};

struct Commitment {
  Loc loc;
  Text commitment, owner;
  Val<Date> due;
  Val<bool> done;
  Val<Date> done_at;  // a timestamp is kept by its UTC date
  Text reference;
  // Delivered: `done: true`, or a `done_at` without `done: false`.
  bool is_done() const { return done ? *done : static_cast<bool>(done_at); }
};

struct Readout {
  Loc loc;
  bool present = false;
  Text impact_summary;
  Val<TextList> resolution_actions;
  Text sla_breach_detail, customer_sentiment;
  Val<std::vector<Commitment>> commitments;
};

struct Waiver {
  Loc loc;
  Text rule, reason, approved_by;
};

struct Account {
  Loc loc;
  Text name, contract_tier;
};

struct Record {
  std::string file;  // as given by the user
  Loc root;
  Val<long long> version;
  Text id, title, summary;
  Account account;
  Val<Priority> severity;
  Val<Status> status;
  Person escalation_lead;
  Val<std::vector<PreviousLead>> previous_leads;  // oldest first
  Triage triage;
  Facts facts;
  Val<Timestamp> owners_confirmed_at;
  Val<std::vector<Stakeholder>> stakeholders;
  Val<std::vector<TimelineRow>> timeline;
  Val<std::vector<Communication>> communications;
  Pir pir;
  Readout readout;
  Val<std::vector<Waiver>> waivers;

  // The first timeline row for a milestone, or nullptr.
  const TimelineRow* milestone(Milestone m) const;
  // The first stakeholder with a role, or nullptr.
  const Stakeholder* stakeholder(Role r) const;
  // Communications in record order (empty when absent).
  const std::vector<Communication>& comms() const;
};

// The playbook grid's default update frequency and channel for a role.
Frequency default_frequency(Role r);
Channel default_channel(Role r);

}  // namespace esc
