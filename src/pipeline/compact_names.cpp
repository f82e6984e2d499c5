#include "pipeline/compact_names.h"

#include <algorithm>

namespace esc {

void CompactNames::put(unsigned char c) {
  if (bytes_ % kBlock == 0) {
    blocks_.emplace_back();
    if (blocks_.size() > 1) blocks_.back().reserve(kBlock);
  }
  blocks_.back().push_back(c);  // the first block doubles up to kBlock exactly (a power of two)
  ++bytes_;
}

std::uint64_t CompactNames::reserved_bytes() const {
  std::uint64_t n = 0;
  for (const std::vector<unsigned char>& b : blocks_) n += b.capacity();
  return n;
}

void CompactNames::put_length(std::size_t n) {  // LEB128: one byte below 128
  while (n >= 0x80) {
    put(static_cast<unsigned char>(n | 0x80));
    n >>= 7;
  }
  put(static_cast<unsigned char>(n));
}

std::size_t CompactNames::get_length(std::uint64_t& offset) const {
  std::size_t n = 0;
  for (int shift = 0;; shift += 7) {
    const unsigned char c = at(offset++);
    n |= static_cast<std::size_t>(c & 0x7F) << shift;
    if (!(c & 0x80)) return n;
  }
}

void CompactNames::push_back(std::string_view s) {
  std::size_t prefix = 0, suffix = 0;
  if (size_ % kRestart == 0) {
    restarts_.push_back(bytes_);
  } else {
    const std::size_t most = std::min(last_.size(), s.size());
    while (prefix < most && last_[prefix] == s[prefix]) ++prefix;
    while (prefix + suffix < most && last_[last_.size() - 1 - suffix] == s[s.size() - 1 - suffix]) ++suffix;
  }
  // Two bytes for the lengths when they are small (they nearly always are): the prefix, then
  // the suffix and middle lengths as two nibbles; 0xFF escapes to a varint each.
  const std::size_t middle = s.size() - prefix - suffix;
  if (prefix < 0xFF) {
    put(static_cast<unsigned char>(prefix));
  } else {
    put(0xFF);
    put_length(prefix);
  }
  if (suffix < 15 && middle < 16) {
    put(static_cast<unsigned char>(suffix << 4 | middle));
  } else {
    put(0xFF);
    put_length(suffix);
    put_length(middle);
  }
  for (std::size_t k = prefix; k < s.size() - suffix; ++k) put(static_cast<unsigned char>(s[k]));
  last_.assign(s);
  ++size_;
}

std::string CompactNames::operator[](std::size_t i) const {
  Cursor c(*this, i);
  return c.current();
}

CompactNames::Cursor::Cursor(const CompactNames& names, std::size_t i)
    : names_(&names), index_(i - i % kRestart), offset_(0) {
  if (index_ >= names.size_) {
    index_ = names.size_;
    return;
  }
  offset_ = names.restarts_[i / kRestart];
  decode();
  while (index_ < i) next();
}

void CompactNames::Cursor::next() {
  if (++index_ < names_->size_) decode();
}

void CompactNames::Cursor::decode() {
  std::size_t prefix = names_->at(offset_++);
  if (prefix == 0xFF) prefix = names_->get_length(offset_);
  std::size_t suffix = names_->at(offset_++), middle = suffix & 0x0F;
  suffix >>= 4;
  if (suffix == 0x0F) {
    suffix = names_->get_length(offset_);
    middle = names_->get_length(offset_);
  }
  std::string s;
  s.reserve(prefix + middle + suffix);
  s.append(current_, 0, prefix);
  for (std::size_t k = 0; k < middle; ++k) s.push_back(static_cast<char>(names_->at(offset_++)));
  s.append(current_, current_.size() - suffix, suffix);
  current_ = std::move(s);
}

void NameSorter::add(std::string_view name) {
  if (chunk_starts_.size() == kChunk) flush();
  chunk_starts_.push_back(static_cast<std::uint32_t>(chunk_bytes_.size()));
  chunk_bytes_.append(name);
}

void NameSorter::flush() {
  if (chunk_starts_.empty()) return;
  const std::string& bytes = chunk_bytes_;
  const std::vector<std::uint32_t>& starts = chunk_starts_;
  auto name = [&](std::size_t k) {
    const std::size_t end = k + 1 < starts.size() ? starts[k + 1] : bytes.size();
    return std::string_view(bytes).substr(starts[k], end - starts[k]);
  };
  std::vector<std::uint32_t> order(starts.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = static_cast<std::uint32_t>(k);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return name(a) < name(b); });
  CompactNames run;
  for (std::uint32_t k : order) run.push_back(name(k));
  runs_.push_back(std::move(run));
  chunk_bytes_.clear();
  chunk_starts_.clear();
}

NameSorter::Merge::Merge(NameSorter& sorter) {
  sorter.flush();
  sorter.chunk_bytes_.shrink_to_fit();
  sorter.chunk_starts_.shrink_to_fit();
  cursors_.reserve(sorter.runs_.size());
  for (const CompactNames& run : sorter.runs_) {
    cursors_.emplace_back(run, 0);
    if (!cursors_.back().done()) heap_.push_back(cursors_.size() - 1);
  }
  std::make_heap(heap_.begin(), heap_.end(), [&](std::size_t a, std::size_t b) { return before(b, a); });
}

bool NameSorter::Merge::before(std::size_t a, std::size_t b) const {
  return cursors_[a].current() < cursors_[b].current();
}

const std::string* NameSorter::Merge::peek() const {
  return heap_.empty() ? nullptr : &cursors_[heap_.front()].current();
}

void NameSorter::Merge::pop() {
  auto later = [&](std::size_t a, std::size_t b) { return before(b, a); };
  std::pop_heap(heap_.begin(), heap_.end(), later);
  CompactNames::Cursor& c = cursors_[heap_.back()];
  c.next();
  if (c.done()) {
    heap_.pop_back();
  } else {
    std::push_heap(heap_.begin(), heap_.end(), later);
  }
}

}  // namespace esc
