// Runs a plan's files on worker threads: each file written under a temporary name in the
// output folder and renamed only when every file succeeded (app/output_batch.h), errors
// reported in file order whatever the threads' timing, the written files listed on stdout.
#pragma once
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "app/typesetters.h"

namespace appeal::app {

// One output file and how to make it with a given typesetter (the worker thread's own).
struct FileTask {
  std::string name;
  std::function<void(text::Typesetter&, const std::filesystem::path&)> make;
};

// Gives the plan's next file, in order, or false when there are no more. Called by one
// worker at a time, so a plan may read its input (a senders CSV) as it goes and never
// holds every task at once.
using TaskSource = std::function<bool(FileTask&)>;

// A plan that is a list.
TaskSource tasks_from(std::vector<FileTask> tasks);

struct RunnerSettings {
  std::filesystem::path dir;  // the output folder (created if missing)
  unsigned jobs = 1;          // worker threads
  std::vector<std::string> font_files;  // loaded into the other workers' typesetters
};

// Makes every file. An address that cannot fit (UnfittableAddress) stops only its own
// file: the others are written and InputMessages then lists the unwritten ones. Any
// other error is rethrown (the first in file order) and nothing is written.
void run_tasks(const TaskSource& next, Typesetters& typesetters, const RunnerSettings& settings);

}  // namespace appeal::app
