#include "app/runner.h"

#include <algorithm>
#include <exception>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "app/output_batch.h"
#include "appeal/address_block.h"
#include "common/input_error.h"

namespace appeal::app {

TaskSource tasks_from(std::vector<FileTask> tasks) {
  auto list = std::make_shared<std::vector<FileTask>>(std::move(tasks));
  auto at = std::make_shared<size_t>(0);
  return [list, at](FileTask& out) {
    if (*at == list->size()) return false;
    out = std::move((*list)[(*at)++]);
    return true;
  };
}

void run_tasks(const TaskSource& next, Typesetters& typesetters, const RunnerSettings& settings) {
  OutputBatch batch(settings.dir);
  std::mutex mu;  // guards next, the batch and the failures
  struct Failure {
    std::string name;
    std::filesystem::path temp;
    std::exception_ptr error;
  };
  std::map<size_t, Failure> failures;  // by file number, so the first in file order is reported
  size_t count = 0;
  bool source_failed = false;
  const auto worker = [&](text::Typesetter& ts) {
    for (;;) {
      FileTask task;
      std::filesystem::path temp;
      size_t index = 0;
      {
        std::lock_guard<std::mutex> lock(mu);
        if (source_failed) return;
        try {
          if (!next(task)) return;
          index = count++;
          temp = batch.reserve(task.name);
        } catch (...) {
          // The plan itself failed (a senders CSV read again): nothing more is made.
          failures[count++] = {"", "", std::current_exception()};
          source_failed = true;
          return;
        }
      }
      try {
        task.make(ts, temp);
      } catch (...) {
        std::lock_guard<std::mutex> lock(mu);
        failures[index] = {task.name, temp, std::current_exception()};
      }
    }
  };
  const unsigned jobs = std::max(1u, settings.jobs);
  if (jobs == 1) {
    worker(typesetters.first());
  } else {
    // The first worker uses the prepared typesetter (fonts loaded, patterns loading).
    std::vector<std::thread> threads;
    for (text::Typesetter* ts : typesetters.for_threads(jobs, settings.font_files)) {
      threads.emplace_back(worker, std::ref(*ts));
    }
    for (std::thread& t : threads) t.join();
  }
  typesetters.first().finish_loading();
  // An address that cannot fit stops only its own files (issue 12): the others are
  // written and the run still ends with exit 2. Any other error writes nothing.
  std::vector<std::string> unfit;
  for (const auto& [index, failure] : failures) {
    try {
      std::rethrow_exception(failure.error);
    } catch (const UnfittableAddress& e) {
      unfit.push_back(std::string(e.what()) + "\nappeal: not written: " + (settings.dir / failure.name).string());
    }
  }
  for (const auto& [index, failure] : failures) batch.drop(failure.temp);
  batch.commit();
  batch.each_final_path([](const std::filesystem::path& f) { std::cout << f.string() << '\n'; });
  if (!unfit.empty()) throw InputMessages(std::move(unfit));
}

}  // namespace appeal::app
