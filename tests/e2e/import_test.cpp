// `appeal import`: Urgent Actions in the two layouts (Amnesty's labelled template, a national
// section's text), as text, HTML, and PDF and DOCX made by LibreOffice, read into case files
// whose every recognised field is asserted; the round trip into letters, leaflets and
// archive copies; the report; placeholders refused; bad input. Data: tests/data/import/.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "support/pdf_probe.h"
#include "support/run.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kData = test::source_dir() / "tests/data/import";

struct Imported {
  test::RunResult run;
  json c, report;
};

// Imports `doc` into dir/case.json with "today" fixed, so "deadline passed" is stable.
Imported import(const fs::path& doc, const fs::path& dir, const std::string& today = "2025-01-01",
                std::vector<std::string> extra = {}) {
  std::vector<std::string> argv = {test::appeal_bin(), "import", doc.string(), "-o", (dir / "case.json").string(), "--date", today};
  argv.insert(argv.end(), extra.begin(), extra.end());
  Imported r;
  r.run = test::run(argv);
  if (r.run.exit_code == 0) {
    r.c = json::parse(test::read_file(dir / "case.json"));
    r.report = json::parse(test::read_file(dir / "case.import.json"));
  }
  return r;
}

// The report's entries for one pointer (or under it).
std::vector<json> findings(const json& report, const std::string& pointer) {
  std::vector<json> out;
  for (const json& f : report.at("unsure")) {
    if (f.at("pointer").get<std::string>().rfind(pointer, 0) == 0) out.push_back(f);
  }
  return out;
}

bool has_placeholder(const json& v) {
  if (v.is_string()) return v.get<std::string>().find("\u27E6TODO") != std::string::npos;
  for (const auto& x : v) {
    if (has_placeholder(x)) return true;
  }
  return false;
}

