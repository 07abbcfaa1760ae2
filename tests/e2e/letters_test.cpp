// Renders the sample with the real binary and checks every PDF as a user would see it.
#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <sstream>

#include "e2e/sample_case.h"
#include "support/pdf_probe.h"
#include "support/run.h"

namespace {

using nlohmann::json;
constexpr double kPtPerMm = 72.0 / 25.4;

struct LayoutCase {
  std::string name;
  double width_pt, height_pt;
};

void PrintTo(const LayoutCase& c, std::ostream* os) { *os << c.name; }

class Letters : public ::testing::TestWithParam<LayoutCase> {
 protected:
  static void SetUpTestSuite() { dirs_ = new std::map<std::string, std::unique_ptr<test::TempDir>>(); }
  static void TearDownTestSuite() {
    delete dirs_;
    dirs_ = nullptr;
  }

  // One rendering per layout, shared by the tests of that layout.
  const std::filesystem::path& out() {
    auto& slot = (*dirs_)[GetParam().name];
    if (!slot) {
      slot = std::make_unique<test::TempDir>();
      const auto r = test::render_letters(test::source_dir() / "samples/ua-31-22/case.json", slot->path(),
                                          {"--layout", GetParam().name});
      EXPECT_EQ(r.exit_code, 0) << r.err;
    }
    return slot->path();
  }

  std::vector<std::pair<std::string, std::string>> letters() {  // target id, language
    std::vector<std::pair<std::string, std::string>> v;
    for (const auto& t : kase["targets"]) {
      for (const auto& l : kase["languages"]) v.emplace_back(t["id"].get<std::string>(), l.get<std::string>());
    }
    return v;
  }

  std::filesystem::path pdf(const std::string& target, const std::string& lang) {
    return out() / (target + "-" + lang + ".pdf");
  }

  const json& target(const std::string& id) {
    for (const auto& t : kase["targets"]) {
      if (t["id"] == id) return t;
    }
    throw std::runtime_error("no target " + id);
  }

  std::vector<std::string> address_lines(const std::string& id, const std::string& lang) {
    const json& t = target(id);
    const json& lines = t["address"]["lines"].contains(lang) ? t["address"]["lines"][lang] : t["address"]["lines"]["en"];
    std::vector<std::string> v = lines.get<std::vector<std::string>>();
    v.push_back(t["address"]["country"] == "KZ" ? "KAZAKHSTAN" : "UNITED STATES");  // no --from: always a country line
    return v;
  }

  json kase = test::sample_case();
  static std::map<std::string, std::unique_ptr<test::TempDir>>* dirs_;
};

std::map<std::string, std::unique_ptr<test::TempDir>>* Letters::dirs_ = nullptr;

TEST_P(Letters, OneFilePerTargetAndPreferredLanguageAndNothingElse) {
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(out())) {
    (void)e;
    ++files;
  }
  EXPECT_EQ(files, 4u);
  for (const auto& [t, l] : letters()) EXPECT_TRUE(std::filesystem::exists(pdf(t, l))) << t << "-" << l;
}

TEST_P(Letters, QpdfCheckIsClean) {
  for (const auto& [t, l] : letters()) {
    std::string report;
    EXPECT_TRUE(test::qpdf_clean(pdf(t, l), &report)) << t << "-" << l << "\n" << report;
  }
}

TEST_P(Letters, EveryFontEmbeddedSubsetWithUnicode) {
  for (const auto& [t, l] : letters()) {
    const auto fonts = test::pdffonts(pdf(t, l));
    EXPECT_GE(fonts.size(), 2u);
    for (const auto& f : fonts) {
      EXPECT_TRUE(f.embedded && f.subset && f.unicode) << t << "-" << l << ": " << f.name;
      EXPECT_EQ(f.type, "CID TrueType");
    }
  }
}

TEST_P(Letters, TextExtractsExactly) {
  for (const auto& [t, l] : letters()) {
    const std::string text = test::normalize_ws(test::pdftotext(pdf(t, l)));
    const json& letter = kase["letters"][l];
    std::vector<std::string> expected = {target(t)["salutation"][l], letter["subject"], letter["closing"]};
    for (const auto& p : letter["body"]) expected.push_back(p);
    for (const auto& a : address_lines(t, l)) expected.push_back(a);
    expected.push_back(l == "ru" ? "16 июня 2023 г." : "16 June 2023");
    for (const auto& e : expected) {
      EXPECT_NE(text.find(test::normalize_ws(e)), std::string::npos)
          << t << "-" << l << " lacks: " << e << "\n--- extracted:\n" << text;
    }
  }
}

TEST_P(Letters, PageBoxesAreThePaperSize) {
  for (const auto& [t, l] : letters()) {
    const auto b = test::pdfinfo_boxes(pdf(t, l));
    EXPECT_EQ(b.pages, 1) << "the sample letters fit one page";
    for (const test::Box& box : {b.media, b.crop, b.trim}) {
      EXPECT_NEAR(box.x0, 0, 0.01);
      EXPECT_NEAR(box.y0, 0, 0.01);
      EXPECT_NEAR(box.x1, GetParam().width_pt, 0.01);
      EXPECT_NEAR(box.y1, GetParam().height_pt, 0.01);
    }
  }
}

