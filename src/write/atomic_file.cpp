#include "write/atomic_file.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <streambuf>
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

// Writes all of `content` to a new file (`path` relative to `dir_fd`); the caller removes it on
// failure.
std::optional<std::string> write_all(int dir_fd, const fs::path& path, const fs::path& shown, std::string_view content) {
  int fd = ::openat(dir_fd, path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
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

// The output stream's buffer: 64 KiB at a time to the descriptor; the first error is kept and
// later writes are dropped.
class OutputFile::Buffer : public std::streambuf {
 public:
  Buffer(int fd, std::string shown) : fd_(fd), shown_(std::move(shown)), data_(64 * 1024, '\0') {
    setp(data_.data(), data_.data() + data_.size());
  }
  std::optional<std::string> drain() {
    if (!error_) error_ = write_fd(fd_, shown_, std::string_view(pbase(), static_cast<std::size_t>(pptr() - pbase())));
    setp(data_.data(), data_.data() + data_.size());
    return error_;
  }
  const std::optional<std::string>& error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    drain();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return drain() ? -1 : 0; }

 private:
  int fd_;
  std::string shown_;
  std::string data_;
  std::optional<std::string> error_;
};

OutputFile::OutputFile() = default;

OutputFile::~OutputFile() { abandon(); }

std::optional<std::string> OutputFile::open(const std::string& path, bool replace) {
  path_ = path;
  replace_ = replace;
  shown_ = path;
  if (is_stdout_path(path)) {
    fd_ = STDOUT_FILENO;
    shown_ = "standard output";
  } else if (struct stat st {}; ::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    if (!S_ISCHR(st.st_mode) && !S_ISFIFO(st.st_mode))
      return "cannot write '" + path + "': it is " + describe_file_type(st.st_mode) + "; give a file name";
    // A device or FIFO is written through, never replaced; a FIFO nobody reads is refused
    // rather than waited on.
    fd_ = ::open(path.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd_ < 0) {
      if (errno == ENXIO) return "cannot write '" + path + "': it is a FIFO and no process is reading it";
      return "cannot write '" + path + "': " + std::strerror(errno);
    }
    owns_fd_ = true;
    ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) & ~O_NONBLOCK);
  } else {
    std::error_code ec;
    if (fs::is_symlink(fs::symlink_status(path, ec))) {
      if (!fs::exists(fs::status(path, ec)))
        return "refusing to write through the symlink '" + path + "': it points to '" +
               fs::read_symlink(path, ec).string() + "', which does not exist";
      return "refusing to write through the symlink '" + path + "'";
    }
    fs::path tmp = path;
    tmp += ".tmp." + std::to_string(::getpid());
    temp_ = tmp;
    // An unnamed file in the target's folder (O_TMPFILE): invisible while it is written, and
    // gone if the run is killed; named only at commit(). Elsewhere a temporary name.
    fs::path folder = fs::path(path).parent_path();
    if (folder.empty()) folder = ".";
    fd_ = ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
    unnamed_ = fd_ >= 0;
    if (!unnamed_) fd_ = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd_ < 0) {
      temp_.clear();
      return "cannot write '" + path + "': " + std::strerror(errno);
    }
    owns_fd_ = true;
  }
  buffer_ = std::make_unique<Buffer>(fd_, shown_);
  stream_ = std::make_unique<std::ostream>(buffer_.get());
  return std::nullopt;
}

std::ostream& OutputFile::stream() { return *stream_; }

std::optional<std::string> OutputFile::commit() {
  std::optional<std::string> err = buffer_->drain();
  // Whether temp_ names this file (a named temporary open() created, or the unnamed file linked
  // there below): only then is that name renamed or removed.
  bool temp_is_ours = !temp_.empty() && !unnamed_;
  if (!err && unnamed_) {
    // Where nothing has the name yet, the finished file is named directly: no name but the
    // final one is ever seen. Replacing a file takes a temporary name and a rename; a run killed
    // between the two leaves that name (remove_killed_temporaries).
    const std::string proc = "/proc/self/fd/" + std::to_string(fd_);
    auto name = [&](const char* as) {
      return ::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, as, AT_SYMLINK_FOLLOW) == 0 ||
             (errno != EEXIST && ::linkat(fd_, "", AT_FDCWD, as, AT_EMPTY_PATH) == 0);
    };
    if (name(path_.c_str())) {
      // named
    } else if (errno != EEXIST || !replace_) {
      err = "cannot write '" + path_ + "': " + std::strerror(errno);
    } else if (name(temp_.c_str())) {
      temp_is_ours = true;
    } else {
      err = "cannot write '" + path_ + "': its temporary name '" + temp_.string() + "' cannot be used: " +
            std::strerror(errno);
    }
  }
  if (owns_fd_) {
    if (::close(fd_) != 0 && !err) err = "cannot write '" + path_ + "': " + std::strerror(errno);
    owns_fd_ = false;
  }
  fd_ = -1;
  if (temp_is_ours) {
    // Without replacing: a second name (fails where the name is taken), the temporary one dropped.
    if (!err && (replace_ ? ::rename(temp_.c_str(), path_.c_str()) : ::link(temp_.c_str(), path_.c_str())) != 0)
      err = "cannot write '" + path_ + "': " + std::strerror(errno);
    if (err || !replace_) ::unlink(temp_.c_str());
  }
  temp_.clear();
  unnamed_ = false;
  return err;
}

void OutputFile::abandon() {
  if (owns_fd_) ::close(fd_);
  owns_fd_ = false;
  fd_ = -1;
  if (!temp_.empty() && !unnamed_) ::unlink(temp_.c_str());
  temp_.clear();
  unnamed_ = false;
}

bool process_gone(std::string_view pid) {
  if (pid.empty() || pid.size() > 9 || pid.find_first_not_of("0123456789") != std::string_view::npos) return false;
  const long n = std::stol(std::string(pid));
  return n > 0 && ::kill(static_cast<pid_t>(n), 0) != 0 && errno == ESRCH;
}

bool file_begins_with(const fs::path& path, std::string_view signature) {
  std::error_code ec;
  if (!fs::is_regular_file(fs::symlink_status(path, ec))) return false;
  std::string head;
  return !read_file(path, head, signature.size()) && head.starts_with(signature);
}

void remove_killed_temporaries(const fs::path& path, std::string_view signature) {
  fs::path folder = path.parent_path();
  if (folder.empty()) folder = ".";
  const std::string prefix = path.filename().string() + ".tmp.";
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    // Called before this process names any such file: one under its own pid was left by an
    // earlier process that had the same pid.
    if (!name.starts_with(prefix)) continue;
    const std::string_view pid = std::string_view(name).substr(prefix.size());
    if (!process_gone(pid) && pid != std::to_string(::getpid())) continue;
    if (file_begins_with(it->path(), signature)) ::unlink(it->path().c_str());
  }
}

std::optional<std::string> write_output_file(const std::string& path, std::string_view content) {
  OutputFile file;
  if (auto err = file.open(path)) return err;
  file.stream().write(content.data(), static_cast<std::streamsize>(content.size()));
  return file.commit();
}

std::optional<std::string> write_new_file(const fs::path& path, std::string_view content) {
  return write_all(AT_FDCWD, path, path, content);
}

std::optional<std::string> write_new_file_at(int dir_fd, const fs::path& relative, const fs::path& shown,
                                             std::string_view content) {
  return write_all(dir_fd, relative, shown, content);
}

}  // namespace esc