// Schema check of a case file, by the same validator the sample is checked with.
void expect_schema_valid(const fs::path& file) {
  const auto r = test::run({"/usr/bin/python3", (test::source_dir() / "tests/schema/check_schema.py").string(),
                            (test::source_dir() / "schema/case.schema.json").string(), file.string()});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

// Letters for every preferred language, checked as every PDF is: qpdf and appeal check
// clean, and the letter's first words come back from pdftotext.
void expect_letters(const fs::path& case_file, const fs::path& out, const json& c) {
  const auto r = test::run({test::appeal_bin(), "letters", case_file.string(), "-o", out.string(), "--date", "2025-01-02"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const json& t : c.at("targets")) {
    for (const json& lang : c.at("languages")) {
      const fs::path pdf = out / (t.at("id").get<std::string>() + "-" + lang.get<std::string>() + ".pdf");
      ASSERT_TRUE(fs::exists(pdf)) << pdf;
      std::string report;
      EXPECT_TRUE(test::qpdf_clean(pdf, &report)) << pdf << ": " << report;
      const std::string first = c.at("letters").at(lang.get<std::string>()).at("body").at(0).get<std::string>();
      const std::string words = test::normalize_ws(test::pdftotext(pdf));
      // The first three words of the body (hyphenation may break later ones).
      std::string start;
      int n = 0;
      for (size_t i = 0; i < first.size() && n < 3; ++i) {
        if (first[i] == ' ') ++n;
        if (n < 3) start += first[i];
      }
      EXPECT_NE(words.find(start), std::string::npos) << pdf << " lacks \"" << start << "\"";
    }
  }
}

// ---------------------------------------------------------------------------------------
// The real UA 31.22 text against the hand-written sample case.

TEST(Import, SeedMatchesTheSampleCaseButForJustifiedDifferences) {
  test::TempDir dir;
  const Imported im = import(kData / "ua-31-22.txt", dir.path(), "2026-12-01");
  ASSERT_EQ(im.run.exit_code, 0) << im.run.err;
  expect_schema_valid(dir.path() / "case.json");
  const json sample = json::parse(test::read_file(test::source_dir() / "samples/ua-31-22/case.json"));

  // Every difference between the sample and the import, and why it is right. The Russian
  // texts are the sample's translations: the UA has none (the import holds placeholders,
  // compared separately below).
  const std::map<std::string, std::string> justified = {
      {"/actions/en/1", "the sample shortened \"Click here to let us know\" (a link in the web page) to \"Let us know\""},
      {"/letters/en/subject", "the UA has no subject line; the sample's editor wrote one"},
      {"/links/action", "the text has \"Click here\" without the address; the sample's editor looked it up"},
      {"/summary/en", "the sample's editor shortened the summary; the import keeps the UA's words"},
      {"/targets/0/address/lines/en", "the sample puts the name and title into the lines; the import puts them into "
                                      "address.name and address.title (composed in the same order) and keeps the UA's "
                                      "lines, the pasted Brazilian one included (reported), without the postcode the "
                                      "UA does not give"},
      {"/targets/0/address/name", "see lines"},
      {"/targets/0/address/title", "see lines"},
      {"/targets/1/address/lines/en", "the UA writes the street and city on one line; the sample split it"},
      {"/targets/1/address/name", "see lines"},
      {"/targets/1/address/organisation", "see lines"},
      {"/targets/1/address/title", "see lines"},
      {"/person/name", "the sample adds Russian and Kazakh spellings the UA does not give"},
      {"/targets/0/name", "ditto"},
      {"/targets/1/name", "ditto"},
      {"/targets/0/title", "ditto"},
      {"/targets/1/title", "ditto"},
      {"/title", "ditto"},
      {"/targets/0/address/lines/ru", "ditto"},
      {"/targets/1/address/lines/ru", "ditto"},
  };
  std::set<std::string> seen;
  for (const json& op : json::diff(sample, json::parse(im.c.dump()))) {
    std::string path = op.at("path");
    if (path.rfind("/letters/ru", 0) == 0 || path.find("/salutation/ru") != std::string::npos) continue;
    // Attribute the difference to the longest justified pointer it falls under.
    std::string key;
    for (const auto& [p, why] : justified) {
      if (path.rfind(p, 0) == 0 && p.size() > key.size()) key = p;
    }
    EXPECT_FALSE(key.empty()) << "unjustified difference at " << path << ": " << op.dump();
    seen.insert(key);
  }
  // And no justification is stale.
  for (const auto& [p, why] : justified) EXPECT_TRUE(seen.count(p)) << p << " no longer differs: " << why;

  // The fields that must agree, spelled out.
  EXPECT_EQ(im.c["id"], "UA 31.22");
  EXPECT_EQ(im.c["title"]["en"], sample["title"]["en"]);
  EXPECT_EQ(im.c["person"]["name"]["en"], "Zhanbolat Mamay");
  EXPECT_EQ(im.c["person"]["pronouns"], "he/him");
  EXPECT_EQ(im.c["deadline"], "2023-06-16");
  EXPECT_EQ(im.c["languages"], json({"ru", "en"}));
  EXPECT_EQ(im.c["letters"]["en"], [&] {
    json l = sample["letters"]["en"];
    l.erase("subject");
    return l;
  }());
  EXPECT_EQ(im.c["background"], sample["background"]);
  EXPECT_EQ(im.c["links"]["previous_ua"], sample["links"]["previous_ua"]);
  for (int i : {0, 1}) {
    const json& t = im.c["targets"][i];
    const json& s = sample["targets"][i];
    EXPECT_EQ(t["id"], s["id"]);
    EXPECT_EQ(t["name"]["en"], s["name"]["en"]);
    EXPECT_EQ(t["salutation"]["en"], s["salutation"]["en"]);
    EXPECT_EQ(t["address"]["country"], s["address"]["country"]);
    EXPECT_EQ(t.value("email", ""), s.value("email", ""));
    EXPECT_EQ(t.value("fax", ""), s.value("fax", ""));
    EXPECT_EQ(t.value("phone", ""), s.value("phone", ""));
  }
  EXPECT_EQ(im.c["targets"][0]["title"]["en"], "President of Kazakhstan");  // as the UA writes it

  // The report: the pasted Brazilian line, the "+8" fax, the missing Russian letter, the
  // past deadline.
  const auto pasted = findings(im.report, "/targets/0/address/lines/en/0");
  ASSERT_EQ(pasted.size(), 1u) << im.report.dump(2);
  EXPECT_EQ(pasted[0]["found"], "Casarão da Justiça, Rua 17 de Setembro");
  EXPECT_NE(pasted[0]["why"].get<std::string>().find("ã, ç"), std::string::npos);
  const auto fax = findings(im.report, "/targets/0/fax");
  ASSERT_EQ(fax.size(), 1u);
  EXPECT_EQ(fax[0]["found"], "+8 7172 74-56-31");
  EXPECT_NE(fax[0]["why"].get<std::string>().find("+7 7172 74 56 31"), std::string::npos);
  const auto ru = findings(im.report, "/letters/ru");
  ASSERT_EQ(ru.size(), 1u);
  for (const char* key : {"/letters/ru/body/0", "/letters/ru/body/2", "/letters/ru/closing", "/targets/0/salutation/ru",
                          "/targets/1/salutation/ru"}) {
    EXPECT_NE(ru[0]["why"].get<std::string>().find(key), std::string::npos) << key;
  }
  EXPECT_EQ(findings(im.report, "/deadline").size(), 1u);
  EXPECT_TRUE(has_placeholder(im.c["letters"]["ru"]));
  EXPECT_FALSE(has_placeholder(im.c["letters"]["en"]));
  // The same on stderr, one line each, naming the case file and the pointer.
  EXPECT_NE(im.run.err.find("case.json:/targets/0/fax: "), std::string::npos) << im.run.err;
}

// `appeal letters` refuses the Russian placeholders and says which key to translate; the
// English letters, which the UA gives, are made without editing.
TEST(Import, PlaceholdersAreRefusedWhereTheyWouldBePrinted) {
  test::TempDir dir;
  const Imported im = import(kData / "ua-31-22.txt", dir.path(), "2026-12-01");
  ASSERT_EQ(im.run.exit_code, 0) << im.run.err;
  const fs::path case_file = dir.path() / "case.json";
  const auto all = test::run({test::appeal_bin(), "letters", case_file.string(), "-o", (dir.path() / "all").string()});
  EXPECT_EQ(all.exit_code, 2);
  EXPECT_NE(all.err.find("case.json:/letters/ru/body/0: a placeholder left by `appeal import`: translate it into Russian (ru)"),
            std::string::npos)
      << all.err;
  EXPECT_FALSE(fs::exists(dir.path() / "all"));
  const auto en = test::run({test::appeal_bin(), "letters", case_file.string(), "-o", (dir.path() / "en").string(), "--lang", "en"});
  ASSERT_EQ(en.exit_code, 0) << en.err;
  for (const char* f : {"president-en.pdf", "ambassador-us-en.pdf"}) {
    std::string report;
    EXPECT_TRUE(test::qpdf_clean(dir.path() / "en" / f, &report)) << f << report;
  }
  // A placeholder outside any language (the id) stops every command.
  json c = im.c;
  c["id"] = "\u27E6TODO fill in: the UA number\u27E7";
  test::write_file(dir.path() / "no-id.json", c.dump());
  const auto no_id = test::run({test::appeal_bin(), "letters", (dir.path() / "no-id.json").string(), "-o",
                                (dir.path() / "x").string(), "--lang", "en"});
  EXPECT_EQ(no_id.exit_code, 2);
  EXPECT_NE(no_id.err.find("no-id.json:/id: a placeholder left by `appeal import`"), std::string::npos) << no_id.err;
}

// ---------------------------------------------------------------------------------------
// The labelled template, as text.

TEST(Import, LabelledTemplateWithCopiesToAndBilingualSalutations) {
  test::TempDir dir;
  const Imported im = import(kData / "ua-template-mx.txt", dir.path());
  ASSERT_EQ(im.run.exit_code, 0) << im.run.err;
  expect_schema_valid(dir.path() / "case.json");
  const json& c = im.c;
  EXPECT_EQ(c["id"], "FU UA 12/25");
  EXPECT_EQ(c["title"]["en"], "Indigenous defender detained on fabricated charges");
  EXPECT_EQ(c["issued"], "2025-03-03");
  EXPECT_EQ(c["deadline"], "2025-04-28");
  EXPECT_EQ(c["languages"], json({"es", "en"}));
  EXPECT_EQ(c["person"]["name"]["en"], "Tomasa Huerta López");
  EXPECT_EQ(c["person"]["pronouns"], "she/her");
  EXPECT_EQ(c["summary"]["en"].get<std::string>().rfind("Tomasa Huerta López, a Rarámuri land defender", 0), 0u);
  EXPECT_EQ(c["links"]["previous_ua"], "https://www.amnesty.org/en/documents/amr41/8611/2025/en/");
  ASSERT_EQ(c["targets"].size(), 2u);
  const json& ag = c["targets"][0];
  EXPECT_EQ(ag["id"], "attorney-general");
  EXPECT_EQ(ag["name"]["en"], "Roberto Fierro Duarte");
  EXPECT_EQ(ag["title"]["en"], "Attorney General of the State of Chihuahua");
  EXPECT_EQ(ag["address"]["organisation"]["en"], "Fiscalía General del Estado de Chihuahua");
  EXPECT_EQ(ag["address"]["lines"]["en"], json({"Calle Vicente Guerrero 616, Col. Centro", "31000 Chihuahua, Chih."}));
  EXPECT_EQ(ag["address"]["country"], "MX");
  EXPECT_EQ(ag["phone"], "+52 614 429 3300");
  EXPECT_EQ(ag["email"], "fiscalia.general@chihuahua.gob.mx");
  EXPECT_EQ(ag["salutation"], json({{"en", "Dear Attorney General,"}, {"es", "Estimado Señor Fiscal General:"}}));
  const json& amb = c["targets"][1];
  EXPECT_EQ(amb["id"], "ambassador-gb");
  EXPECT_EQ(amb["name"]["en"], "Josefa González-Blanco Ortiz-Mena");
  EXPECT_EQ(amb["address"]["country"], "GB");
  EXPECT_EQ(amb["address"]["lines"]["en"], json({"16 St George Street", "London W1S 1FX"}));
  EXPECT_EQ(amb["salutation"]["es"], "Estimada Señora Embajadora:");
  EXPECT_EQ(findings(im.report, "/targets/1").size(), 1u);  // "listed under copies to"
  // The letter: four paragraphs after "Dear Attorney General,", closed by "Yours sincerely,".
  ASSERT_EQ(c["letters"]["en"]["body"].size(), 3u);
  EXPECT_EQ(c["letters"]["en"]["closing"], "Yours sincerely,");
  // Spanish is preferred but only the salutations are given in Spanish: the letter is a
  // placeholder, the salutations are not.
  EXPECT_TRUE(has_placeholder(c["letters"]["es"]));
  EXPECT_FALSE(has_placeholder(c["targets"]));
  EXPECT_EQ(c["actions"]["en"], json({"ALSO SEND COPIES TO DIPLOMATIC REPRESENTATIVES ACCREDITED TO YOUR COUNTRY."}));
  ASSERT_EQ(c["background"]["en"].size(), 2u);
  // English letters are made without editing.
  const auto r = test::run({test::appeal_bin(), "letters", (dir.path() / "case.json").string(), "-o",
                            (dir.path() / "out").string(), "--lang", "en"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

// ---------------------------------------------------------------------------------------
// A national section's web page: HTML with an Arabic letter beside the English one.

TEST(Import, WebPageWithArabicLetterAndReportLink) {
  test::TempDir dir;
  const Imported im = import(kData / "ua-eg.html", dir.path());
  ASSERT_EQ(im.run.exit_code, 0) << im.run.err;
  expect_schema_valid(dir.path() / "case.json");
  const json& c = im.c;
  EXPECT_EQ(c["id"], "UA 88.24");
  EXPECT_EQ(c["title"]["en"], "Release poet held for a song");
  EXPECT_EQ(c["languages"], json({"ar", "en"}));
  EXPECT_EQ(c["deadline"], "2025-01-30");
  EXPECT_EQ(c["person"]["name"]["en"], "Karim Adel Mansour");
  // The link's target, not its words: where the leaflet's QR code points.
  EXPECT_EQ(c["links"]["action"], "https://www.amnestyusa.org/report-urgent-actions/");
  ASSERT_EQ(c["targets"].size(), 3u);
  const char* ids[] = {"president", "minister", "public-prosecutor"};
  const char* names[] = {"Abdel Fattah al-Sisi", "Mahmoud Tawfik", "Mohamed Shawky Ayad"};
  const char* faxes[] = {"+20 2 23911441", "+20 2 27945529", "+20 2 25774716"};
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(c["targets"][i]["id"], ids[i]);
    EXPECT_EQ(c["targets"][i]["name"]["en"], names[i]);
    EXPECT_EQ(c["targets"][i]["address"]["country"], "EG");
    EXPECT_EQ(c["targets"][i]["fax"], faxes[i]);
  }
  EXPECT_EQ(c["targets"][0]["email"], "p.spokesman@op.gov.eg");
  EXPECT_EQ(c["targets"][1]["address"]["lines"]["en"], json({"25 El Sheikh Rihan Street, Abdeen", "11511 Cairo"}));
  // The letter's "Dear President," is the President's; the others are addressed by office
  // in English, and their Arabic salutation is left to translate, not given the President's.
  EXPECT_EQ(c["targets"][0]["salutation"], json({{"en", "Dear President,"}, {"ar", "سيادة الرئيس،"}}));
  EXPECT_EQ(c["targets"][1]["salutation"]["en"], "Dear Minister,");
  EXPECT_TRUE(has_placeholder(c["targets"][1]["salutation"]["ar"]));
  EXPECT_EQ(findings(im.report, "/targets/0").size(), 1u);  // the Twitter line, not lost silently
  EXPECT_NE(findings(im.report, "/targets/0")[0]["found"].get<std::string>().find("@AlsisiOfficial"), std::string::npos);
  // Both letters, each in its own language.
  ASSERT_EQ(c["letters"]["ar"]["body"].size(), 2u);
  EXPECT_EQ(c["letters"]["ar"]["closing"], "مع خالص التحية،");
  EXPECT_EQ(c["letters"]["en"]["body"][1].get<std::string>().substr(0, 29), "Writing a song is not a crime");
  EXPECT_EQ(c["background"]["en"].size(), 2u);
  // Navigation, scripts and the page footer are not text of the UA.
  EXPECT_EQ(c.dump().find("Donate"), std::string::npos);
  EXPECT_EQ(c.dump().find("dataLayer"), std::string::npos);
  EXPECT_EQ(c.dump().find("Privacy"), std::string::npos);

  // Once the Arabic salutations are written, letters in both languages, right to left.
  json edited = c;
  edited["targets"][1]["salutation"]["ar"] = "معالي الوزير،";
  edited["targets"][2]["salutation"]["ar"] = "سعادة النائب العام،";
  test::write_file(dir.path() / "edited.json", edited.dump());
  expect_letters(dir.path() / "edited.json", dir.path() / "out", edited);
}

// ---------------------------------------------------------------------------------------
// A French section's text in French.

TEST(Import, FrenchTextRoundTripsIntoLettersAndLeaflet) {
  test::TempDir dir;
  const Imported im = import(kData / "ua-fr.txt", dir.path(), "2026-01-01", {"--id", "AU 14/26"});
  ASSERT_EQ(im.run.exit_code, 0) << im.run.err;
  expect_schema_valid(dir.path() / "case.json");
  const json& c = im.c;
  EXPECT_EQ(c["id"], "AU 14/26");  // --id: the UA gives none
  EXPECT_EQ(c["title"]["fr"], "Une journaliste menacée d’expulsion");
  EXPECT_EQ(c["languages"], json({"fr"}));
  EXPECT_EQ(c["deadline"], "2026-05-15");
  EXPECT_EQ(c["person"]["name"]["fr"], "Achta Mahamat Saleh");
  EXPECT_EQ(c["person"]["pronouns"], "elle");
  EXPECT_EQ(c["links"]["action"], "https://www.amnesty.fr/actions-urgentes/signaler");
  ASSERT_EQ(c["targets"].size(), 1u);
  const json& t = c["targets"][0];
  EXPECT_EQ(t["title"]["fr"], "Ministre de l’Intérieur");
  EXPECT_EQ(t["name"]["fr"], "Laurent Mercier");
  EXPECT_EQ(t["address"]["organisation"]["fr"], "Ministère de l’Intérieur");
  EXPECT_EQ(t["address"]["lines"]["fr"], json({"Place Beauvau", "75800 Paris Cedex 08"}));
  EXPECT_EQ(t["address"]["country"], "FR");
  EXPECT_EQ(t["email"], "secretariat.ministre@interieur.gouv.fr");
  EXPECT_EQ(t["phone"], "+33 1 49 27 49 27");  // "Tél. : 01 49 27 49 27" in France's numbering
  EXPECT_EQ(t["salutation"]["fr"], "Monsieur le Ministre,");
  EXPECT_EQ(c["letters"]["fr"]["body"].size(), 2u);
  EXPECT_EQ(c["letters"]["fr"]["closing"], "Veuillez agréer, Monsieur le Ministre, l’expression de ma haute considération.");
  EXPECT_EQ(c["actions"]["fr"].size(), 2u);
  EXPECT_TRUE(im.report["unsure"].empty()) << im.report.dump(2);
  EXPECT_FALSE(has_placeholder(c));

  expect_letters(dir.path() / "case.json", dir.path() / "out", c);
  const auto leaflet = test::run({test::appeal_bin(), "leaflet", (dir.path() / "case.json").string(), "-o",
                                  (dir.path() / "leaflet").string(), "--date", "2026-01-02"});
  ASSERT_EQ(leaflet.exit_code, 0) << leaflet.err;
  const fs::path pdf = dir.path() / "leaflet" / "leaflet-a4-trifold-fr.pdf";
  ASSERT_TRUE(fs::exists(pdf));
  std::string report;
  EXPECT_TRUE(test::qpdf_clean(pdf, &report)) << report;
  EXPECT_NE(test::normalize_ws(test::pdftotext(pdf)).find("Achta Mahamat Saleh"), std::string::npos);
  // The QR code carries the link the UA gave.
  const fs::path png = dir.path() / "leaflet" / "page";
  ASSERT_EQ(test::run({"pdftoppm", "-r", "200", "-png", pdf.string(), png.string()}).exit_code, 0);
  std::string decoded;
  for (const auto& e : fs::directory_iterator(dir.path() / "leaflet")) {
    if (e.path().extension() == ".png") decoded += test::run({"zbarimg", "-q", e.path().string()}).out;
  }
  EXPECT_NE(decoded.find("https://www.amnesty.fr/actions-urgentes/signaler"), std::string::npos) << decoded;
}

// ---------------------------------------------------------------------------------------
// A Spanish section's UA as pdftotext gives it: form feeds, running footers, page numbers,
// words hyphenated at line ends.

TEST(Import, SpanishPdftotextWithFootersAndHyphens) {
  test::TempDir dir;
  const Imported im = import(kData / "ua-ve-es.txt", dir.path());
  ASSERT_EQ(im.run.exit_code, 0) << im.run.err;
  expect_schema_valid(dir.path() / "case.json");
  const json& c = im.c;
  EXPECT_EQ(c["id"], "AU 45/25");  // only in the running footer
  EXPECT_EQ(c["title"]["es"], "Sindicalista detenido en Caracas");
  EXPECT_EQ(c["languages"], json({"es"}));
  EXPECT_EQ(c["deadline"], "2025-03-20");
  EXPECT_EQ(c["person"]["name"]["es"], "Emilio José Castañeda");
  EXPECT_EQ(c["links"]["action"], "https://www.amnistia.org/ve/au-informe");
  // "dirigen-/te", "trabaja-/dores", "Jo-/sé", "pací-/fica", "Vene-/zuela" joined; no footer.
  const std::string all = c.dump();
  for (const char* word : {"dirigente sindical", "trabajadores del sector", "Emilio José Castañeda, ya", "pacífica", "en Venezuela"}) {
    EXPECT_NE(all.find(word), std::string::npos) << word;
  }
  for (const char* junk : {"Página", "Índice", "Amnistía Internacional ·"}) EXPECT_EQ(all.find(junk), std::string::npos) << junk;
  ASSERT_EQ(c["targets"].size(), 2u);
  EXPECT_EQ(c["targets"][0]["title"]["es"], "Fiscal General de la República");
  EXPECT_EQ(c["targets"][0]["name"]["es"], "Tarek William Saab");
  EXPECT_EQ(c["targets"][0]["address"]["country"], "VE");
  EXPECT_EQ(c["targets"][0]["phone"], "+58 212 5097464");
  EXPECT_EQ(c["targets"][1]["title"]["es"], "Defensor del Pueblo");
  EXPECT_EQ(c["targets"][1]["email"], "atencion@defensoria.gob.ve");
  EXPECT_EQ(c["targets"][0]["salutation"]["es"], "Señor Fiscal General:");
  EXPECT_EQ(c["letters"]["es"]["body"].size(), 2u);
  EXPECT_EQ(c["letters"]["es"]["closing"], "Atentamente,");
  // The letter names the Fiscal: the Defensor's Spanish salutation is left to write.
  EXPECT_TRUE(has_placeholder(c["targets"][1]["salutation"]["es"]));
  EXPECT_EQ(findings(im.report, "/targets/1/salutation/es").size(), 1u);
  // Letters for the Fiscal without editing.
  const auto r = test::run({test::appeal_bin(), "letters", (dir.path() / "case.json").string(), "-o",
                            (dir.path() / "out").string(), "--target", "fiscal-general", "--date", "2025-01-02"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string report;
  EXPECT_TRUE(test::qpdf_clean(dir.path() / "out" / "fiscal-general-es.pdf", &report)) << report;
}

// ---------------------------------------------------------------------------------------
// The labelled template made into PDF and DOCX by LibreOffice: a two-column footer with the
// index number and "Page n of m", justified and hyphenated English, four targets.

class LibreOfficeImport : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir();
    for (const char* doc : {"ua-ru.fodt", "ua-ir-table.fodt"}) {
      for (const char* format : {"pdf", "docx"}) {
        const auto r = test::run({"soffice", "-env:UserInstallation=file://" + (dir_->path() / "profile").string(), "--headless",
                                  "--convert-to", format, "--outdir", dir_->path().string(), (kData / doc).string()});
        ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
      }
    }
    // The web page printed to PDF: Arabic paragraphs right to left.
    const auto r = test::run({"soffice", "-env:UserInstallation=file://" + (dir_->path() / "profile").string(), "--headless",
                              "--convert-to", "pdf:writer_web_pdf_Export", "--outdir", dir_->path().string(),
                              (kData / "ua-eg.html").string()});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  }
  static void TearDownTestSuite() { delete dir_; }
  static test::TempDir* dir_;
};
test::TempDir* LibreOfficeImport::dir_ = nullptr;

void expect_russian_case(const Imported& im) {
  const json& c = im.c;
  EXPECT_EQ(c["id"], "UA 97/25");
  EXPECT_EQ(c["title"]["en"], "Lawyer jailed for defending protesters");
  EXPECT_EQ(c["issued"], "2025-11-11");
  EXPECT_EQ(c["deadline"], "2026-01-06");
  EXPECT_EQ(c["languages"], json({"ru", "en"}));
  EXPECT_EQ(c["person"]["name"]["en"], "Svetlana Igorevna Kravtsova");
  EXPECT_EQ(c["links"]["previous_ua"], "https://www.amnesty.org/en/documents/eur46/9120/2025/en/");
  ASSERT_EQ(c["targets"].size(), 4u);
  const char* ids[] = {"prosecutor-general", "chairperson", "high-commissioner", "ambassador-ie"};
  const char* names[] = {"Igor Viktorovich Krasnov", "Valery Aleksandrovich Fadeev", "Tatiana Nikolaevna Moskalkova", "Yury Filatov"};
  const char* countries[] = {"RU", "RU", "RU", "IE"};
  const char* ru_salutations[] = {"Уважаемый господин Генеральный прокурор!", "Уважаемый господин Председатель!",
                                  "Уважаемая госпожа Уполномоченный!", "Уважаемый господин Посол!"};
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(c["targets"][i]["id"], ids[i]);
    EXPECT_EQ(c["targets"][i]["name"]["en"], names[i]);
    EXPECT_EQ(c["targets"][i]["address"]["country"], countries[i]);
    EXPECT_EQ(c["targets"][i]["salutation"]["ru"], ru_salutations[i]);
  }
  EXPECT_EQ(c["targets"][0]["address"]["organisation"]["en"], "Prosecutor General’s Office");
  // The address goes on across the page break.
  EXPECT_EQ(c["targets"][0]["address"]["lines"]["en"], json({"ul. Bolshaya Dmitrovka, 15a", "125993 Moscow GSP-3"}));
  EXPECT_EQ(c["targets"][0]["fax"], "+7 495 987 58 41");
  EXPECT_EQ(c["targets"][3]["address"]["lines"]["en"], json({"184-186 Orwell Road, Rathgar", "Dublin 14, D14 FP02"}));
  // Both letters; hyphenated words whole ("activ-ities", "uncon-ditionally" in the PDF),
  // compounds kept ("anti-war").
  ASSERT_EQ(c["letters"]["en"]["body"].size(), 3u);
  ASSERT_EQ(c["letters"]["ru"]["body"].size(), 2u);
  EXPECT_EQ(c["letters"]["ru"]["closing"], "С уважением,");
  const std::string all = c.dump();
  for (const char* word : {"professional activities", "public comments", "immediately and unconditionally", "anti-war protests",
                           "expert” opinions", "did not allow", "social media", "seized her computers"}) {
    EXPECT_NE(all.find(word), std::string::npos) << word;
  }
  for (const char* junk : {"Page 1 of 3", "Index: EUR", "Amnesty International\""}) EXPECT_EQ(all.find(junk), std::string::npos) << junk;
  EXPECT_EQ(c["background"]["en"].size(), 4u);
  EXPECT_FALSE(has_placeholder(c));
}

TEST_F(LibreOfficeImport, PdfWithFootersAndPageNumbers) {
  const fs::path pdf = dir_->path() / "ua-ru.pdf";
  // The PDF really has what the importer must see past.
  const std::string text = test::pdftotext(pdf);
  EXPECT_NE(text.find("Page 2 of 3"), std::string::npos);
  EXPECT_NE(text.find("Index: EUR 46/9954/2025"), std::string::npos);
  test::TempDir dir;
  const Imported im = import(pdf, dir.path());
  ASSERT_EQ(im.run.exit_code, 0) << im.run.err;
  EXPECT_EQ(im.report["format"], "pdf");
  expect_schema_valid(dir.path() / "case.json");
  expect_russian_case(im);
  // Round trip: letters in both languages, archive copies, with no editing.
  expect_letters(dir.path() / "case.json", dir.path() / "letters", im.c);
  test::write_file(dir.path() / "senders.csv", "name,address,country\nΕλένη Παπαδοπούλου,\"Οδός Αθηνάς 12\n105 51 Αθήνα\",GR\n");
  const auto ar = test::run({test::appeal_bin(), "archive", (dir.path() / "case.json").string(), "--senders",
                             (dir.path() / "senders.csv").string(), "-o", (dir.path() / "archive").string(), "--target",
                             "ambassador-ie", "--date", "2025-01-02"});
  ASSERT_EQ(ar.exit_code, 0) << ar.err;
  size_t copies = 0;
  for (const auto& e : fs::directory_iterator(dir.path() / "archive" / "archive")) {
    ++copies;
    std::string report;
    EXPECT_TRUE(test::qpdf_clean(e.path(), &report)) << e.path() << report;
  }
  EXPECT_EQ(copies, 2u);  // ru and en
}

TEST_F(LibreOfficeImport, DocxGivesTheSameCaseAsThePdf) {
  test::TempDir dir;
  const Imported im = import(dir_->path() / "ua-ru.docx", dir.path());
  ASSERT_EQ(im.run.exit_code, 0) << im.run.err;
  EXPECT_EQ(im.report["format"], "docx");
  expect_russian_case(im);
  // --check: the DOCX's case against the PDF: nothing differs.
  const auto same = test::run({test::appeal_bin(), "import", "--check", (dir.path() / "case.json").string(),
                               (dir_->path() / "ua-ru.pdf").string(), "--date", "2025-01-01"});
  EXPECT_EQ(same.exit_code, 0) << same.out << same.err;
  EXPECT_NE(same.out.find("0 differences"), std::string::npos) << same.out;
}

// The template as Amnesty's Secretariat sets it: a table of label cells and value cells,
// labels wrapped in their cells, a Persian salutation (right to left in the PDF).
TEST_F(LibreOfficeImport, TableOfLabelsAndValues) {
  for (const char* format : {"pdf", "docx"}) {
    SCOPED_TRACE(format);
    test::TempDir dir;
    const Imported im = import(dir_->path() / (std::string("ua-ir-table.") + format), dir.path(), "2026-03-01");
    ASSERT_EQ(im.run.exit_code, 0) << im.run.err;
    expect_schema_valid(dir.path() / "case.json");
    const json& c = im.c;
    EXPECT_EQ(c["id"], "UA 05/26");
    EXPECT_EQ(c["title"]["en"], "Student activist faces death penalty");
    EXPECT_EQ(c["issued"], "2026-02-12");
    EXPECT_EQ(c["deadline"], "2026-04-20");
    EXPECT_EQ(c["languages"], json({"fa", "en"}));
    EXPECT_EQ(c["person"]["name"]["en"], "Reza Karimi");
    EXPECT_EQ(c["summary"]["en"].get<std::string>().rfind("Student Reza Karimi, 22, was sentenced to death", 0), 0u);
    ASSERT_EQ(c["targets"].size(), 1u);
    const json& t = c["targets"][0];
    EXPECT_EQ(t["name"]["en"], "Gholamhossein Mohseni Ejei");
    EXPECT_EQ(t["title"]["en"], "Head of the Judiciary");
    EXPECT_EQ(t["address"]["country"], "BE");
    EXPECT_EQ(t["address"]["lines"]["en"], json({"Avenue Franklin Roosevelt No. 15", "1050 Bruxelles"}));
    EXPECT_EQ(t["salutation"]["en"], "Dear Head of the Judiciary,");
    EXPECT_EQ(t["salutation"]["fa"], "جناب آقای اژه‌ای");  // logical order, the ZWNJ kept
    ASSERT_EQ(c["letters"]["en"]["body"].size(), 2u);
    EXPECT_EQ(c["letters"]["en"]["closing"], "Yours sincerely,");
    EXPECT_TRUE(has_placeholder(c["letters"]["fa"]));
    EXPECT_EQ(c["background"]["en"].size(), 2u);
  }
}

// The Egyptian web page as a PDF: the same case as from the HTML but for what a PDF does not
// carry (the link's target) and the lam-alef ligatures (docs/import.md, limits).
TEST_F(LibreOfficeImport, ArabicLetterFromAPdfInReadingOrder) {
  test::TempDir dir;
  const Imported pdf = import(dir_->path() / "ua-eg.pdf", dir.path());
  ASSERT_EQ(pdf.run.exit_code, 0) << pdf.run.err;
  test::TempDir dir2;
  const Imported html = import(kData / "ua-eg.html", dir2.path());
  ASSERT_EQ(html.run.exit_code, 0) << html.run.err;
  for (const char* key : {"/id", "/title", "/summary", "/person", "/deadline", "/languages", "/targets", "/letters/en", "/background"}) {
    const json::json_pointer p(key);
    EXPECT_EQ(pdf.c[p], html.c[p]) << key;
  }
  const json& ar = pdf.c["letters"]["ar"];
  EXPECT_EQ(ar["closing"], "مع خالص التحية،");
  ASSERT_EQ(ar["body"].size(), 2u);
  const std::string body = ar["body"][0];
  for (const char* words : {"أكتب إليكم", "الشاعر كريم عادل منصور، المحتجز احتياطيًا منذ 2 سبتمبر 2024 لمجرد كتابته كلمات أغنية."}) {
    EXPECT_NE(body.find(words), std::string::npos) << words << " in " << body;
  }
  EXPECT_EQ(pdf.c["targets"][0]["salutation"]["ar"], "سيادة الرئيس،");
}

// Three officials without any contact line, separated by blank lines only; ordinal dates;
// two people with their own pronouns.
TEST(Import, OfficialsWithoutContactsOrdinalDatesAndTwoPeople) {
  test::TempDir dir;
  const Imported im = import(kData / "ua-np.txt", dir.path(), "2026-03-10", {"--id", "UA 22/26"});
  ASSERT_EQ(im.run.exit_code, 0) << im.run.err;
  expect_schema_valid(dir.path() / "case.json");
  const json& c = im.c;
  EXPECT_EQ(c["deadline"], "2026-04-21");  // "21st April 2026"
  EXPECT_EQ(c["languages"], json({"ne", "en"}));
  EXPECT_EQ(c["person"]["name"]["en"], "Sita Gurung, Ram Bahadur Thapa");
  EXPECT_FALSE(c["person"].contains("pronouns"));
  EXPECT_EQ(findings(im.report, "/person/pronouns").size(), 1u);
  ASSERT_EQ(c["targets"].size(), 3u);
  EXPECT_EQ(c["targets"][0]["name"]["en"], "K P Sharma Oli");
  EXPECT_EQ(c["targets"][0]["address"]["lines"]["en"], json({"Singha Durbar", "Kathmandu"}));
  EXPECT_EQ(c["targets"][1]["title"]["en"], "Inspector General of Police");
  EXPECT_EQ(c["targets"][1]["address"]["organisation"]["en"], "Police Headquarters");
  EXPECT_EQ(c["targets"][2]["address"]["organisation"]["en"], "National Human Rights Commission");
  for (const json& t : c["targets"]) EXPECT_EQ(t["address"]["country"], "NP");
  EXPECT_EQ(c["targets"][1]["salutation"]["en"], "Dear Inspector General,");
  EXPECT_EQ(c["letters"]["en"]["closing"], "Yours faithfully,");
  EXPECT_TRUE(has_placeholder(c["letters"]["ne"]));
  // English letters for all three without editing.
  const auto r = test::run({test::appeal_bin(), "letters", (dir.path() / "case.json").string(), "-o",
                            (dir.path() / "out").string(), "--lang", "en", "--date", "2026-03-11"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* f : {"prime-minister-en.pdf", "inspector-general-en.pdf", "chairperson-en.pdf"}) {
    std::string report;
    EXPECT_TRUE(test::qpdf_clean(dir.path() / "out" / f, &report)) << f << report;
  }
}

// The template's letter without "Dear ..." (the salutation is a field of its own), in a
// file with classic Mac line ends (CR only).
TEST(Import, LetterWithoutSalutationLineAndCarriageReturnsOnly) {
  test::TempDir dir;
  test::write_file(dir.path() / "ua-tn.txt",
                   "URGENT ACTION TITLE: Release the singer\r\rURGENT ACTION LETTER:\rI urge you to release the singer Lina "
                   "Haddad immediately.\r\rShe has done nothing wrong.\r\rYours sincerely,\r\rTARGET'S CONTACT DETAILS:\r"
                   "Minister of Justice\rSami Farouk\rMinistry of Justice\rAvenue Habib Bourguiba 31\r1001 Tunis\rTunisia\r"
                   "Salutation: Dear Minister / Monsieur le Ministre,\r\rPREFERRED LANGUAGE TO ADDRESS TARGET: French, English\r"
                   "APPEAL DEADLINE NOTICE: 1 July 2026\rNAME AND PREFERRED PRONOUN: Lina Haddad (she/her)\r");
  const Imported im = import(dir.path() / "ua-tn.txt", dir.path(), "2026-05-01", {"--id", "UA 30/26"});
  ASSERT_EQ(im.run.exit_code, 0) << im.run.err;
  const json& c = im.c;
  EXPECT_EQ(c["title"]["en"], "Release the singer");
  EXPECT_EQ(c["deadline"], "2026-07-01");
  EXPECT_EQ(c["languages"], json({"fr", "en"}));
  EXPECT_EQ(c["letters"]["en"]["body"], json({"I urge you to release the singer Lina Haddad immediately.", "She has done nothing wrong."}));
  EXPECT_EQ(c["letters"]["en"]["closing"], "Yours sincerely,");
  ASSERT_EQ(c["targets"].size(), 1u);
  EXPECT_EQ(c["targets"][0]["address"]["country"], "TN");
  EXPECT_EQ(c["targets"][0]["address"]["lines"]["en"], json({"Avenue Habib Bourguiba 31", "1001 Tunis"}));
  EXPECT_EQ(c["targets"][0]["salutation"]["en"], "Dear Minister");
  EXPECT_EQ(c["targets"][0]["salutation"]["fr"], "Monsieur le Ministre,");
  EXPECT_TRUE(has_placeholder(c["letters"]["fr"]));
}

// The older layout (before the template): "Please write immediately in Spanish or your own
// language:" with the points to make, "PLEASE SEND APPEALS BEFORE 16 APRIL 2025 TO:", "And
// copies to:", the UA number and issue date in the last line, no sample letter.
TEST(Import, OlderLayoutWithPointsInsteadOfALetter) {
  test::TempDir dir;
  const Imported im = import(kData / "ua-co-old.txt", dir.path(), "2025-03-10");
  ASSERT_EQ(im.run.exit_code, 0) << im.run.err;
  expect_schema_valid(dir.path() / "case.json");
  const json& c = im.c;
  EXPECT_EQ(c["id"], "UA 28/25");
  EXPECT_EQ(c["issued"], "2025-03-05");
  EXPECT_EQ(c["deadline"], "2025-04-16");
  EXPECT_EQ(c["languages"], json({"es"}));
  EXPECT_EQ(c["title"]["en"], "Community leader receives death threats");
  EXPECT_EQ(c["summary"]["en"].get<std::string>().rfind("Afro-Colombian community leader", 0), 0u);
  EXPECT_EQ(c["summary"]["en"].get<std::string>().find("Please write"), std::string::npos);
  EXPECT_EQ(c["person"]["name"]["en"], "Yesenia Mosquera");
  ASSERT_EQ(c["targets"].size(), 2u);
  EXPECT_EQ(c["targets"][0]["name"]["en"], "Francisco Barbosa Delgado");
  EXPECT_EQ(c["targets"][0]["salutation"], json({{"en", "Dear Attorney General"}, {"es", "Estimado Sr. Fiscal"}}));
  EXPECT_EQ(c["targets"][1]["title"]["en"], "Ombudsman");
  EXPECT_TRUE(has_placeholder(c["targets"][1]["salutation"]["es"]));
  // The points become steps and follow the mark of the letter to write.
  EXPECT_EQ(c["actions"]["en"][1], "Urging the authorities to provide effective protection to Yesenia Mosquera, in accordance with her wishes;");
  const std::string body = c["letters"]["es"]["body"][0];
  EXPECT_TRUE(has_placeholder(c["letters"]["es"]));
  EXPECT_NE(body.find("Calling on them to investigate the threat"), std::string::npos);
  EXPECT_EQ(findings(im.report, "/letters").size(), 1u);
}

// ---------------------------------------------------------------------------------------
// --check: a hand-corrected case against a fresh import (a FURTHER UA, a corrected number).

TEST(Import, CheckListsWhatDiffersFromAHandCorrectedCase) {
  test::TempDir dir;
  const Imported im = import(kData / "ua-31-22.txt", dir.path(), "2026-12-01");
  ASSERT_EQ(im.run.exit_code, 0) << im.run.err;
  json corrected = im.c;
  corrected["deadline"] = "2023-07-01";
  corrected["targets"][0]["address"]["lines"]["en"].erase(0);  // the pasted line removed
  corrected["letters"]["ru"]["closing"] = "С уважением,";       // a translation: not a difference
  test::write_file(dir.path() / "corrected.json", corrected.dump(2));
  const auto r = test::run({test::appeal_bin(), "import", "--check", (dir.path() / "corrected.json").string(),
                            (kData / "ua-31-22.txt").string(), "--date", "2026-12-01"});
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_NE(r.out.find("corrected.json:/deadline: the case has \"2023-07-01\"; ua-31-22.txt has \"2023-06-16\""), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("/targets/0/address/lines/en"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("/letters/ru/closing"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 placeholder of the import filled in by the case"), std::string::npos) << r.out;
  // --check writes nothing.
  EXPECT_FALSE(fs::exists(dir.path() / "corrected.import.json"));
}

// ---------------------------------------------------------------------------------------
// Bad input: exit 2, "FILE: message" saying what was expected, no file written.

struct BadDocument {
  std::string name;
  std::string expect;  // in the message
};

void PrintTo(const BadDocument& d, std::ostream* os) { *os << d.name; }

class ImportBadInput : public ::testing::TestWithParam<BadDocument> {};

fs::path make_bad(const std::string& name, const fs::path& dir) {
  const fs::path p = dir / name;
  if (name == "scan.pdf") {
    // An image-only PDF: a letter rendered to pixels by Ghostscript (no text layer).
    const fs::path letter = dir / "letter.pdf";
    test::run({test::appeal_bin(), "letters", (test::source_dir() / "samples/ua-31-22/case.json").string(), "-o",
               (dir / "l").string(), "--lang", "en", "--target", "president"});
    fs::copy_file(dir / "l" / "president-en.pdf", letter);
    test::run({"gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfimage24", "-r72", "-o", p.string(), letter.string()});
  } else if (name == "locked.pdf") {
    test::run({test::appeal_bin(), "letters", (test::source_dir() / "samples/ua-31-22/case.json").string(), "-o",
               (dir / "l2").string(), "--lang", "en", "--target", "president"});
    test::run({"qpdf", "--encrypt", "user-secret", "owner-secret", "256", "--", (dir / "l2" / "president-en.pdf").string(), p.string()});
  } else if (name == "recipe.txt") {
    test::write_file(p, "Lemon cake\n\nMix 200 g of flour with 3 eggs and the zest of two lemons.\n\nBake for 40 minutes.\n");
  } else if (name == "empty.txt") {
    test::write_file(p, "");
  } else if (name == "latin1.txt") {
    test::write_file(p, "URGENT ACTION\nJos\xE9 Mar\xED" "a\n");
  } else if (name == "archive.docx") {
    // A ZIP without word/document.xml (an .odt renamed, a zip of photos).
    test::write_file(dir / "note.txt", "hello");
    test::run({"/usr/bin/python3", "-c",
               "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1],'w'); z.write(sys.argv[2],'note.txt'); z.close()", p.string(),
               (dir / "note.txt").string()});
  }
  return p;
}

TEST_P(ImportBadInput, ExitsTwoSayingWhatWasExpected) {
  test::TempDir dir;
  const fs::path doc = make_bad(GetParam().name, dir.path());
  ASSERT_TRUE(fs::exists(doc)) << doc;
  const auto r = test::run({test::appeal_bin(), "import", doc.string(), "-o", (dir.path() / "case.json").string()});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_EQ(r.err.rfind(GetParam().name + ":", 0), 0u) << r.err;
  EXPECT_NE(r.err.find(GetParam().expect), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir.path() / "case.json"));
  EXPECT_FALSE(fs::exists(dir.path() / "case.import.json"));
}

INSTANTIATE_TEST_SUITE_P(
    Documents, ImportBadInput,
    ::testing::Values(BadDocument{"scan.pdf", "no text, only images (a scan?): expected an Urgent Action with a text layer"},
                      BadDocument{"locked.pdf", "encrypted with a password: expected an Urgent Action whose text can be read"},
                      BadDocument{"recipe.txt", "no Urgent Action found: expected a letter"},
                      BadDocument{"empty.txt", "the file is empty: expected an Urgent Action"},
                      BadDocument{"latin1.txt", "2:4: not UTF-8 text"},
                      BadDocument{"archive.docx", "a ZIP file without word/document.xml"}),
    [](const auto& info) { return test::test_name(info.param.name); });

}  // namespace
