// Which record of a batch first used each id (duplicate-id: the first wins), remembered in
// about four bytes a record rather than a copy of every id.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.h"

namespace esc {

// An earlier record's id and where it is, as the record says when it is read again.
struct IdAt {
  std::string id;
  Mark mark;
};

// An open-addressing table of 32-bit words, each a fingerprint of an id (high bits) and the
// ordinal of the record that used it first (low bits), sized once for the batch. A fingerprint
// that matches is confirmed by reading that earlier record's id again (`id_of`), so the answer
// is exact whatever the hash: a collision costs a re-read, never a wrong finding.
class FirstIds {
 public:
  using Hash = std::uint64_t (*)(std::string_view);
  using IdOf = std::function<std::optional<IdAt>(std::size_t ordinal)>;

  // `count`: the number of records (ordinals 0 .. count - 1). `hash` is replaceable so a test
  // can force every id to collide.
  FirstIds(std::size_t count, IdOf id_of, Hash hash = &hash_id);

  // The ordinal and mark of the record that first used `id`; nullopt when none did, and then
  // `ordinal` (at `mark`) is it. `rereadable`: false for a record that cannot be read again
  // (stdin), whose id is kept whole instead.
  std::optional<std::pair<std::size_t, Mark>> first_use(const std::string& id, std::size_t ordinal, Mark mark,
                                                        bool rereadable);

  // How many times an earlier record was read again (a fingerprint matched).
  std::size_t rereads() const { return rereads_; }

  static std::uint64_t hash_id(std::string_view id);

 private:
  IdOf id_of_;
  Hash hash_;
  std::vector<std::uint32_t> slots_;  // 0: empty; else fingerprint << ordinal_bits_ | (ordinal + 1)
  unsigned ordinal_bits_ = 0;
  std::uint32_t ordinal_mask_ = 0;
  std::map<std::size_t, IdAt> kept_;    // the records that cannot be read again
  std::map<std::size_t, IdAt> recent_;  // the last few records read again
  std::size_t rereads_ = 0;

  std::optional<IdAt> id_at(std::size_t ordinal);
};

}  // namespace esc
