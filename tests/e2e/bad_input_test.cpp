// Malformed cases: exit 2, a message naming file and location, and no file left behind.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "e2e/sample_case.h"
#include "support/run.h"

namespace {

using nlohmann::json;

struct BadCase {
  std::string name;
  std::function<void(json&)> mutate;  // applied to the sample; unused when raw is set
  std::string raw;                    // file content instead of the mutated sample
  std::string expected;               // must appear in stderr
  std::vector<std::string> args = {};
};

void PrintTo(const BadCase& c, std::ostream* os) { *os << c.name; }

// The sample case as text with the first `from` replaced by `to` (for what a JSON value
// cannot hold: duplicate keys, bad escapes, bad bytes).
std::string sample_with(const std::string& from, const std::string& to) {
  std::string text = test::read_file(test::source_dir() / "samples/ua-31-22/case.json");
  const size_t at = text.find(from);
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

class BadInput : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadInput, ExitsTwoNamesTheSpotAndWritesNothing) {
  const BadCase& bc = GetParam();
  test::TempDir dir;
  const auto file = dir.path() / "case.json";
  if (!bc.raw.empty()) {
    test::write_file(file, bc.raw);
  } else {
    json c = test::sample_case();
    bc.mutate(c);
    test::write_file(file, c.dump(2));
  }
  const auto out = dir.path() / "out";
  const auto r = test::render_letters(file, out, bc.args);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find(bc.expected), std::string::npos) << "stderr: " << r.err;
  EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err;
  size_t left = 0;
  if (std::filesystem::exists(out)) {
    for (const auto& e : std::filesystem::directory_iterator(out)) {
      ADD_FAILURE() << "left behind: " << e.path();
      ++left;
    }
  }
  EXPECT_EQ(left, 0u);
}

