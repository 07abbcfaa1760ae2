#include "appeal/archive_builder.h"

#include <cctype>
#include <cstring>
#include <mutex>

#include <nlohmann/json.hpp>
#include <unicode/uchar.h>
#include <unicode/utrans.h>

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

namespace {

// Any other script to ASCII through ICU's transliterators ("Any-Latin; Latin-ASCII":
// Greek, Han (pinyin), Arabic, Hebrew, Armenian, Georgian, Devanagari, Thai, Hangul...),
// with the modifier letters some of them leave (ʹ ʺ ʾ ʿ) removed. The table above
// stays first: its readings of Cyrillic are the ones people write their names in
// ("aigerim", not ICU's "ajgerim").
std::string icu_ascii(const std::u32string& run) {
  static std::mutex mu;
  static UTransliterator* t = [] {
    UErrorCode st = U_ZERO_ERROR;
    const std::u16string id = u"Any-Latin; [\u02B9\u02BA\u02BE\u02BF] Remove; Latin-ASCII";
    UTransliterator* tr = utrans_openU(reinterpret_cast<const UChar*>(id.data()), static_cast<int32_t>(id.size()),
                                       UTRANS_FORWARD, nullptr, 0, nullptr, &st);
    return U_FAILURE(st) ? nullptr : tr;
  }();
  if (!t) return {};
  std::u16string buf = text::to_utf16(text::to_utf8(run));
  auto len = static_cast<int32_t>(buf.size());
  buf.resize(buf.size() * 4 + 16);  // not a length: room for the Latin spelling (bytes)
  int32_t limit = len;
  UErrorCode st = U_ZERO_ERROR;
  {
    std::lock_guard<std::mutex> lock(mu);
    utrans_transUChars(t, buf.data(), &len, static_cast<int32_t>(buf.size()), 0, &limit, &st);
  }
  if (U_FAILURE(st)) return {};
  const std::string latin = text::from_utf16(std::u16string_view(buf.data(), static_cast<size_t>(len)));
  // Scripts ICU has no transliterator for (Khmer, Lao, Myanmar...) come back unchanged:
  // spell each letter by its Unicode name ("KHMER LETTER SA" -> "sa", "KHMER VOWEL SIGN
  // U" -> "u"), a rough but stable reading, so a file name never loses the sender.
  std::string out;
  for (size_t p = 0; p < latin.size();) {
    const char32_t c = text::next_code_point(latin, p);
    if (c < 0x80) {
      out += static_cast<char>(std::tolower(static_cast<int>(c)));
      continue;
    }
    char name[128];  // not a length: a buffer
    UErrorCode ne = U_ZERO_ERROR;
    const int32_t n = u_charName(static_cast<UChar32>(c), U_UNICODE_CHAR_NAME, name, sizeof name, &ne);
    if (U_FAILURE(ne) || n <= 0) continue;
    const std::string full(name, static_cast<size_t>(n));
    for (const char* key : {" LETTER ", " VOWEL SIGN ", " INDEPENDENT VOWEL ", " DIGIT "}) {
      const size_t at = full.find(key);
      if (at == std::string::npos) continue;
      for (char ch : full.substr(at + std::strlen(key))) {
        if (std::isalnum(static_cast<unsigned char>(ch))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      }
      break;
    }
  }
  return out;
}

}  // namespace

std::string sender_slug(const std::string& name) {
  std::string out;
  bool dash = false;
  const auto emit = [&](const std::string& ascii) {
    for (char a : ascii) {
      const bool alnum = (a >= 'a' && a <= 'z') || (a >= '0' && a <= '9');
      if (!alnum) {
        dash = !out.empty();
        continue;
      }
      if (dash) out += '-';
      dash = false;
      out += a;
    }
  };
  std::u32string run;  // characters the table does not know, transliterated together
  const auto flush = [&] {
    if (run.empty()) return;
    const std::string ascii = icu_ascii(run);
    if (ascii.empty()) dash = !out.empty();
    emit(ascii);
    run.clear();
  };
  for (char32_t c : text::to_lower(text::to_u32(text::to_nfc(name)))) {
    const std::string known = ascii_of(c);
    if (known.empty() && c >= 0x80) {
      run += c;
      continue;
    }
    flush();
    emit(known);
    if (known.empty()) dash = !out.empty();
  }
  flush();
  // File names have at most 255 bytes (NAME_MAX on Linux file systems): with the target id
  // (64), the language and a numbering suffix, 120 bytes of name is safe; cut at a '-'.
  constexpr size_t kMaxSlug = 120;  // not a length: bytes of a file name
  if (out.size() > kMaxSlug) {
    out.resize(kMaxSlug);
    if (const size_t dash_at = out.rfind('-'); dash_at != std::string::npos && dash_at > kMaxSlug / 2) out.resize(dash_at);  // not a length: half the name
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
  if (!s.personal.empty()) j["personal"] = s.personal;
  if (s.variant) j["variant"] = s.variant;
  return j.dump(2) + "\n";  // not a length: JSON indent
}

layout::Document archive_document(std::vector<layout::DisplayPage> pages, const Case& c, const Target& t,
                                  const std::string& lang, const Sender& sender, const ArchiveSource& source,
                                  const LetterSettings& settings) {
  layout::Document doc{letter_head(c, t, lang, settings), std::move(pages)};
  doc.head.author = sender.name;
  doc.head.purpose = layout::Purpose::kArchive;
  doc.head.attachments.push_back({source.case_name, "application/json", source.case_json,
                                  "The case this letter was made from"});
  doc.head.attachments.push_back({"sender.json", "application/json", source.sender_json,
                                  "The sender's row of " + source.senders_file_name + ", as JSON"});
  doc.head.signing_reason = "Copy of a letter sent for " + c.id;
  return doc;
}

}  // namespace appeal
