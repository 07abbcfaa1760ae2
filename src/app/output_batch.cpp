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

// The live batches, whose temporary files the interrupt handler removes.
std::mutex g_mu;
std::set<OutputBatch*>& live() {
  static std::set<OutputBatch*> s;
  return s;
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
    // The lock is never released: a worker that would create the next temporary file
    // waits for it until the process is gone, so none appears after the cleanup.
    g_mu.lock();
    for (const OutputBatch* b : live()) {
      for (size_t i = b->renamed_; i < b->files_.size(); ++i) {
        if (!b->files_[i].dropped) ::unlink((b->dir_ / b->files_[i].temp).c_str());
      }
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
  std::lock_guard<std::mutex> lock(g_mu);
  live().insert(this);
}

OutputBatch::~OutputBatch() {
  {
    std::lock_guard<std::mutex> lock(g_mu);
    live().erase(this);
  }
  if (committed_) return;
  for (size_t i = renamed_; i < files_.size(); ++i) {
    std::error_code ec;
    if (!files_[i].dropped) std::filesystem::remove(dir_ / files_[i].temp, ec);
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
  // Held from creating the file to listing it: an interrupt in between would otherwise
  // find a temporary file it does not know of and leave it behind.
  std::lock_guard<std::mutex> lock(g_mu);
  const int fd = mkostemp(templ.data(), O_CLOEXEC);
  if (fd < 0) {
    throw InputError(dir_, "", std::string("cannot write in the output folder: ") + std::strerror(errno));
  }
  // mkostemp creates the file 0600; a PDF is for sharing, so it gets the mode any new
  // file gets (0666 less the umask), as if created by open(2).
  const mode_t mask = process_umask();
  if (::fchmod(fd, 0666 & ~mask) != 0) {
    ::close(fd);
    ::unlink(templ.c_str());
    throw InputError(dir_, "", std::string("cannot write in the output folder: ") + std::strerror(errno));
  }
  ::close(fd);
  files_.push_back({std::filesystem::path(templ).filename().native(), final_name});
  return templ;
}

void OutputBatch::commit() {
  for (size_t i = renamed_; i < files_.size(); ++i) {
    const Entry& e = files_[i];
    if (!e.dropped) {
      std::error_code ec;
      std::filesystem::rename(dir_ / e.temp, dir_ / e.final_name, ec);
      if (ec) throw InputError(dir_ / e.final_name, "", "cannot write the file: " + ec.message());
    }
    std::lock_guard<std::mutex> lock(g_mu);  // the interrupt handler reads renamed_
    renamed_ = i + 1;
  }
  committed_ = true;
}

void OutputBatch::drop(const std::filesystem::path& temp) {
  const std::string name = temp.filename().native();
  std::lock_guard<std::mutex> lock(g_mu);
  for (Entry& e : files_) {
    if (e.temp != name || e.dropped) continue;
    std::error_code ec;
    std::filesystem::remove(dir_ / e.temp, ec);
    e.dropped = true;
    return;
  }
}

void OutputBatch::each_final_path(const std::function<void(const std::filesystem::path&)>& f) const {
  for (const Entry& e : files_) {
    if (!e.dropped) f(dir_ / e.final_name);
  }
}

}  // namespace appeal::app