const BadCase kCases[] = {
    {"SyntaxError", nullptr, "{\n  \"id\": \"UA 1\",\n  \"title\": {\"en\": \"x\"},,\n}\n", "case.json:3:24: JSON syntax error"},
    {"MissingId", [](json& c) { c.erase("id"); }, "", "case.json:/id: missing required field \"id\""},
    {"MissingTargets", [](json& c) { c.erase("targets"); }, "", "case.json:/targets: missing required field"},
    {"MissingPersonName", [](json& c) { c["person"].erase("name"); }, "", "case.json:/person/name: missing required field"},
    {"MissingDeadline", [](json& c) { c.erase("deadline"); }, "", "case.json:/deadline: missing required field"},
    {"MissingSalutationInPreferredLanguage", [](json& c) { c["targets"][1]["salutation"].erase("ru"); }, "",
     "case.json:/targets/1/salutation/ru: missing text for preferred language"},
    {"MissingLetterInPreferredLanguage", [](json& c) { c["letters"].erase("en"); }, "",
     "case.json:/letters/en: missing the letter"},
    {"MissingClosing", [](json& c) { c["letters"]["ru"].erase("closing"); }, "",
     "case.json:/letters/ru/closing: missing required field"},
    {"MissingAddressCountry", [](json& c) { c["targets"][0]["address"].erase("country"); }, "",
     "case.json:/targets/0/address/country: missing required field"},
    {"AddressLinesNotAnArray", [](json& c) { c["targets"][1]["address"]["lines"]["ru"] = "2100 16th Street"; }, "",
     "case.json:/targets/1/address/lines/ru: expected an array of strings"},
    {"DeadlineNotAString", [](json& c) { c["deadline"] = 20230616; }, "", "case.json:/deadline: expected a string, got a number"},
    {"DeadlineNotIso", [](json& c) { c["deadline"] = "16 June 2023"; }, "", "case.json:/deadline: expected a date as YYYY-MM-DD"},
    {"TargetsNotAnArray", [](json& c) { c["targets"] = json::object(); }, "", "case.json:/targets: expected an array, got an object"},
    {"UnknownPreferredLanguage", [](json& c) { c["languages"] = {"ru", "xx"}; }, "",
     "case.json:/languages/1: unknown language \"xx\" (not an ISO 639 code)"},
    {"UnknownLanguageKey", [](json& c) { c["title"]["zz"] = "?"; }, "", "case.json:/title/zz: unknown language \"zz\" (not an ISO 639 code)"},
    {"EmptyBody", [](json& c) { c["letters"]["en"]["body"] = json::array(); }, "", "case.json:/letters/en/body: the letter body is empty"},
    {"BlankParagraph", [](json& c) { c["letters"]["ru"]["body"][1] = "   "; }, "", "case.json:/letters/ru/body/1: must not be empty"},
    // A private-use character: no installed font draws it.
    {"UnsupportedCharacter", [](json& c) { c["letters"]["ru"]["body"][0] = "Свободу \uE000 активистам"; }, "",
     "case.json:/letters/ru/body/0: U+E000 '\uE000' (character 9) cannot be drawn by any installed font"},
    {"UnknownCountry", [](json& c) { c["targets"][0]["address"]["country"] = "XK1"; }, "",
     "case.json:/targets/0/address/country: expected an ISO 3166-1 alpha-2 code"},
    {"UnassignedCountry", [](json& c) { c["targets"][0]["address"]["country"] = "ZZ"; }, "",
     "case.json:/targets/0/address/country: unknown ISO 3166-1 country code \"ZZ\""},
    {"TargetIdNotFileSafe", [](json& c) { c["targets"][0]["id"] = "The President"; }, "",
     "case.json:/targets/0/id: must be 1 to 64 lower-case letters"},
    {"DuplicateTargetId", [](json& c) { c["targets"][1]["id"] = "president"; }, "", "case.json:/targets/1/id: target id used twice"},
    {"RootNotAnObject", nullptr, "[1, 2]", "case.json:/: expected an object, got an array"},
    {"LangOptionNotInCase", [](json&) {}, "", "--lang de:", {"--lang", "de"}},
    {"LangOptionWithoutSalutation", [](json& c) { c["letters"]["kk"] = c["letters"]["ru"]; }, "",
     "case.json:/targets/0/salutation/kk: missing the salutation in \"kk\", the language given with --lang", {"--lang", "kk"}},
    {"LangOptionIllFormed", [](json&) {}, "", "--lang en_US: ill-formed language tag \"en_US\"", {"--lang", "en_US"}},
    // Languages as data (docs/case-format.md, "Languages").
    {"IllFormedPreferredLanguage", [](json& c) { c["languages"] = {"ru", "pt_BR"}; }, "",
     "case.json:/languages/1: ill-formed language tag \"pt_BR\""},
    {"IllFormedTagAsKey", [](json& c) { c["letters"]["english"] = c["letters"]["en"]; }, "",
     "case.json:/letters/english: ill-formed language tag \"english\""},
    {"SameTagSpelledTwice", [](json& c) { c["title"]["EN"] = "again"; }, "", "case.json:/title/en: language \"en\" given twice"},
    {"LanguageWithoutTranslation",
     [](json& c) {
       // Scottish Gaelic: a letter and salutations, but no fixed words shipped or given.
       c["languages"] = {"ru", "en", "gd"};
       c["letters"]["gd"] = c["letters"]["en"];
       for (auto& t : c["targets"]) t["salutation"]["gd"] = "A Chinn-suidhe,";
     },
     "", "case.json:/strings/gd: no translation of the documents' fixed words ships for \"gd\""},
    {"TranslationLacksAKey",
     [](json& c) {
       c["languages"] = {"ru", "en", "gd"};
       c["letters"]["gd"] = c["letters"]["en"];
       for (auto& t : c["targets"]) t["salutation"]["gd"] = "A Chinn-suidhe,";
       c["strings"]["gd"] = {{"sender", "O"}, {"signature", "Ainm-sgrìobhte"}};
     },
     "", "case.json:/strings/gd: the translation for \"gd\" lacks page_of, urgent_action"},
    {"UnknownStringKey", [](json& c) { c["strings"]["en"]["signatur"] = "Sign here"; }, "",
     "case.json:/strings/en/signatur: unknown string key \"signatur\""},
    {"DateFormatWithoutYear", [](json& c) { c["strings"]["en"]["date_format"] = "d MMMM"; }, "",
     "case.json:/strings/en/date_format: the date pattern \"d MMMM\" must give a day (d), a month (MMMM) and a year (y)"},
    {"DateFormatNotAPattern", [](json& c) { c["strings"]["ru"]["date_format"] = "hello"; }, "",
     "case.json:/strings/ru/date_format: the date pattern \"hello\" must give"},
    {"StringWithoutItsPlaceholder", [](json& c) { c["strings"]["ru"]["page_of"] = "стр. {n}"; }, "",
     "case.json:/strings/ru/page_of: must contain the placeholder {m}"},
    {"MissingLetterInRegionalLanguage", [](json& c) { c["languages"] = {"ru", "en", "pt-BR"}; }, "",
     "case.json:/targets/0/salutation/pt-BR: missing text for preferred language \"pt-BR\""},
    // Input you can trust (issue 13): the JSON reader.
    {"DuplicateKey", nullptr, sample_with("\"deadline\"", "\"deadline\": \"2030-01-01\",\n  \"deadline\""),
     "case.json:15:12: duplicate key \"deadline\" at /deadline (first at 14:12)"},
    {"WhitespaceOnly", nullptr, "  \n\t\n", "case.json:1:1: empty document"},
    {"BomOnly", nullptr, "\xEF\xBB\xBF", "case.json:1:1: empty document"},
    {"NumberTooLarge", nullptr, sample_with("{", "{\"x\": 1e400, "), "case.json:1:11: number out of range at /x"},
    {"NestedTooDeep", nullptr, sample_with("{", "{\"x\": " + std::string(15000, '[') + std::string(15000, ']') + ", "),
     "nested deeper than 64 levels"},
    {"IllFormedUtf8", nullptr, sample_with("Zhanbolat", "Zhan\xFF" "bolat"), "case.json:8:29: JSON syntax error"},
    {"LoneSurrogateEscape", nullptr, sample_with("Zhanbolat", "Zhan\\ud800bolat"),
     "case.json:8:29: JSON syntax error while parsing value - invalid string: surrogate"},
    {"Noncharacter", nullptr, sample_with("Zhanbolat", "Zhan\\uffffbolat"),
     "case.json:/summary/en: the text holds a noncharacter U+FFFF (character 18)"},
    {"ControlCharacter", nullptr, sample_with("Zhanbolat", "Zhan\\u0001bolat"),
     "case.json:/summary/en: the text holds a control character U+0001 (character 18)"},
    {"MisspeltTopLevelKey", [](json& c) { c["backgroud"] = c["background"]; c.erase("background"); }, "",
     "case.json:/backgroud: unknown key \"backgroud\"; did you mean \"background\"?"},
    {"MisspeltTargetKey", [](json& c) { c["targets"][0]["salutaton"] = c["targets"][0]["salutation"]; }, "",
     "case.json:/targets/0/salutaton: unknown key \"salutaton\"; did you mean \"salutation\"?"},
    {"MisspeltAddressKey", [](json& c) { c["targets"][0]["address"]["line"] = json::object(); }, "",
     "case.json:/targets/0/address/line: unknown key \"line\"; did you mean \"lines\"?"},
    {"MisspeltLetterKey", [](json& c) { c["letters"]["en"]["closng"] = "x"; }, "",
     "case.json:/letters/en/closng: unknown key \"closng\"; did you mean \"closing\"?"},
    {"CountryUk", [](json& c) { c["targets"][0]["address"]["country"] = "UK"; }, "",
     "case.json:/targets/0/address/country: unknown ISO 3166-1 country code \"UK\"; did you mean \"GB\"?"},
    {"CountryAlpha3", [](json& c) { c["targets"][0]["address"]["country"] = "MEX"; }, "",
     "case.json:/targets/0/address/country: expected an ISO 3166-1 alpha-2 code such as \"KZ\"; did you mean \"MX\"?"},
    {"CountryName", [](json& c) { c["targets"][0]["address"]["country"] = "Kazakhstan"; }, "", "did you mean \"KZ\"?"},
    {"PersonNameWithLineBreak", [](json& c) { c["person"]["name"]["en"] = "Zhanbolat\nMamay"; }, "",
     "case.json:/person/name/en: a name is one line"},
    {"TargetIdTooLong", [](json& c) { c["targets"][0]["id"] = std::string(300, 'a'); }, "",
     "case.json:/targets/0/id: must be 1 to 64 lower-case letters"},
    {"TargetEmailWithTwoAts", [](json& c) { c["targets"][0]["email"] = "name@@host.kz"; }, "",
     "case.json:/targets/0/email: an e-mail address has one @: \"name@@host.kz\""},
    {"ActionLinkJavascript", [](json& c) { c["links"]["action"] = "javascript:alert(1)"; }, "",
     "case.json:/links/action: only http and https links are allowed"},
    {"ActionLinkWithoutScheme", [](json& c) { c["links"]["action"] = "www.amnesty.org/act"; }, "",
     "case.json:/links/action: a link must be absolute: add https://"},
    {"TargetPhoneNotANumber", [](json& c) { c["targets"][0]["phone"] = "ask the embassy"; }, "",
     "case.json:/targets/0/phone: the character 'a' is not part of a telephone number"},
    {"InvisibleSubject", [](json& c) { c["letters"]["en"]["subject"] = "\u00AD\uFEFF\u00A0"; }, "",
     "case.json:/letters/en/subject: must not be empty (it holds only spaces or invisible characters)"},
    {"UnknownLayout", [](json&) {}, "", "--layout no-such-layout: no such layout; letter layouts: din5008-b-a4, us-letter-10",
     {"--layout", "no-such-layout"}},
    {"LayoutOfAnotherKind", [](json&) {}, "", "--layout labels-l7160 is a label layout; letter layouts: din5008-b-a4, us-letter-10",
     {"--layout", "labels-l7160"}},
    // --target keeps the case file's pointers: the ambassador is /targets/1.
    {"TargetOptionKeepsPointers", [](json& c) { c["letters"]["kk"] = c["letters"]["ru"]; }, "",
     "case.json:/targets/1/salutation/kk: missing the salutation", {"--lang", "kk", "--target", "ambassador-us"}},
};

