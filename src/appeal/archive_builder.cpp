#include "appeal/archive_builder.h"

#include <nlohmann/json.hpp>

#include "layout/render_pdf.h"
#include "pdf/document.h"
#include "text/utf8.h"

namespace appeal {

namespace {

// Latin letters with diacritics and Cyrillic (Russian and Kazakh) to ASCII, for file
// names only: a readable stem, not a transliteration standard.
std::string ascii_of(char32_t c) {
  static const std::u32string kLatin = U"àáâãäåāăąçćčďđèéêëēėęěğìíîïīįıķĺļľłñńņňòóôõöøōőœŕřśşšţťùúûüūůűųýÿźżžßþðæ";
  static const char* const kLatinAscii[] = {
      "a", "a", "a", "a", "a", "a", "a", "a", "a", "c", "c", "c", "d", "d", "e", "e", "e", "e", "e", "e", "e", "e",
      "g", "i", "i", "i", "i", "i", "i", "i", "k", "l", "l", "l", "l", "n", "n", "n", "n", "o", "o", "o", "o", "o",
      "o", "o", "o", "oe", "r", "r", "s", "s", "s", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u", "y", "y", "z",
      "z", "z", "ss", "th", "d", "ae"};
  static const std::u32string kCyrillic = U"абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі";
  static const char* const kCyrillicAscii[] = {
      "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f",
      "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "iu", "ia", "a", "g", "q", "n", "o", "u", "u", "h", "i"};
  if (c < 0x80) return std::string(1, static_cast<char>(c));
  if (auto i = kLatin.find(c); i != std::u32string::npos) return kLatinAscii[i];
  if (auto i = kCyrillic.find(c); i != std::u32string::npos) return kCyrillicAscii[i];
  return "";
}

}  // namespace

std::string sender_slug(const std::string& name) {
  std::string out;
  bool dash = false;
  for (char32_t c : text::to_lower(text::to_u32(name))) {
    for (char a : ascii_of(c)) {
      const bool alnum = (a >= 'a' && a <= 'z') || (a >= '0' && a <= '9');
      if (!alnum) {
        dash = !out.empty();
        continue;
      }
      if (dash) out += '-';
      dash = false;
      out += a;
    }
    if (ascii_of(c).empty()) dash = !out.empty();
  }
  return out.empty() ? "sender" : out;
}

std::string sender_row_json(const Sender& s, const std::filesystem::path& senders_file) {
  nlohmann::ordered_json j;
  j["file"] = senders_file.filename().string();
  j["line"] = s.line;
  j["name"] = s.name;
  j["address"] = s.address;
  j["country"] = s.country;
  if (!s.email.empty()) j["email"] = s.email;
  if (!s.signature.empty()) {
    j["signature"] = s.signature.lexically_relative(std::filesystem::absolute(senders_file).parent_path()).string();
  }
  if (!s.language.empty()) j["language"] = s.language;
  return j.dump(2) + "\n";
}

void write_archive_pdf(const std::vector<layout::DisplayPage>& pages, const Case& c, const Target& t,
                       const std::string& lang, const Sender& sender, const ArchiveSource& source,
                       const LetterSettings& settings, layout::Typesetter& ts, const std::filesystem::path& file,
                       const pdf::SigningKey* key, std::time_t signing_time) {
  pdf::DocumentInfo info;
  info.title = c.id + ": " + pick(c.title, lang) + " \u2014 " + pick(t.name, lang);
  info.author = sender.name;
  info.subject = pick(c.person.name, lang);
  info.language = lang;
  info.created = settings.created;
  info.producer = "Appeal Press 0.1 (HarfBuzz, hb-subset)";
  info.pdfa3b = true;
  // sRGB from icc-profiles-free: the letters use DeviceGray and PNG signatures in RGB.
  info.output_intent = pdf::OutputIntent{"GTS_PDFA1", "sRGB IEC61966-2.1", "http://www.color.org", "sRGB IEC61966-2.1",
                                         "/usr/share/color/icc/sRGB.icc", 3};
  info.attachments.push_back({source.case_name, "application/json", source.case_json,
                              "The case this letter was made from", "Source", settings.created});
  info.attachments.push_back({"sender.json", "application/json", source.sender_json,
                              "The sender's row of " + source.senders_file_name + ", as JSON", "Source", settings.created});
  if (key) {
    pdf::SignatureField f;
    f.signer = key->common_name();
    f.reason = "Copy of a letter sent for " + c.id;
    f.signing_time = signing_time;
    f.contents_bytes = key->max_signature_bytes();
    info.signature = f;
  }
  {
    pdf::Document doc(file, info);
    layout::PdfRenderer renderer(doc, ts.fonts());
    for (const layout::DisplayPage& p : pages) renderer.add_page(p);
    doc.finish();
  }
  if (key) pdf::sign_pdf(file, *key);
}

}  // namespace appeal
