// The sample letters held to the typography bar: no worse than XeLaTeX on the same text
// (bench/xelatex-reference.json, made by bench/typo-compare.sh), at most two hyphenated
// lines in a row, no overfull lines, no widows or orphans. Measured by tests/tools/typo-metrics.
#include <gtest/gtest.h>

#include "e2e/sample_case.h"
#include "support/pdf_probe.h"
#include "support/run.h"

namespace {

using nlohmann::json;

json metrics(const std::filesystem::path& pdf) {
  const auto r = test::run({(test::source_dir() / "tests/tools/typo-metrics").string(), "--json", pdf.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

void expect_clean_pages(const json& m, const std::string& name) {
  EXPECT_LE(m["longest_hyphen_run"].get<int>(), 2) << name;
  EXPECT_EQ(m["overfull_lines"].get<int>(), 0) << name;
  EXPECT_EQ(m["widows"].get<int>(), 0) << name;
  EXPECT_EQ(m["orphans"].get<int>(), 0) << name;
}

TEST(Typography, SampleLettersAreNoWorseThanXeLaTeX) {
  const json ref = json::parse(test::read_file(test::source_dir() / "bench/xelatex-reference.json"));
  test::TempDir dir;
  const auto r = test::render_letters(test::source_dir() / "samples/ua-31-22/case.json", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const std::string lang : {"ru", "en"}) {
    const json m = metrics(dir.path() / ("president-" + lang + ".pdf"));
    ASSERT_GE(m["justified_lines"].get<int>(), 10) << "the body must be measured, not skipped";
    EXPECT_LE(m["worst_ratio"].get<double>(), ref[lang]["worst_ratio"].get<double>() + 1e-6) << lang;
    expect_clean_pages(m, "president-" + lang);
  }
}

TEST(Typography, EveryLayoutAndLongLettersPaginateCleanly) {
  json c = test::sample_case();
  for (const std::string lang : {"ru", "en"}) {
    json& body = c["letters"][lang]["body"];
    const json copy = body;
    body.insert(body.end(), copy.begin(), copy.end());  // about a page and a half
  }
  test::TempDir dir;
  test::write_file(dir.path() / "long.json", c.dump());
  for (const std::string layout : {"din5008-b-a4", "us-letter-10"}) {
    for (const auto& [file, name] : {std::pair{test::source_dir() / "samples/ua-31-22/case.json", std::string("short")},
                                     std::pair{dir.path() / "long.json", std::string("long")}}) {
      const auto out = dir.path() / (layout + "-" + name);
      const auto r = test::render_letters(file, out, {"--layout", layout});
      ASSERT_EQ(r.exit_code, 0) << r.err;
      for (const auto& e : std::filesystem::directory_iterator(out)) {
        expect_clean_pages(metrics(e.path()), layout + "/" + name + "/" + e.path().filename().string());
      }
    }
  }
}

}  // namespace