INSTANTIATE_TEST_SUITE_P(Cases, BadInput, ::testing::ValuesIn(kCases), [](const auto& info) { return info.param.name; });

TEST(BadInputFile, EmptyCaseFile) {
  test::TempDir dir;
  test::write_file(dir.path() / "case.json", "");
  const auto r = test::render_letters(dir.path() / "case.json", dir.path() / "out");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("case.json:1:1: empty document: expected a JSON object"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "out") && !std::filesystem::is_empty(dir.path() / "out"));
}

TEST(BadInputFile, MissingCaseFile) {
  test::TempDir dir;
  const auto r = test::render_letters(dir.path() / "nope.json", dir.path() / "out");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("nope.json: cannot open file"), std::string::npos) << r.err;
}

TEST(BadInputFile, OutputFolderIsAFile) {
  test::TempDir dir;
  test::write_file(dir.path() / "taken", "x");
  const auto r = test::render_letters(test::source_dir() / "samples/ua-31-22/case.json", dir.path() / "taken");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("taken: cannot create the output folder"), std::string::npos) << r.err;
}

}  // namespace

namespace {

// Layout files are input too (issue 13): every mistake is exit 2 with file and pointer.
struct BadLayout {
  const char* name;
  std::function<void(nlohmann::json&)> edit;
  std::string expected;
};

class BadLayouts : public ::testing::TestWithParam<BadLayout> {};

TEST_P(BadLayouts, ExitTwoWithFileAndPointer) {
  test::TempDir dir;
  nlohmann::json l = test::layout_json("din5008-b-a4");
  GetParam().edit(l);
  test::write_file(dir.path() / "my-layout.json", l.dump(2));
  const auto out = dir.path() / "out";
  const auto r = test::render_letters(test::source_dir() / "samples/ua-31-22/case.json", out,
                                      {"--layout", (dir.path() / "my-layout.json").string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find(GetParam().expected), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out) && !std::filesystem::is_empty(out));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadLayouts,
    ::testing::Values(
        BadLayout{"UnknownKey", [](nlohmann::json& l) { l["adress_fit"] = l["address_fit"]; },
                  "my-layout.json:/adress_fit: unknown key \"adress_fit\"; did you mean \"address_fit\"?"},
        BadLayout{"HugePage", [](nlohmann::json& l) { l["page"]["width_mm"] = 1e308; },
                  "my-layout.json:/page/width_mm: must be between -1000000 and 1000000"},
        BadLayout{"PageTooLargeForPdf", [](nlohmann::json& l) { l["page"]["height_mm"] = 6000; },
                  "my-layout.json:/page/height_mm: a page side is at most 5080 mm (200 in)"},
        // Geometry is data (issue 14): a letter layout states its signature and write-in lines.
        BadLayout{"NoSignature", [](nlohmann::json& l) { l.erase("signature"); },
                  "my-layout.json:/signature: a letter layout needs \"signature\""},
        BadLayout{"WriteInGrayOutOfRange", [](nlohmann::json& l) { l["write_in"]["gray"] = 2; },
                  "my-layout.json:/write_in/gray: must be from 0 (black) to 1 (white)"},
        BadLayout{"SignatureRuleInInches", [](nlohmann::json& l) { l["signature"]["rule_width_in"] = 3; },
                  "my-layout.json:/signature/rule_width_in: unknown key \"rule_width_in\""},
        BadLayout{"MissingFont", [](nlohmann::json& l) { l["styles"]["body"]["font"] = "Times.ttf"; },
                  "my-layout.json:/styles/body/font: no font \"Times.ttf\" in fonts/ (there are: PTSans-Bold.ttf"},
        BadLayout{"FrameOffThePage", [](nlohmann::json& l) { l["frames"]["window"]["x_mm"] = 500; },
                  "my-layout.json:/frames/window: frame lies outside the page"},
        BadLayout{"AddressMaxLinesHuge", [](nlohmann::json& l) { l["address_max_lines"] = 1e10; },
                  "my-layout.json:/address_max_lines: must be between"},
        BadLayout{"InfoFrameTooSmall", [](nlohmann::json& l) { l["frames"]["info"]["h_mm"] = 1; },
                  "my-layout.json:/frames/info: too small for the date line"},
        BadLayout{"FitWithoutSource", [](nlohmann::json& l) { l["address_fit"].erase("source"); },
                  "my-layout.json:/address_fit/source: missing required field"}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace

namespace {

// A message is one line, even when the value it quotes holds a line break.
TEST(BadInputFile, MessagesAreOneLine) {
  test::TempDir dir;
  auto c = test::sample_case();
  c["targets"][0]["email"] = "anna\n@@example.org";
  test::write_file(dir.path() / "case.json", c.dump());
  const auto r = test::render_letters(dir.path() / "case.json", dir.path() / "out");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("case.json:/targets/0/email: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("\"anna\\n@@example.org\""), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

}  // namespace

namespace {

// Allowed but suspicious: warnings, exit 0, silenced by -q.
TEST(Warnings, CountryInTheLinesAndAPassedDeadline) {
  test::TempDir dir;
  auto c = test::sample_case();
  c["targets"][0]["address"]["lines"]["en"].push_back("Kazakhstan");
  c["targets"][1]["address"]["lines"]["en"].push_back("United Kingdom");
  test::write_file(dir.path() / "case.json", c.dump());
  const auto r = test::run({test::appeal_bin(), "letters", (dir.path() / "case.json").string(), "-o",
                            (dir.path() / "out").string(), "--date", "2023-06-14"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("warning: case.json:/targets/0/address/lines/en/4: the last line \"Kazakhstan\" names the country"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("warning: case.json:/targets/1/address/lines/en/4: the last line \"United Kingdom\" names another "
                       "country (GB) than /address/country (US)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("warning: case.json:/deadline: 2 day(s) to the deadline 2023-06-16"), std::string::npos) << r.err;
  // The sample's own addresses raise no postcode warning.
  EXPECT_EQ(r.err.find("has the shape of a postcode"), std::string::npos) << r.err;
  const auto quiet = test::run({test::appeal_bin(), "letters", (dir.path() / "case.json").string(), "-o",
                                (dir.path() / "out2").string(), "--date", "2023-06-14", "-q"});
  EXPECT_EQ(quiet.err.find("warning"), std::string::npos) << quiet.err;
}

}  // namespace

namespace {

// A postcode shaped like another country's, where no line has one of the destination's.
TEST(Warnings, PostcodeOfAnotherCountry) {
  test::TempDir dir;
  auto c = test::sample_case();
  c["targets"][0]["address"]["lines"]["en"].back() = "SW1A 1AA LONDON";
  test::write_file(dir.path() / "case.json", c.dump());
  const auto r = test::run({test::appeal_bin(), "letters", (dir.path() / "case.json").string(), "-o",
                            (dir.path() / "out").string(), "--date", "2023-06-01", "--target", "president"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("warning: case.json:/targets/0/address/lines/en: \"SW1A 1AA\" has the shape of a postcode of GB, "
                       "and no line one of KZ (/address/country)"),
            std::string::npos)
      << r.err;
}

}  // namespace
