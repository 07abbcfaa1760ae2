#include "app/output_batch.h"

#include <csignal>
#include <cstring>
#include <mutex>
#include <set>
#include <system_error>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "common/input_error.h"

namespace appeal::app {

namespace {

// The process's umask, read once (umask(2) can only be read by setting it).
mode_t process_umask() {
  static const mode_t mask = [] {
    const mode_t m = ::umask(022);
    ::umask(m);
    return m;
  }();
  return mask;
}

// Temporary files not yet renamed or removed, for the interrupt handler.
std::mutex g_mu;
std::set<std::string>& pending() {
  static std::set<std::string> s;
  return s;
}

void forget(const std::filesystem::path& p) {
  std::lock_guard<std::mutex> lock(g_mu);
  pending().erase(p.native());
}

}  // namespace

void remove_files_on_interrupt() {
  // SIGINT, SIGTERM and SIGHUP are blocked in every thread (threads inherit the mask from
  // here) and taken by one thread with sigwait, where removing files is ordinary code, not
  // a signal handler's restricted kind.
  static sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::thread([] {
    int sig = 0;
    sigwait(&set, &sig);
    {
      std::lock_guard<std::mutex> lock(g_mu);
      for (const std::string& p : pending()) ::unlink(p.c_str());
    }
    // The conventional status of a process ended by a signal (128 + its number).
    _exit(128 + sig);
  }).detach();
}

OutputBatch::OutputBatch(std::filesystem::path dir) : dir_(std::move(dir)) {
  std::error_code ec;
  // The folders this batch creates, deepest first: removed again if nothing is committed.
  for (std::filesystem::path p = dir_; !p.empty() && !std::filesystem::exists(p, ec); p = p.parent_path()) {
    created_.push_back(p);
    if (p == p.parent_path()) break;
  }
  std::filesystem::create_directories(dir_, ec);
  if (ec || !std::filesystem::is_directory(dir_)) {
    throw InputError(dir_, "", "cannot create the output folder: " + (ec ? ec.message() : "a file of that name exists"));
  }
}

OutputBatch::~OutputBatch() {
  if (committed_) return;
  for (const auto& [temp, final_path] : files_) {
    std::error_code ec;
    std::filesystem::remove(temp, ec);
    forget(temp);
  }
  for (const std::filesystem::path& d : created_) {
    std::error_code ec;
    if (std::filesystem::is_empty(d, ec) && !ec) std::filesystem::remove(d, ec);
  }
}

std::filesystem::path OutputBatch::reserve(const std::string& final_name) {
  // Created here, exclusively (O_EXCL, as mkstemp does), with a random part: a name
  // planted in the folder beforehand, a symbolic link included, is never written through.
  // Dot-prefixed, so globbing users do not see it.
  std::string templ = (dir_ / ("." + final_name + ".XXXXXX")).native();
  const int fd = mkostemp(templ.data(), O_CLOEXEC);
  if (fd < 0) {
    throw InputError(dir_, "", std::string("cannot write in the output folder: ") + std::strerror(errno));
  }
  // mkostemp creates the file 0600; a PDF is for sharing, so it gets the mode any new
  // file gets (0666 less the umask), as if created by open(2).
  const mode_t mask = process_umask();
  if (::fchmod(fd, 0666 & ~mask) != 0) {
    ::close(fd);
    throw InputError(dir_, "", std::string("cannot write in the output folder: ") + std::strerror(errno));
  }
  ::close(fd);
  {
    std::lock_guard<std::mutex> lock(g_mu);
    pending().insert(templ);
  }
  files_.emplace_back(templ, dir_ / final_name);
  return templ;
}

void OutputBatch::commit() {
  for (const auto& [temp, final_path] : files_) {
    std::error_code ec;
    std::filesystem::rename(temp, final_path, ec);
    if (ec) throw InputError(final_path, "", "cannot write the file: " + ec.message());
    forget(temp);
  }
  committed_ = true;
}

void OutputBatch::drop(const std::filesystem::path& temp) {
  for (auto it = files_.begin(); it != files_.end(); ++it) {
    if (it->first != temp) continue;
    std::error_code ec;
    std::filesystem::remove(temp, ec);
    forget(temp);
    files_.erase(it);
    return;
  }
}

}  // namespace appeal::app
