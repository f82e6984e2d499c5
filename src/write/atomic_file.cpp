#include "write/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace esc {

namespace fs = std::filesystem;

namespace {

// Writes all of `content` to a new file; the caller removes it on failure.
std::optional<std::string> write_all(const fs::path& path, const fs::path& shown, std::string_view content) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) return "cannot write '" + shown.string() + "': " + std::strerror(errno);
  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      std::string err = std::strerror(errno);
      ::close(fd);
      return "cannot write '" + shown.string() + "': " + err;
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) return "cannot write '" + shown.string() + "': " + std::strerror(errno);
  return std::nullopt;
}

}  // namespace

std::optional<std::string> write_file_atomic(const fs::path& path, std::string_view content) {
  std::error_code ec;
  if (fs::is_symlink(fs::symlink_status(path, ec)))
    return "refusing to write through the symlink '" + path.string() + "'";
  fs::path tmp = path;
  tmp += ".tmp." + std::to_string(::getpid());
  if (auto err = write_all(tmp, path, content)) {
    ::unlink(tmp.c_str());
    return err;
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string err = std::strerror(errno);
    ::unlink(tmp.c_str());
    return "cannot write '" + path.string() + "': " + err;
  }
  return std::nullopt;
}

std::optional<std::string> write_new_file(const fs::path& path, std::string_view content) {
  return write_all(path, path, content);
}

std::optional<std::string> read_file(const fs::path& path, std::string& content, std::size_t limit) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return "cannot read '" + path.string() + "': " + std::strerror(errno);
  content.clear();
  char buf[65536];
  while (content.size() <= limit) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      std::string err = std::strerror(errno);
      ::close(fd);
      return "cannot read '" + path.string() + "': " + err;
    }
    if (n == 0) break;
    content.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return std::nullopt;
}

}  // namespace esc
