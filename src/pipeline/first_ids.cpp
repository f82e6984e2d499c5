#include "pipeline/first_ids.h"

#include <bit>
#include <stdexcept>

namespace esc {

namespace {

// Re-read records kept at most this many at once (the first of an id used many times).
constexpr std::size_t kRecentRereads = 64;

}  // namespace

std::uint64_t FirstIds::hash_id(std::string_view id) {
  std::uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a, then a SplitMix64 finish to spread the bits
  for (unsigned char c : id) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebull;
  h ^= h >> 31;
  return h;
}

FirstIds::FirstIds(std::size_t count, IdOf id_of, Hash hash) : id_of_(std::move(id_of)), hash_(hash) {
  if (count >= (std::size_t{1} << 31)) throw std::length_error("too many records for one batch");
  ordinal_bits_ = static_cast<unsigned>(std::bit_width(count));  // ordinal + 1 <= count
  ordinal_mask_ = ordinal_bits_ >= 32 ? ~0u : (1u << ordinal_bits_) - 1;
  // At most 80% full, so a probe ends soon.
  slots_.assign(std::bit_ceil(std::max<std::size_t>(16, count + count / 4 + 1)), 0);
}

std::optional<IdAt> FirstIds::id_at(std::size_t ordinal) {
  if (auto it = kept_.find(ordinal); it != kept_.end()) return it->second;
  if (auto it = recent_.find(ordinal); it != recent_.end()) return it->second;
  ++rereads_;
  std::optional<IdAt> found = id_of_(ordinal);
  if (found) {
    if (recent_.size() >= kRecentRereads) recent_.clear();
    recent_.emplace(ordinal, *found);
  }
  return found;
}

std::optional<std::pair<std::size_t, Mark>> FirstIds::first_use(const std::string& id, std::size_t ordinal, Mark mark,
                                                                 bool rereadable) {
  const std::uint64_t h = hash_(id);
  const std::size_t mask = slots_.size() - 1;
  const unsigned fingerprint_bits = 32 - ordinal_bits_;
  const std::uint32_t fingerprint =
      fingerprint_bits == 0 ? 0 : static_cast<std::uint32_t>(h >> 32) >> (32 - fingerprint_bits);
  for (std::size_t slot = static_cast<std::size_t>(h) & mask;; slot = (slot + 1) & mask) {
    const std::uint32_t word = slots_[slot];
    if (word == 0) {
      slots_[slot] = (fingerprint_bits == 0 ? 0 : fingerprint << ordinal_bits_) |
                     static_cast<std::uint32_t>(ordinal + 1);
      if (!rereadable) kept_.emplace(ordinal, IdAt{id, mark});
      return std::nullopt;
    }
    if (fingerprint_bits != 0 && (word >> ordinal_bits_) != fingerprint) continue;
    const std::size_t earlier = (word & ordinal_mask_) - 1;
    // A file changed or gone since it was read no longer claims its id.
    if (std::optional<IdAt> first = id_at(earlier); first && first->id == id) return std::make_pair(earlier, first->mark);
  }
}

}  // namespace esc
