// Tagged PDF (issue 17, docs/accessibility.md): every output kind read back as a screen
// reader would, through poppler's structure reader (pdfinfo -struct-text): the elements in
// reading order, each with exactly the text the case gives (hyphenated words whole, the
// words of two lines apart), figures with their alternative text, artifacts left out;
// the PDF/UA-1, PDF/A-3a and PDF/X-4 rules checked by `appeal check`; --untagged undoes it.
#include <gtest/gtest.h>

#include <map>
#include <regex>

#include "e2e/sample_case.h"
#include "support/pdf_probe.h"
#include "support/run.h"

namespace {

using nlohmann::json;

const std::filesystem::path kSample = test::source_dir() / "samples/ua-31-22";

// One structure element as pdfinfo -struct-text prints it: its type (role-mapped to a
// standard type), its depth, and its own content's text, the strings joined.
struct Element {
  int depth = 0;
  std::string type;
  std::string text;
  std::vector<std::string> pieces;  // one per marked-content sequence
};

std::vector<Element> struct_text(const std::filesystem::path& pdf) {
  const auto r = test::run({"pdfinfo", "-struct-text", pdf.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "") << "poppler complains while reading the structure of " << pdf;
  std::vector<Element> out;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) {
    const size_t indent = line.find_first_not_of(' ');
    if (indent == std::string::npos) continue;
    const std::string body = line.substr(indent);
    if (body.front() == '"' && body.size() >= 2 && body.back() == '"') {
      if (!out.empty()) {
        out.back().pieces.push_back(body.substr(1, body.size() - 2));
        out.back().text += out.back().pieces.back();
      }
      continue;
    }
    if (body.front() == '/' || body.rfind("Object ", 0) == 0) continue;  // attributes, annotations
    Element e;
    e.depth = static_cast<int>(indent / 2);
    e.type = body.substr(0, body.find_first_of(" :"));
    out.push_back(e);
  }
  return out;
}

std::vector<const Element*> of_type(const std::vector<Element>& els, const std::string& type) {
  std::vector<const Element*> out;
  for (const Element& e : els) {
    if (e.type == type) out.push_back(&e);
  }
  return out;
}

// Position of the first element at or after `from` with this type and text.
size_t find(const std::vector<Element>& els, const std::string& type, const std::string& text, size_t from = 0) {
  for (size_t i = from; i < els.size(); ++i) {
    if (els[i].type == type && els[i].text == text) return i;
  }
  return std::string::npos;
}

// The file's content streams and objects, uncompressed (qpdf --qdf).
std::string uncompressed(const std::filesystem::path& pdf, const std::filesystem::path& dir) {
  const auto qdf = dir / (pdf.stem().string() + ".qdf");
  const auto r = test::run({"qpdf", "--qdf", "--object-streams=disable", pdf.string(), qdf.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return test::read_file(qdf);
}

void expect_tagged_and_clean(const std::filesystem::path& pdf, const std::string& profile) {
  const auto info = test::run({"pdfinfo", pdf.string()});
  EXPECT_NE(info.out.find("Tagged:          yes"), std::string::npos) << pdf << "\n" << info.out;
  std::string report;
  EXPECT_TRUE(test::qpdf_clean(pdf, &report)) << report;
  const auto check = test::run({test::appeal_bin(), "check", pdf.string()});
  EXPECT_EQ(check.exit_code, 0) << check.out;
  EXPECT_NE(check.out.find("profile " + profile + "\n"), std::string::npos) << check.out;
}

test::RunResult appeal(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {test::appeal_bin()};
  argv.insert(argv.end(), args.begin(), args.end());
  return test::run(argv, {"SOURCE_DATE_EPOCH=1686873600"});
}

// A hand-filled letter in the order a person reads it: whom it is to, the sender's
// block to fill in, the date, the subject, the letter, and the signature line's caption.
void expect_letter_order(const std::vector<Element>& els, const json& c, const std::string& lang, const std::string& sender,
                         const std::string& date, const std::string& signature) {
  const json& t = c["targets"][0];
  const json& letter = c["letters"][lang];
  ASSERT_GE(els.size(), 8u);
  EXPECT_EQ(els[0].type, "Document");
  // The recipient first, each address line a piece of its own.
  EXPECT_EQ(els[1].type, "P");
  ASSERT_FALSE(els[1].pieces.empty());
  EXPECT_GE(els[1].pieces.size(), 4u) << els[1].text;
  size_t at = find(els, "Caption", sender);
  EXPECT_EQ(at, 2u) << "the sender's block after the recipient";
  at = find(els, "P", date, at);
  ASSERT_NE(at, std::string::npos) << date;
  at = find(els, "H1", letter["subject"].get<std::string>(), at);
  ASSERT_NE(at, std::string::npos) << "the subject, the letter's one heading";
  at = find(els, "P", t["salutation"][lang].get<std::string>(), at);
  ASSERT_NE(at, std::string::npos);
  for (const json& para : letter["body"]) {
    const size_t next = find(els, "P", para.get<std::string>(), at);
    ASSERT_NE(next, std::string::npos) << "not whole, or out of order:\n" << para.get<std::string>();
    EXPECT_EQ(next, at + 1);
    at = next;
  }
  EXPECT_EQ(find(els, "P", letter["closing"].get<std::string>(), at), at + 1);
  EXPECT_EQ(find(els, "Caption", signature, at), at + 2);
  EXPECT_EQ(els.size(), at + 3) << "nothing after the signature caption: the page furniture is artifact";
}

TEST(Tagged, HandFilledLettersReadInOrderWithEveryParagraphWhole) {
  test::TempDir dir;
  const json c = test::sample_case();
  ASSERT_EQ(appeal({"letters", (kSample / "case.json").string(), "-o", dir.path().string(), "--target", "president",
                    "--pdf-ua", "-q"})
                .exit_code,
            0);
  for (const auto& [lang, sender, date, signature] :
       {std::tuple{"en", "From:", "16 June 2023", "Signature"},
        std::tuple{"ru", "Отправитель:", "16\u00A0июня 2023\u00A0г.", "Подпись"}}) {
    const auto pdf = dir.path() / ("president-" + std::string(lang) + ".pdf");
    expect_tagged_and_clean(pdf, "pdfua-1");
    expect_letter_order(struct_text(pdf), c, lang, sender, date, signature);
  }
  // Both letter layouts: the US one puts the date above the address.
  ASSERT_EQ(appeal({"letters", (kSample / "case.json").string(), "-o", (dir.path() / "us").string(), "--target",
                    "president", "--lang", "en", "--layout", "us-letter-10", "-q"})
                .exit_code,
            0);
  const auto us = struct_text(dir.path() / "us" / "president-en.pdf");
  EXPECT_EQ(us.size(), struct_text(dir.path() / "president-en.pdf").size());
  EXPECT_NE(find(us, "H1", c["letters"]["en"]["subject"].get<std::string>()), std::string::npos);
}

// A merge: every sender's letter in turn, each a recipient, the return line, the sender's
// block in the sender's language, the letter, the scanned signature as a figure with its
// alternative text, and the typed name.
TEST(Tagged, MergedLettersReadLetterByLetterWithSignaturesDescribed) {
  test::TempDir dir;
  const json c = test::sample_case();
  ASSERT_EQ(appeal({"letters", (kSample / "case.json").string(), "--senders", (kSample / "senders.csv").string(), "-o",
                    dir.path().string(), "--target", "president", "--lang", "en", "--pdf-ua", "-q"})
                .exit_code,
            0);
  const auto pdf = dir.path() / "president-en.pdf";
  expect_tagged_and_clean(pdf, "pdfua-1");
  const auto els = struct_text(pdf);
  const std::vector<std::string> names = {"Anna Kowalska", "Jean-Luc Lefèvre", "Klaus Müller", "O'Brien, Siobhán",
                                          "Айгерім Сәрсенова"};
  EXPECT_EQ(of_type(els, "H1").size(), names.size());
  EXPECT_EQ(of_type(els, "Figure").size(), 3u) << "three senders have a scanned signature";
  size_t at = 0;
  for (const std::string& name : names) {
    const size_t subject = find(els, "H1", c["letters"]["en"]["subject"].get<std::string>(), at);
    ASSERT_NE(subject, std::string::npos) << name;
    // Before the subject: recipient, return line, the sender's block starting with the name, the date.
    ASSERT_GE(subject, at + 4);
    EXPECT_NE(els[subject - 4].text.find("Kassym-Jomart Tokayev"), std::string::npos) << els[subject - 4].text;
    EXPECT_EQ(els[subject - 3].text.rfind(name, 0), 0u) << els[subject - 3].text;  // the return line
    ASSERT_FALSE(els[subject - 2].pieces.empty());
    EXPECT_EQ(els[subject - 2].pieces.front(), name);
    EXPECT_EQ(els[subject - 1].text, "16 June 2023");
    const size_t typed = find(els, "P", name, subject);
    ASSERT_NE(typed, std::string::npos) << name;
    EXPECT_EQ(els[typed - 1].type == "Figure", name != "O'Brien, Siobhán" && name != "Айгерім Сәрсенова") << name;
    at = typed + 1;
  }
  const std::string raw = uncompressed(pdf, dir.path());
  EXPECT_NE(raw.find("/Alt (Signature of Anna Kowalska)"), std::string::npos);
  size_t alts = 0;
  for (size_t p = raw.find("/Alt "); p != std::string::npos; p = raw.find("/Alt ", p + 1)) ++alts;
  EXPECT_EQ(alts, 3u) << "one per scanned signature";
  EXPECT_NE(raw.find("/RoleMap"), std::string::npos) << "Address and Signature mapped to P";
  // Kazakh in an English letter: the sender's lines say their language (CSV "language").
  EXPECT_TRUE(std::regex_search(raw, std::regex(R"(/Lang ?\(kk\))")));
  // The letters after the first open with one shared stream, the marked forms of the
  // shared paragraphs (pdf/content_prefix.h); the first letter has all its content, and
  // the reading order above is what the shared stream's MCIDs gave each letter.
  std::map<std::string, size_t> openings;
  const std::regex contents_array(R"(/Contents \[\s*(\d+) 0 R\s+\d+ 0 R\s*\])");
  for (auto it = std::sregex_iterator(raw.begin(), raw.end(), contents_array); it != std::sregex_iterator(); ++it) {
    ++openings[(*it)[1].str()];
  }
  ASSERT_EQ(openings.size(), 1u);
  EXPECT_EQ(openings.begin()->second, names.size() - 1);
}

// A name in a script the letter's language is not written in gets a span in its own
// language, so a screen reader switches voice (ISO 32000-1 §14.9.2.2).
TEST(Tagged, ANameInAnotherScriptSaysItsLanguage) {
  test::TempDir dir;
  test::write_file(dir.path() / "senders.csv",
                   "name,address,country\n"
                   "Ζωή Παπαδοπούλου,\"Οδός Ερμού 5\n105 63 Αθήνα\",GR\n"
                   "محمد علي,\"1 Street\nCairo\",EG\n");
  ASSERT_EQ(appeal({"letters", (kSample / "case.json").string(), "--senders", (dir.path() / "senders.csv").string(), "-o",
                    (dir.path() / "out").string(), "--target", "president", "--lang", "en", "--pdf-ua", "-q"})
                .exit_code,
            0);
  const auto pdf = dir.path() / "out" / "president-en.pdf";
  expect_tagged_and_clean(pdf, "pdfua-1");
  const std::string raw = uncompressed(pdf, dir.path());
  EXPECT_TRUE(std::regex_search(raw, std::regex(R"(/Lang ?\(el\))"))) << "Greek name in an English letter";
  EXPECT_TRUE(std::regex_search(raw, std::regex(R"(/Lang ?\(ar\))"))) << "Arabic name in an English letter";
  EXPECT_TRUE(std::regex_search(raw, std::regex(R"(/Lang ?\(en\))"))) << "the catalog's language";
  // And pdftotext still gives the names back.
  const std::string text = test::pdftotext(pdf);
  EXPECT_NE(text.find("Ζωή Παπαδοπούλου"), std::string::npos);
}

// A right-to-left letter: its glyphs stand in visual order, as text extraction's bidi pass
// wants them (tests/e2e/rtl_test.cpp); each paragraph element says its text in logical
// order as /ActualText, for readers that take the content as it comes.
TEST(Tagged, ArabicParagraphsSayTheirTextInLogicalOrder) {
  test::TempDir dir;
  json c = test::sample_case();
  c["languages"] = {"ar", "en"};
  const std::string subject = "زانبولات ماماي: رفع جميع القيود وإسقاط جميع التهم";
  const std::string body = "أكتب إليكم بشأن زانبولات ماماي الذي صدر بحقه حكم بالسجن ست سنوات مع وقف التنفيذ في 10 "
                           "أبريل/نيسان 2023. وأشعر بالقلق لأن هذه الإدانة هي انتقام من انتقاده المشروع للحكومة.";
  c["letters"]["ar"] = {{"subject", subject}, {"body", {body}}, {"closing", "مع فائق الاحترام،"}};
  for (auto& t : c["targets"]) t["salutation"]["ar"] = "السيد الرئيس،";
  test::write_file(dir.path() / "case.json", c.dump());
  ASSERT_EQ(appeal({"letters", (dir.path() / "case.json").string(), "--lang", "ar", "--target", "president", "-o",
                    (dir.path() / "out").string(), "--pdf-ua", "-q"})
                .exit_code,
            0);
  const auto pdf = dir.path() / "out" / "president-ar.pdf";
  expect_tagged_and_clean(pdf, "pdfua-1");
  const auto r = test::run({"qpdf", "--json", pdf.string()});
  ASSERT_EQ(r.exit_code, 0);
  for (const std::string& text : {subject, body, std::string("مع فائق الاحترام،")}) {
    EXPECT_NE(r.out.find("\"/ActualText\": \"u:" + text + "\""), std::string::npos) << text;
  }
  EXPECT_TRUE(std::regex_search(r.out, std::regex(R"("/Lang": "u:ar")"))) << "the catalog's language";
  // The element order is the reading order, as in any letter.
  const auto els = struct_text(pdf);
  ASSERT_EQ(of_type(els, "H1").size(), 1u);
}

TEST(Tagged, LeafletsReadCoverThenInsideThenBack) {
  test::TempDir dir;
  const json c = test::sample_case();
  for (const char* layout : {"leaflet-a4-trifold", "leaflet-a5-fold"}) {
    ASSERT_EQ(appeal({"leaflet", (kSample / "case.json").string(), "--layout", layout, "--group",
                      (kSample / "group.json").string(), "-o", dir.path().string(), "--pdf-ua", "-q"})
                  .exit_code,
              0);
    const auto pdf = dir.path() / (std::string(layout) + "-en.pdf");
    expect_tagged_and_clean(pdf, "pdfx-4+pdfua-1");
    const auto els = struct_text(pdf);
    // The cover: the title is the one H1, before every section heading.
    const auto h1 = of_type(els, "H1");
    ASSERT_EQ(h1.size(), 1u);
    EXPECT_EQ(h1[0]->text, c["title"]["en"].get<std::string>());
    std::vector<std::string> h2;
    for (const Element* e : of_type(els, "H2")) h2.push_back(e->text);
    const std::vector<std::string> expected =
        std::string(layout) == "leaflet-a4-trifold"
            ? std::vector<std::string>{"Background", "Write to", "What you can do", "Your local group"}
            : std::vector<std::string>{"Background", "What you can do", "Write to", "Your local group"};
    EXPECT_EQ(h2, expected) << layout;
    EXPECT_LT(find(els, "H1", h1[0]->text), find(els, "H2", "Background"));
    // The action steps: a list of items, each with its body, in order and whole.
    const auto bodies = of_type(els, "LBody");
    ASSERT_EQ(bodies.size(), c["actions"]["en"].size());
    for (size_t i = 0; i < bodies.size(); ++i) {
      EXPECT_EQ(bodies[i]->text, std::to_string(i + 1) + ".\u00A0" + c["actions"]["en"][i].get<std::string>());
    }
    EXPECT_EQ(of_type(els, "L").size(), 1u);
    EXPECT_EQ(of_type(els, "LI").size(), bodies.size());
    // The story's paragraphs whole.
    for (const json& p : c["background"]["en"]) {
      EXPECT_NE(find(els, "P", p.get<std::string>()), std::string::npos) << p.get<std::string>().substr(0, 60);
    }
    // The QR code is a figure saying where it leads; the printed link is a link.
    const std::string url = c["links"]["action"].get<std::string>();
    EXPECT_EQ(of_type(els, "Figure").size(), 1u);
    const auto links = of_type(els, "Link");
    ASSERT_EQ(links.size(), 1u);
    EXPECT_EQ(links[0]->text, url);
    const std::string raw = uncompressed(pdf, dir.path());
    EXPECT_NE(raw.find("/Alt (QR code: " + url + ")"), std::string::npos);
    EXPECT_NE(raw.find("/Contents (" + url + ")"), std::string::npos) << "the link annotation says where it leads";
    EXPECT_TRUE(std::regex_search(raw, std::regex(R"(/Artifact ?<< ?/Type ?/Layout ?>> ?BDC)"))) << "crop and fold marks are artifacts";
    EXPECT_TRUE(std::regex_search(raw, std::regex(R"(/Artifact ?<< ?/Type ?/Background ?>> ?BDC)"))) << "the cover's colour field";
  }
}

TEST(Tagged, EnvelopesAndLabelsReadAddressByAddress) {
  test::TempDir dir;
  for (const char* kind : {"envelopes", "labels"}) {
    ASSERT_EQ(appeal({kind, (kSample / "case.json").string(), "--senders", (kSample / "senders.csv").string(), "-o",
                      (dir.path() / kind).string(), "--target", "president", "--lang", "en", "--pdf-ua", "-q"})
                  .exit_code,
              0);
    const auto pdf = dir.path() / kind / ("president-en-" + std::string(kind) + ".pdf");
    expect_tagged_and_clean(pdf, "pdfua-1");
    const auto els = struct_text(pdf);
    size_t recipients = 0;
    for (const Element& e : els) {
      if (e.type == "P" && !e.pieces.empty() && e.pieces.front() == "Kassym-Jomart Tokayev") ++recipients;
    }
    EXPECT_EQ(recipients, 5u) << kind << ": one recipient address per sender";
  }
}

TEST(Tagged, ArchiveCopiesArePdfA3aAndUntaggedOnesPdfA3b) {
  test::TempDir dir;
  ASSERT_EQ(appeal({"archive", (kSample / "case.json").string(), "--senders", (kSample / "senders.csv").string(), "-o",
                    (dir.path() / "a").string(), "--target", "president", "--lang", "en", "-q"})
                .exit_code,
            0);
  const auto tagged = dir.path() / "a" / "archive" / "anna-kowalska-president-en.pdf";
  expect_tagged_and_clean(tagged, "pdfa-3a");
  const auto check = test::run({(test::source_dir() / "tests/tools/pdfa-check").string(), tagged.string()});
  EXPECT_EQ(check.exit_code, 0) << check.out;
  EXPECT_NE(test::read_file(tagged).find("pdfaid:conformance=\"A\""), std::string::npos);
  // The signature field is tagged as a form field (PDF/UA-1 §7.18.4) when the copy is signed;
  // unsigned, the letter's own structure is all there is.
  EXPECT_EQ(of_type(struct_text(tagged), "Figure").size(), 1u);

  ASSERT_EQ(appeal({"archive", (kSample / "case.json").string(), "--senders", (kSample / "senders.csv").string(), "-o",
                    (dir.path() / "b").string(), "--target", "president", "--lang", "en", "-q", "--untagged"})
                .exit_code,
            0);
  const auto untagged = dir.path() / "b" / "archive" / "anna-kowalska-president-en.pdf";
  const std::string bytes = test::read_file(untagged);
  EXPECT_NE(bytes.find("pdfaid:conformance=\"B\""), std::string::npos);
  EXPECT_EQ(bytes.find("/StructTreeRoot"), std::string::npos);
  const auto info = test::run({"pdfinfo", untagged.string()});
  EXPECT_NE(info.out.find("Tagged:          no"), std::string::npos) << info.out;
  // The level A rules fail on it when asked for: each can fail.
  const auto as_a = test::run({test::appeal_bin(), "check", "--profile", "pdfa-3a", untagged.string()});
  EXPECT_EQ(as_a.exit_code, 2);
  EXPECT_NE(as_a.out.find("§6.7 (level A): the catalog's /MarkInfo does not say /Marked true"), std::string::npos) << as_a.out;
  EXPECT_NE(as_a.out.find("§6.7 (level A): no /StructTreeRoot"), std::string::npos) << as_a.out;
  // Untagged is smaller.
  EXPECT_LT(std::filesystem::file_size(untagged), std::filesystem::file_size(tagged));
}

TEST(Tagged, PhotoAltTextComesFromTheCaseOrTheName) {
  test::TempDir dir;
  json c = test::sample_case();
  // A 2x3 grey PNG made here: the photo's content does not matter, its description does.
  const std::string png = test::read_file(kSample / "signatures" / "anna.png");
  test::write_file(dir.path() / "photo.png", png);
  c["person"]["photo"] = "photo.png";
  test::write_file(dir.path() / "named.json", c.dump());
  c["person"]["photo_alt"] = {{"en", "Zhanbolat Mamay speaking at a rally in Almaty"}};
  test::write_file(dir.path() / "described.json", c.dump());
  for (const auto& [file, alt] : {std::pair{"named.json", "Zhanbolat Mamay"},
                                  std::pair{"described.json", "Zhanbolat Mamay speaking at a rally in Almaty"}}) {
    const auto out = dir.path() / (std::string(file) + ".out");
    const auto r = appeal({"leaflet", (dir.path() / file).string(), "-o", out.string(), "--pdf-ua", "-q"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto pdf = out / "leaflet-a4-trifold-en.pdf";
    expect_tagged_and_clean(pdf, "pdfx-4+pdfua-1");
    EXPECT_NE(uncompressed(pdf, dir.path()).find("/Alt (" + std::string(alt) + ")"), std::string::npos) << file;
    EXPECT_EQ(of_type(struct_text(pdf), "Figure").size(), 2u) << "the photo and the QR code";
  }
  // A description of no photo is a mistake in the case.
  json bad = test::sample_case();
  bad["person"]["photo_alt"] = {{"en", "a photo"}};
  test::write_file(dir.path() / "bad.json", bad.dump());
  const auto r = appeal({"leaflet", (dir.path() / "bad.json").string(), "-o", (dir.path() / "bad").string(), "-q"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("bad.json:/person/photo_alt: describes a photo the case does not give"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "bad"));
}

TEST(Tagged, UntaggedIsTheOldWriterAndExcludesPdfUa) {
  test::TempDir dir;
  ASSERT_EQ(appeal({"letters", (kSample / "case.json").string(), "-o", dir.path().string(), "--target", "president",
                    "--lang", "en", "--untagged", "-q"})
                .exit_code,
            0);
  const std::string bytes = test::read_file(dir.path() / "president-en.pdf");
  EXPECT_EQ(bytes.find("/StructTreeRoot"), std::string::npos);
  EXPECT_EQ(bytes.find("/MarkInfo"), std::string::npos);
  const auto both = appeal({"letters", (kSample / "case.json").string(), "-o", (dir.path() / "x").string(), "--untagged",
                            "--pdf-ua"});
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_NE(both.err.find("excludes"), std::string::npos) << both.err;
}

}  // namespace
