// Long real-world addresses (issue 12, "addresses that fit"): 8 lines with the country
// line, lines of 60 to 90 characters, in Latin and Cyrillic, on every letter, envelope and
// label layout. Every word must land inside the address field (the window's address zone,
// the envelope's address zone, the first label's text area), and the size the tool reports
// must be at or above the layout's stated minimum (address_fit.min_size_pt).
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <set>
#include <regex>
#include <sstream>

#include "e2e/sample_case.h"
#include "support/pdf_probe.h"
#include "support/run.h"

namespace {

constexpr double kPtPerMm = 72.0 / 25.4;

struct FitCase {
  std::string command, layout;
};

class AddressesFit : public ::testing::TestWithParam<FitCase> {};

const std::vector<std::string> kLatin = {
    "H.E. Kassym-Jomart Tokayev",
    "President of the Republic of Kazakhstan, Supreme Commander-in-Chief of the Armed Forces",  // 87
    "Administration of the President, Office for Citizens' Appeals and Correspondence",         // 80
    "Government House, Mangilik Yel Street 6, Yesil District, Left Bank",                       // 66
    "Building 2, Entrance 4, Floor 7, Room 712, Reception of Written Appeals",                  // 71
    "P.O. Box 1234",
    "010000 ASTANA"};
const std::vector<std::string> kCyrillic = {
    "Его Превосходительству Касым-Жомарту Токаеву",
    "Президенту Республики Казахстан, Верховному главнокомандующему Вооружёнными силами",  // 82
    "Администрация Президента, отдел по обращениям граждан и корреспонденции",             // 71
    "Дом Правительства, улица Мангилик Ел 6, район Есиль, левый берег",                    // 64
    "корпус 2, подъезд 4, этаж 7, кабинет 712, приёмная письменных обращений",             // 71
    "а/я 1234",
    "010000 АСТАНА"};

struct Rect {
  double x0, y0, x1, y1;
};

Rect address_field(const nlohmann::json& layout) {
  if (layout.contains("grid")) {  // the first label's text area
    const auto& g = layout["grid"];
    const double p = g["padding_mm"].get<double>();
    const double x = g["left_mm"].get<double>() + p, y = g["top_mm"].get<double>() + p;
    return {x * kPtPerMm, y * kPtPerMm, (x + g["label_w_mm"].get<double>() - 2 * p) * kPtPerMm,
            (y + g["label_h_mm"].get<double>() - 2 * p) * kPtPerMm};
  }
  const auto& f = layout["frames"]["address"];
  const double x = f["x_mm"].get<double>(), y = f["y_mm"].get<double>();
  return {x * kPtPerMm, y * kPtPerMm, (x + f["w_mm"].get<double>()) * kPtPerMm, (y + f["h_mm"].get<double>()) * kPtPerMm};
}

TEST_P(AddressesFit, LongAddressesInLatinAndCyrillicFitTheField) {
  test::TempDir dir;
  nlohmann::json c = test::sample_case();
  // A sender abroad, so the country line is the address's eighth line.
  test::write_file(dir.path() / "senders.csv", "name,address,country,language\nAnna Kowalska,\"12 Hillside Road\nLONDON\nN1 2AB\",GB,\n");
  const nlohmann::json layout = test::layout_json(GetParam().layout);
  const double min_size = layout["address_fit"]["min_size_pt"].get<double>();
  const Rect field = address_field(layout);
  // The US #10 window is 17 mm high: at its minimum (5.5 pt on 5.9 pt) it holds 8 printed
  // lines, so the 8-line address with two wrapped lines is refused there, with the reason,
  // and a 6-line one (long lines included) is what must fit.
  const bool small_window = GetParam().layout == "us-letter-10";
  if (small_window) {
    c["targets"][0]["address"]["lines"] = nlohmann::json::object({{"en", kLatin}});
    test::write_file(dir.path() / "case.json", c.dump());
    const auto r = test::run({test::appeal_bin(), GetParam().command, (dir.path() / "case.json").string(), "--senders",
                              (dir.path() / "senders.csv").string(), "--target", "president", "--lang", "en", "--layout",
                              GetParam().layout, "-o", (dir.path() / "refused").string(), "-q"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("case.json:/targets/0/address/lines/en: 8 address lines (with the country line) of target "
                         "\"president\" (en) do not fit the address field of layout us-letter-10 (86 x 17 mm) even at 5.5 pt"),
              std::string::npos)
        << r.err;
  }
  for (const std::string lang : {"en", "ru"}) {
    // The address in one script only, so the window shows it whatever the post's language.
    std::vector<std::string> lines = lang == "en" ? kLatin : kCyrillic;
    if (small_window) lines = {lines[0], lines[1], lines[3], lines[5], lines[6]};
    c["targets"][0]["address"]["lines"] = nlohmann::json::object({{lang, lines}});
    test::write_file(dir.path() / "case.json", c.dump());
    const auto out = dir.path() / lang;
    const auto r = test::run({test::appeal_bin(), GetParam().command, (dir.path() / "case.json").string(), "--senders",
                              (dir.path() / "senders.csv").string(), "--target", "president", "--lang", lang, "--layout",
                              GetParam().layout, "-o", out.string()});  // not -q: the notes are checked
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // Every size the tool reports for this layout is at or above the minimum.
    const std::regex note("set at ([0-9.]+) pt on leading [0-9.]+ pt to fit layout " + GetParam().layout);
    int notes = 0;
    for (std::sregex_iterator it(r.err.begin(), r.err.end(), note), end; it != end; ++it, ++notes) {
      EXPECT_GE(std::stod((*it)[1]) + 1e-9, min_size) << r.err;
    }
    if (GetParam().layout != "envelope-10" && GetParam().layout != "envelope-c5") {
      EXPECT_GE(notes, 1) << "an address this long is set smaller than normal: " << r.err;
    }
    std::filesystem::path pdf;
    for (const auto& e : std::filesystem::recursive_directory_iterator(out)) {
      if (e.path().extension() == ".pdf") pdf = e.path();
    }
    ASSERT_FALSE(pdf.empty());
    EXPECT_TRUE(test::qpdf_clean(pdf)) << pdf;
    // The address's words, in order, are exactly the words inside the field, each whole.
    std::vector<std::string> expected, seen;
    for (const std::string& line : lines) {
      std::istringstream in(line);
      for (std::string w; in >> w;) expected.push_back(w);
    }
    expected.push_back("KAZAKHSTAN");  // placeholders for the country line, checked by count below
    expected.push_back("");
    for (const auto& w : test::pdftotext_words(pdf)) {
      const double cx = (w.x0 + w.x1) / 2, cy = (w.y0 + w.y1) / 2;
      if (w.page != 1 || cx < field.x0 || cx > field.x1 || cy < field.y0 || cy > field.y1) continue;
      seen.push_back(w.text);
      constexpr double kEps = 0.01;
      EXPECT_GE(w.x0, field.x0 - kEps) << w.text;
      EXPECT_LE(w.x1, field.x1 + kEps) << w.text;
      EXPECT_GE(w.y0, field.y0 - kEps) << w.text;
      EXPECT_LE(w.y1, field.y1 + kEps) << w.text;
    }
    // Words other than the country line's must all be there, in order.
    std::vector<std::string> own(expected.begin(), expected.end() - 2);
    std::vector<std::string> seen_own(seen.begin(), seen.begin() + std::min(seen.size(), own.size()));
    EXPECT_EQ(seen_own, own) << GetParam().layout << " " << lang;
    EXPECT_GE(seen.size(), own.size() + 1) << "the country line is inside the field too";
  }
}

INSTANTIATE_TEST_SUITE_P(EveryLayout, AddressesFit,
                         ::testing::Values(FitCase{"letters", "din5008-b-a4"}, FitCase{"letters", "us-letter-10"},
                                           FitCase{"envelopes", "envelope-dl"}, FitCase{"envelopes", "envelope-c5"},
                                           FitCase{"envelopes", "envelope-10"}, FitCase{"labels", "labels-l7160"},
                                           FitCase{"labels", "labels-5160"}),
                         [](const auto& info) {
                           std::string n = info.param.layout;
                           for (char& ch : n) ch = std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
                           return n;
                         });

// An address that cannot fit even at the minimum stops only its own files: the other
// targets and languages are written, the message names target, language and line, the
// skipped file is named, nothing temporary is left, and the exit status is 2.
struct Unfit {
  std::string label;
  std::function<void(nlohmann::json&)> edit;
  std::string message;
  std::string skipped;
};

class UnfitAddress : public ::testing::TestWithParam<Unfit> {};

TEST_P(UnfitAddress, StopsOnlyItsOwnFiles) {
  test::TempDir dir;
  nlohmann::json c = test::sample_case();
  GetParam().edit(c);
  test::write_file(dir.path() / "case.json", c.dump());
  const auto out = dir.path() / "out";
  const auto r = test::run({test::appeal_bin(), "letters", (dir.path() / "case.json").string(), "-o", out.string(), "-q"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(GetParam().message), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("appeal: not written: " + (out / GetParam().skipped).string()), std::string::npos) << r.err;
  std::set<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(out)) files.insert(e.path().filename().string());
  std::set<std::string> want = {"president-ru.pdf", "president-en.pdf", "ambassador-us-ru.pdf", "ambassador-us-en.pdf"};
  want.erase(GetParam().skipped);
  EXPECT_EQ(files, want);
  for (const auto& f : want) EXPECT_TRUE(test::qpdf_clean(out / f)) << f;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, UnfitAddress,
    ::testing::Values(
        // Eight lines fit the DIN window (at 8 pt); thirteen do not, even at 6.5 pt.
        Unfit{"TooManyLines",
              [](nlohmann::json& c) {
                auto& l = c["targets"][1]["address"]["lines"]["ru"];
                l.insert(l.end(), {"Line 5", "Line 6", "Line 7", "Line 8", "Line 9", "Line 10", "Line 11", "Line 12"});
              },
              "case.json:/targets/1/address/lines/ru: 13 address lines (with the country line) of target "
              "\"ambassador-us\" (ru) do not fit the address field of layout din5008-b-a4 (80 x 27 mm) even at 6.5 pt",
              "ambassador-us-ru.pdf"},
        // A long line wraps between words; one word wider than the window cannot.
        Unfit{"WordWiderThanTheWindow",
              [](nlohmann::json& c) {
                c["targets"][0]["address"]["lines"]["en"][1] =
                    "Office of the Presidentofthe_Republic_of_Kazakhstan_and_Commander_in_Chief_of_the_Armed_Forces";
              },
              "case.json:/targets/0/address/lines/en/1: address line \"Office of the "
              "Presidentofthe_Republic_of_Kazakhstan_and_Commander_in_Chief_of_the_Armed_Forces\" of target "
              "\"president\" (en) has a word wider than the address field",
              "president-en.pdf"}),
    [](const auto& info) { return info.param.label; });

}  // namespace
