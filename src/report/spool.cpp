#include "report/spool.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace esc::report_detail {

namespace {

constexpr std::size_t kBufferSize = 64 * 1024;

int anonymous_temp_file() {
  const char* dir = std::getenv("TMPDIR");
  std::string pattern = std::string(dir && *dir ? dir : "/tmp") + "/escalate-spool-XXXXXX";
  int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
  if (fd >= 0) ::unlink(pattern.c_str());
  return fd;
}

}  // namespace

Spool::Spool() = default;

Spool::~Spool() {
  if (fd_ >= 0) ::close(fd_);
}

void Spool::write(std::string_view text) {
  buffer_.append(text);
  if (buffer_.size() < kBufferSize || no_file_) return;
  if (fd_ < 0) fd_ = anonymous_temp_file();  // made only for text over one buffer
  if (fd_ < 0) {
    no_file_ = true;  // no temporary file: the text stays in memory
    return;
  }
  flush_buffer();
}

std::streamsize Spool::xsputn(const char* s, std::streamsize n) {
  write(std::string_view(s, static_cast<std::size_t>(n)));
  return n;
}

Spool::int_type Spool::overflow(int_type c) {
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    const char ch = traits_type::to_char_type(c);
    write(std::string_view(&ch, 1));
  }
  return traits_type::not_eof(c);
}

void Spool::flush_buffer() {
  const char* p = buffer_.data();
  std::size_t left = buffer_.size();
  while (left > 0 && !error_) {
    ssize_t n = ::write(fd_, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      error_ = std::string("cannot write the report's temporary file: ") + std::strerror(errno);
      break;
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  buffer_.clear();
}

std::optional<std::string> Spool::copy_to(std::ostream& out) {
  if (fd_ < 0) {  // no temporary file: everything is in the buffer
    out << buffer_;
    buffer_.clear();
    return std::nullopt;
  }
  flush_buffer();
  if (error_) return error_;
  if (::lseek(fd_, 0, SEEK_SET) != 0) return std::string("cannot read the report's temporary file: ") + std::strerror(errno);
  std::string chunk(kBufferSize, '\0');
  while (true) {
    ssize_t n = ::read(fd_, chunk.data(), chunk.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return std::string("cannot read the report's temporary file: ") + std::strerror(errno);
    }
    if (n == 0) break;
    out.write(chunk.data(), n);
  }
  return std::nullopt;
}

std::string dump_at(const nlohmann::ordered_json& j, int depth) {
  // dump() escapes every line break inside strings, so each '\n' here is the layout's own.
  const std::string text = j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  const std::string indent(static_cast<std::size_t>(depth), ' ');
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    out += c;
    if (c == '\n') out += indent;
  }
  return out;
}

ListFrame::ListFrame(const nlohmann::ordered_json& with_empty_list) {
  const std::string text = dump_at(with_empty_list, 0);
  const std::size_t at = text.rfind("[]");  // the last array: nothing but layout follows it
  head_ = text.substr(0, at);
  tail_ = text.substr(at + 2);
  const std::size_t line = head_.rfind('\n') + 1;  // npos + 1 == 0
  while (line + static_cast<std::size_t>(depth_) < head_.size() && head_[line + static_cast<std::size_t>(depth_)] == ' ')
    ++depth_;
}

std::string ListFrame::open() const { return head_ + "[\n"; }

std::string ListFrame::element(const nlohmann::ordered_json& j, bool first) const {
  std::string out = first ? "" : ",\n";
  out.append(static_cast<std::size_t>(depth_ + 2), ' ');
  out += dump_at(j, depth_ + 2);
  return out;
}

std::string ListFrame::close() const {
  std::string out = "\n";  // appended piece by piece: GCC 12 -Wrestrict misfires on "x" + std::string
  out.append(static_cast<std::size_t>(depth_), ' ');
  out += ']';
  out += tail_;
  return out;
}

std::string ListFrame::empty() const { return head_ + "[]" + tail_; }

std::optional<std::string> ListFrame::write_with(std::ostream& out, Spool& elements, bool any) const {
  if (!any) {
    out << empty() << '\n';
    return std::nullopt;
  }
  out << open();
  auto err = elements.copy_to(out);
  out << close() << '\n';
  return err;
}

}  // namespace esc::report_detail
