#include "model/confirmation.h"

#include "core/text.h"
#include "load/presence.h"

namespace esc::model {

namespace {

using Item = Unconfirmed::Item;
using State = Unconfirmed::State;

// A text value that must be filled in: nullopt when it is, else why not.
std::optional<Unconfirmed> unfilled(const Text& t, const Loc& parent, Item item, std::optional<std::size_t> entry) {
  if (!t) return Unconfirmed{item, reported_by_schema(t, parent) ? State::invalid : State::missing, entry, t.loc, {}};
  if (is_placeholder_value(*t)) return Unconfirmed{item, State::unfilled, entry, t.loc, *t};
  return std::nullopt;
}

template <class T>
std::optional<Unconfirmed> absent(const Val<T>& v, const Loc& parent, Item item, std::optional<std::size_t> entry) {
  if (v) return std::nullopt;
  return Unconfirmed{item, reported_by_schema(v, parent) ? State::invalid : State::missing, entry, v.loc, {}};
}

void add(std::vector<Unconfirmed>& out, std::optional<Unconfirmed> u) {
  if (u) out.push_back(std::move(*u));
}

}  // namespace

std::vector<Unconfirmed> unconfirmed_facts(const Record& r) {
  std::vector<Unconfirmed> out;
  const Facts& f = r.facts;
  if (!f.present) {
    // Written but not a mapping: invalid, and its place is the value's; missing: the record's.
    const bool written = f.loc.mark != r.root.mark;
    out.push_back({Item::facts, written ? State::invalid : State::missing, std::nullopt, written ? f.loc : r.root, {}});
    return out;
  }
  const bool listed = f.confirmations && !f.confirmations->empty();
  if (listed) {
    // The single values are optional beside the list; written as a placeholder, the reference
    // still points nowhere and the owner is still unnamed (owner-missing reports it).
    if (f.confirmed_by && is_placeholder_value(*f.confirmed_by))
      out.push_back({Item::confirmed_by, State::unfilled, std::nullopt, f.confirmed_by.loc, *f.confirmed_by});
    if (f.confirmation_ref && is_placeholder_value(*f.confirmation_ref))
      out.push_back({Item::confirmation_ref, State::unfilled, std::nullopt, f.confirmation_ref.loc, *f.confirmation_ref});
    for (std::size_t i = 0; i < f.confirmations->size(); ++i) {
      const Confirmation& c = (*f.confirmations)[i];
      add(out, unfilled(c.confirmed_by, c.loc, Item::confirmed_by, i));
      add(out, absent(c.confirmed_at, c.loc, Item::confirmed_at, i));
      add(out, unfilled(c.confirmation_ref, c.loc, Item::confirmation_ref, i));
    }
  } else {
    add(out, unfilled(f.confirmed_by, f.loc, Item::confirmed_by, std::nullopt));
    add(out, absent(f.confirmed_at, f.loc, Item::confirmed_at, std::nullopt));
    add(out, unfilled(f.confirmation_ref, f.loc, Item::confirmation_ref, std::nullopt));
  }
  if (!f.affected) {
    add(out, absent(f.affected, f.loc, Item::affected, std::nullopt));
  } else {
    bool any = false;
    for (const Text& item : *f.affected) any = any || (item && !is_placeholder_value(*item));
    if (!any)
      out.push_back({Item::affected, f.affected->empty() ? State::empty_list : State::only_placeholders, std::nullopt,
                     f.affected.loc, {}});
  }
  add(out, absent(f.status, f.loc, Item::status, std::nullopt));
  if (f.root_cause && (is_placeholder_value(*f.root_cause) || !find_placeholders(*f.root_cause).empty()))
    out.push_back({Item::root_cause, State::unfilled, std::nullopt, f.root_cause.loc, *f.root_cause});
  return out;
}

std::vector<Unconfirmed> unconfirmed_owners(const Record& r) {
  std::vector<Unconfirmed> out;
  add(out, absent(r.owners_confirmed_at, r.root, Item::owners_confirmed_at, std::nullopt));
  if (!r.stakeholders) return out;
  for (std::size_t i = 0; i < r.stakeholders->size(); ++i) {
    const Stakeholder& s = (*r.stakeholders)[i];
    add(out, unfilled(s.owner, s.loc, Item::owner, i));
  }
  return out;
}

}  // namespace esc::model