TEST_P(Letters, RecipientLinesAndNothingElseInTheWindow) {
  const json w = test::layout_json(GetParam().name)["frames"]["window"];
  const double x0 = w["x_mm"].get<double>() * kPtPerMm, y0 = w["y_mm"].get<double>() * kPtPerMm;
  const double x1 = x0 + w["w_mm"].get<double>() * kPtPerMm, y1 = y0 + w["h_mm"].get<double>() * kPtPerMm;
  for (const auto& [t, l] : letters()) {
    std::vector<std::string> seen, expected;
    for (const auto& word : test::pdftotext_words(pdf(t, l))) {
      const double cx = (word.x0 + word.x1) / 2, cy = (word.y0 + word.y1) / 2;
      if (word.page != 1 || cx < x0 || cx > x1 || cy < y0 || cy > y1) continue;
      seen.push_back(word.text);
      constexpr double kEps = 0.01;  // poppler prints 6 decimals; the frame edge itself is inside
      EXPECT_GE(word.x0, x0 - kEps) << word.text;
      EXPECT_LE(word.x1, x1 + kEps) << word.text;
      EXPECT_GE(word.y0, y0 - kEps) << word.text;
      EXPECT_LE(word.y1, y1 + kEps) << word.text;
    }
    for (const auto& line : address_lines(t, l)) {
      std::istringstream in(line);
      for (std::string word; in >> word;) expected.push_back(word);
    }
    EXPECT_EQ(seen, expected) << t << "-" << l;
  }
}

TEST_P(Letters, SameInputGivesIdenticalBytes) {
  test::TempDir again;
  const auto r = test::render_letters(test::source_dir() / "samples/ua-31-22/case.json", again.path(),
                                      {"--layout", GetParam().name});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const auto& [t, l] : letters()) {
    const std::string name = t + "-" + l + ".pdf";
    EXPECT_TRUE(test::read_file(again.path() / name) == test::read_file(out() / name)) << name;
  }
}

TEST_P(Letters, LongLetterContinuesOnPageTwoWithHeader) {
  json c = test::sample_case();
  for (const std::string lang : {"ru", "en"}) {
    json& body = c["letters"][lang]["body"];
    const json copy = body;
    for (int i = 0; i < 2; ++i) body.insert(body.end(), copy.begin(), copy.end());
  }
  test::TempDir dir;
  test::write_file(dir.path() / "case.json", c.dump());
  const auto r = test::render_letters(dir.path() / "case.json", dir.path() / "out",
                                      {"--layout", GetParam().name, "--lang", "en,ru"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const std::string lang : {"en", "ru"}) {
    const auto file = dir.path() / "out" / ("president-" + lang + ".pdf");
    EXPECT_TRUE(test::qpdf_clean(file));
    const auto boxes = test::pdfinfo_boxes(file);
    ASSERT_EQ(boxes.pages, 2);
    const std::string header = lang == "en" ? "Zhanbolat Mamay · page 2 of 2" : "Жанболат Мамай · стр. 2 из 2";
    const std::string page2 = test::normalize_ws(test::pdftotext(file, 2, 2));
    EXPECT_EQ(page2.rfind(header, 0), 0u) << page2.substr(0, 200);
    EXPECT_EQ(test::normalize_ws(test::pdftotext(file, 1, 1)).find(header), std::string::npos);
    const std::string all = test::normalize_ws(test::pdftotext(file));
    for (const auto& p : c["letters"][lang]["body"]) {
      EXPECT_NE(all.find(test::normalize_ws(p)), std::string::npos) << p;
    }
    // The signature caption follows the closing on the same page.
    const std::string closing = c["letters"][lang]["closing"];
    EXPECT_NE(page2.find(closing), std::string::npos);
  }
}

TEST(KazakhLetter, ShapesAndExtractsExactly) {
  json c = test::sample_case();
  c["languages"] = {"kk"};
  const std::string body =
      "Мен Сізге 2023 жылғы 10 сәуірде алты жылға шартты түрде сотталған Жанболат Мамайға қатысты жазып "
      "отырмын. Оған қойылған барлық шектеулерді дереу алып тастауыңызды және барлық айыптардың "
      "қысқартылуын сұраймын: әділдік, ғибрат, қоғам, өңір, ұлт, үміт, һәм ілім.";
  c["letters"]["kk"] = {{"body", {body}}, {"closing", "Құрметпен,"}};
  for (auto& t : c["targets"]) t["salutation"]["kk"] = "Құрметті мырза!";
  c["targets"][0]["address"]["lines"]["kk"] = {"Қазақстан Республикасының Президенті", "Мәңгілік Ел даңғылы, 6",
                                               "010000 Астана"};
  test::TempDir dir;
  test::write_file(dir.path() / "case.json", c.dump());
  const auto r = test::render_letters(dir.path() / "case.json", dir.path() / "out");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto file = dir.path() / "out" / "president-kk.pdf";
  EXPECT_TRUE(test::qpdf_clean(file));
  for (const auto& f : test::pdffonts(file)) EXPECT_TRUE(f.embedded && f.subset && f.unicode) << f.name;
  const std::string text = test::normalize_ws(test::pdftotext(file));
  for (const std::string expected : {body, std::string("Құрметпен,"), std::string("Құрметті мырза!"),
                                     std::string("Мәңгілік Ел даңғылы, 6"), std::string("2023 жылғы 16 маусым")}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n--- extracted:\n" << text;
  }
}

INSTANTIATE_TEST_SUITE_P(Layouts, Letters,
                         ::testing::Values(LayoutCase{"din5008-b-a4", 595.276, 841.89},
                                           LayoutCase{"us-letter-10", 612, 792}),
                         [](const auto& info) { return test::test_name(info.param.name); });

}  // namespace
