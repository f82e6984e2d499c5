// Lists of file names kept in a few bytes a name, so that a batch of 100,000 records costs
// almost nothing to remember, and the sorting of a folder's names done in the same little memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace esc {

// Strings stored against the one before each: the shared start and the shared end are lengths,
// only the middle is kept ("ESC-BENCH-000002.yaml" after "ESC-BENCH-000001.yaml" is "2" plus
// two length bytes). Every kRestart-th string is stored whole, so any one is decoded from the
// restart before it. Bytes live in fixed blocks: growing never copies (nor doubles) the list.
class CompactNames {
 public:
  void push_back(std::string_view s);
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::string operator[](std::size_t i) const;
  // The bytes the strings take (besides one offset per kRestart strings).
  std::uint64_t encoded_bytes() const { return bytes_; }
  // The bytes the blocks hold room for: a short list does not pay for a whole block.
  std::uint64_t reserved_bytes() const;

  // Reads the strings in order from index `i`: current() is string i until next().
  class Cursor {
   public:
    Cursor(const CompactNames& names, std::size_t i);
    bool done() const { return index_ >= names_->size_; }
    const std::string& current() const { return current_; }
    void next();

   private:
    const CompactNames* names_;
    std::size_t index_;
    std::uint64_t offset_;
    std::string current_;
    void decode();
  };

 private:
  static constexpr std::size_t kRestart = 64;
  // Small blocks: a folder's sort keeps one list per chunk of names, each a few KiB.
  static constexpr std::size_t kBlock = 4096;
  // Each of capacity kBlock at most, never grown past it. The first grows as it fills (a folder
  // holding one record must not hold a block); the later ones are reserved whole.
  std::vector<std::vector<unsigned char>> blocks_;
  std::uint64_t bytes_ = 0;
  std::vector<std::uint64_t> restarts_;  // byte offset of strings 0, kRestart, 2 * kRestart...
  std::string last_;
  std::size_t size_ = 0;

  void put(unsigned char c);
  void put_length(std::size_t n);
  unsigned char at(std::uint64_t offset) const { return blocks_[offset / kBlock][offset % kBlock]; }
  std::size_t get_length(std::uint64_t& offset) const;
};

// Sorts one folder's file names (byte order) in little more memory than the sorted result:
// names are gathered in chunks, each chunk is sorted and stored as a CompactNames, and the
// chunks are merged as they are read.
class NameSorter {
 public:
  void add(std::string_view name);
  // The names in order, each once per add(); call after the last add().
  class Merge {
   public:
    explicit Merge(NameSorter& sorter);
    // The next name in order (valid until pop()), or null at the end.
    const std::string* peek() const;
    void pop();

   private:
    std::vector<CompactNames::Cursor> cursors_;
    std::vector<std::size_t> heap_;  // indices of cursors not done, smallest current() first
    bool before(std::size_t a, std::size_t b) const;
  };

 private:
  static constexpr std::size_t kChunk = 4096;
  std::string chunk_bytes_;
  std::vector<std::uint32_t> chunk_starts_;
  std::vector<CompactNames> runs_;
  void flush();
};

}  // namespace esc
