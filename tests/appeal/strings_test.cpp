// Translation data (data/i18n/<tag>.json): every shipped language has every key, with its
// placeholders; a case's /strings override shipped words key by key; a language with no
// words at all is bad input naming what is missing.
#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "appeal/strings.h"
#include "common/input_error.h"
#include "support/run.h"

using namespace appeal;

TEST(Strings, EveryShippedLanguageHasEveryKey) {
  const auto dir = test::source_dir() / "data/i18n";
  std::set<std::string> all_keys;  // the union over every file: a key added to one file only shows
  std::vector<std::pair<std::string, nlohmann::json>> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ".json") continue;
    files.emplace_back(e.path().stem().string(), nlohmann::json::parse(test::read_file(e.path())));
    for (const auto& [k, v] : files.back().second.items()) {
      if (k != "$comment" && k != "date_format" && k != "colon") all_keys.insert(k);
    }
  }
  EXPECT_EQ(all_keys, std::set<std::string>(string_keys().begin(), string_keys().end()));
  for (const char* must : {"en", "ru", "kk", "es", "fr", "de", "pt", "it", "pl", "uk", "tr", "ar", "zh"}) {
    EXPECT_TRUE(std::any_of(files.begin(), files.end(), [&](const auto& f) { return f.first == must; })) << must;
  }
  for (const auto& [tag, j] : files) {
    for (const std::string& k : all_keys) {
      ASSERT_TRUE(j.contains(k)) << tag << ".json lacks \"" << k << "\"";
      const std::string text = j.at(k).get<std::string>();
      for (const std::string& ph : required_placeholders(k)) EXPECT_NE(text.find(ph), std::string::npos) << tag << " " << k;
    }
    EXPECT_NO_THROW(shipped_strings(tag)) << tag;  // the loader's own checks agree
  }
}

TEST(Strings, LookupFallsBackToTheBaseLanguageAndCaseOverridesWin) {
  Case c;
  c.source_file = "case.json";
  EXPECT_EQ(strings_for(c, "es")["signature"], "Firma");
  EXPECT_EQ(strings_for(c, "es-MX")["signature"], "Firma");  // es-MX -> es
  EXPECT_EQ(strings_for(c, "pt-BR")["what_you_can_do"], "O que você pode fazer");  // pt-BR.json
  EXPECT_EQ(strings_for(c, "pt-PT")["what_you_can_do"], "O que pode fazer");       // pt.json
  EXPECT_EQ(strings_for(c, "sr-Latn")["signature"], "Potpis");                      // not Cyrillic sr.json
  c.strings["es-MX"]["signature"] = "Firma del remitente";
  EXPECT_EQ(strings_for(c, "es-MX")["signature"], "Firma del remitente");
  EXPECT_EQ(strings_for(c, "es-MX")["sender"], "Remitente");  // the rest still shipped
  EXPECT_EQ(strings_for(c, "es")["signature"], "Firma");
  EXPECT_EQ(strings_for(c, "ru").fill("page_of", {{"n", "2"}, {"m", "3"}}), "стр.\u00A02 из\u00A03");
}

TEST(Strings, ALanguageWithoutWordsIsBadInputNamingTheKeys) {
  Case c;
  c.source_file = "case.json";
  try {
    strings_for(c, "gd");  // Scottish Gaelic: no shipped translation
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "/strings/gd");
    const std::string what = e.what();
    for (const std::string& k : string_keys()) {
      if (!optional_string_key(k)) EXPECT_NE(what.find(k), std::string::npos) << k << " in " << what;
    }
  }
  for (const std::string& k : string_keys()) {
    if (optional_string_key(k)) continue;  // composed from "signature" and "scan_to_act"
    c.strings["gd"][k] = "(" + k + ")" + (k == "page_of" ? "{n}{m}" : k == "act_before" ? "{date}" : "");
  }
  c.strings["gd"].erase("email");
  try {
    strings_for(c, "gd");
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("lacks email"), std::string::npos) << e.what();
  }
  c.strings["gd"]["email"] = "Post-d";
  EXPECT_EQ(strings_for(c, "gd")["email"], "Post-d");
  // The alternative texts a case's translation left out are said with its own words.
  EXPECT_EQ(strings_for(c, "gd").fill("signature_of", {{"name", "Màiri"}}), "(signature): Màiri");
  EXPECT_EQ(strings_for(c, "gd").fill("qr_code", {{"url", "https://a.org"}}), "(scan_to_act): https://a.org");
  EXPECT_EQ(strings_for(c, "ru").fill("signature_of", {{"name", "Анна"}}), "Подпись: Анна");
}
