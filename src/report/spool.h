// Pieces for reports written while a batch runs: a spool for the part of a document that must
// wait for counts written before it, and JSON list elements indented to their place in a
// pretty-printed document, so a streamed document is byte for byte the one dump(2) makes.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>

namespace esc::report_detail {

// Text set aside in an anonymous temporary file ($TMPDIR, else /tmp; unlinked at once, so
// nothing is left behind whatever happens) and copied out at the end. Memory stays one buffer
// whatever the length; the file is made only once the text outgrows the buffer, and when it
// cannot be made the text is kept in memory instead.
// It is also a stream buffer: std::ostream(&spool) writes into it.
class Spool : public std::streambuf {
 public:
  Spool();
  ~Spool() override;
  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;

  void write(std::string_view text);
  // Copies everything written to `out`; an error sentence when the temporary file failed.
  std::optional<std::string> copy_to(std::ostream& out);

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int_type overflow(int_type c) override;

 private:
  void flush_buffer();
  int fd_ = -1;
  bool no_file_ = false;
  std::string buffer_;
  std::optional<std::string> error_;
};

// `j` as dump(2) prints it at `depth` spaces of indentation: every line after the first is
// indented by `depth`. Invalid UTF-8 becomes U+FFFD.
std::string dump_at(const nlohmann::ordered_json& j, int depth);

// A pretty-printed document (dump(2)) whose last array is a list written element by element, so
// that only one element is ever in memory. Made from the document dumped with that list empty.
class ListFrame {
 public:
  explicit ListFrame(const nlohmann::ordered_json& with_empty_list);
  std::string open() const;   // the document up to and including the list's "[\n"
  // One element: ",\n" before all but the first, then the element at its indentation.
  std::string element(const nlohmann::ordered_json& j, bool first) const;
  std::string close() const;  // the list's end and the rest of the document
  std::string empty() const;  // the whole document with the list empty ("[]")
  // The whole document and a line break, its list the elements set aside in `elements` (each
  // made by element()), or "[]" when there are none. An error sentence when the spool failed.
  std::optional<std::string> write_with(std::ostream& out, Spool& elements, bool any) const;

 private:
  std::string head_, tail_;
  int depth_ = 0;  // indentation of the list's key line
};

}  // namespace esc::report_detail
