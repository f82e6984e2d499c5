#include "write/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/file.h"

namespace esc {

namespace fs = std::filesystem;

namespace {

// Writes all of `content` to an open descriptor.
std::optional<std::string> write_fd(int fd, const std::string& shown, std::string_view content) {
  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return "cannot write '" + shown + "': " + std::strerror(errno);
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  return std::nullopt;
}

// Writes all of `content` to a new file; the caller removes it on failure.
std::optional<std::string> write_all(const fs::path& path, const fs::path& shown, std::string_view content) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) return "cannot write '" + shown.string() + "': " + std::strerror(errno);
  if (auto err = write_fd(fd, shown.string(), content)) {
    ::close(fd);
    return err;
  }
  if (::close(fd) != 0) return "cannot write '" + shown.string() + "': " + std::strerror(errno);
  return std::nullopt;
}

}  // namespace

bool is_stdout_path(const std::string& path) { return path == "-" || path == "/dev/stdout"; }

std::optional<std::string> write_output_file(const std::string& path, std::string_view content) {
  if (is_stdout_path(path)) return write_fd(STDOUT_FILENO, "standard output", content);
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    if (!S_ISCHR(st.st_mode) && !S_ISFIFO(st.st_mode))
      return "cannot write '" + path + "': it is " + describe_file_type(st.st_mode) + "; give a file name";
    // A device or FIFO is written through, never replaced; a FIFO nobody reads is refused
    // rather than waited on.
    int fd = ::open(path.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
      if (errno == ENXIO) return "cannot write '" + path + "': it is a FIFO and no process is reading it";
      return "cannot write '" + path + "': " + std::strerror(errno);
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    auto err = write_fd(fd, path, content);
    if (::close(fd) != 0 && !err) err = "cannot write '" + path + "': " + std::strerror(errno);
    return err;
  }
  std::error_code ec;
  if (fs::is_symlink(fs::symlink_status(path, ec)) && !fs::exists(fs::status(path, ec)))
    return "refusing to write through the symlink '" + path + "': it points to '" +
           fs::read_symlink(path, ec).string() + "', which does not exist";
  return write_file_atomic(path, content);
}

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

}  // namespace esc
