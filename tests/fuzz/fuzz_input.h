// Helpers for the libFuzzer targets: the readers take file paths, so each input becomes an
// in-memory file (memfd) reached through /proc/self/fd, with no disk writes.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include <sys/mman.h>
#include <unistd.h>

namespace fuzz {

class MemFile {
 public:
  MemFile(const uint8_t* data, size_t size, const char* name) : fd_(memfd_create(name, MFD_CLOEXEC)) {
    if (fd_ >= 0 && size > 0 && write(fd_, data, size) != static_cast<ssize_t>(size)) {
      close(fd_);
      fd_ = -1;
    }
  }
  ~MemFile() {
    if (fd_ >= 0) close(fd_);
  }
  bool ok() const { return fd_ >= 0; }
  std::string path() const { return "/proc/self/fd/" + std::to_string(fd_); }

 private:
  int fd_;
};

}  // namespace fuzz
