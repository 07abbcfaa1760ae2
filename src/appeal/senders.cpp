#include "appeal/senders.h"

#include "appeal/contact_check.h"
#include "image/png_info.h"
#include "image/image_file.h"
#include "common/json_reader.h"

#include <csv.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>

#include "appeal/countries.h"
#include "text/language_tag.h"
#include "text/utf8.h"
#include "common/input_error.h"

namespace appeal {

namespace {

struct Field {
  std::string text;
  size_t line, column;  // where the field starts (its opening quote, if quoted)
  bool quoted = false;
};

// Collects libcsv's fields with the position where each began. libcsv reports a field
// when its terminator is parsed, so the next byte fed starts the next field.
struct Collector {
  std::vector<std::vector<Field>> rows;
  std::vector<Field> row;
  size_t line = 1, column = 1;            // position of the next byte fed
  size_t field_line = 1, field_column = 1;
  bool field_quoted = false;
  bool row_open = false;

  static void on_field(void* data, size_t len, void* self_ptr) {
    auto* self = static_cast<Collector*>(self_ptr);
    self->row.push_back({std::string(static_cast<const char*>(data), data ? len : 0), self->field_line, self->field_column,
                         self->field_quoted});
    self->row_open = true;
  }
  static void on_row(int, void* self_ptr) {
    auto* self = static_cast<Collector*>(self_ptr);
    self->rows.push_back(std::move(self->row));
    self->row.clear();
    self->row_open = false;
  }
};

bool valid_utf8(const std::string& s, size_t& bad) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const int n = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
    if (n < 0) {
      bad = i;
      return false;
    }
    for (int k = 1; k <= n; ++k) {
      if (i + static_cast<size_t>(k) >= s.size() || (static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) {
        bad = i;
        return false;
      }
    }
    i += static_cast<size_t>(n) + 1;
  }
  return true;
}

std::string where(const Field& f) { return std::to_string(f.line) + ":" + std::to_string(f.column); }

// A few sentences (the "up to ~600 characters", with room): what fits the letter
// is checked again in lines when it is set (LetterTemplate).
constexpr size_t kMaxPersonalCharacters = 1200;

// A personal paragraph as the sender wrote it, without the spaces and blank lines around it
// (its line ends are LF already: Impl::take_row reads CR LF and CR as LF, tabs as spaces).
std::string personal_text(const std::string& raw) {
  const size_t b = raw.find_first_not_of(" \n"), e = raw.find_last_not_of(" \n");
  return b == std::string::npos ? "" : raw.substr(b, e - b + 1);
}

// line:column of byte `at` of a field's text: after its opening quote, with each quote in
// the text written twice in the file.
std::string where_in(const Field& f, size_t at) {
  size_t line = f.line, column = f.column + (f.quoted ? 1 : 0);
  for (size_t i = 0; i < at && i < f.text.size(); ++i) {
    if (f.text[i] == '\n') {
      ++line, column = 1;
    } else if ((static_cast<unsigned char>(f.text[i]) & 0xC0) != 0x80) {
      column += f.quoted && f.text[i] == '"' ? 2 : 1;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s + "\n") {
    if (c == '\r') continue;
    if (c == '\n') {
      const size_t b = cur.find_first_not_of(" \t"), e = cur.find_last_not_of(" \t");
      if (b != std::string::npos) out.push_back(cur.substr(b, e - b + 1));
      cur.clear();
    } else {
      cur += c;
    }
  }
  return out;
}

}  // namespace

struct SendersReader::Impl {
  std::filesystem::path file;
  std::function<bool(char32_t)> can_draw;  // empty: not checked
  std::string fonts_named;
  std::ifstream in;
  std::string chunk;
  size_t at = 0;
  bool eof = false, finished = false, first_bytes = true;
  csv_parser parser{};
  Collector col;
  bool pending = true;  // the next byte that is not a line end starts a field
  std::map<std::string, size_t> index;
  size_t columns = 0;
  std::vector<std::string> warnings;
  size_t rows_read = 0;  // rows libcsv gave, the header and blank lines included
  size_t records = 0;    // senders returned so far: record numbers count these (1 = first)
  std::vector<std::string> header_names;

  // "record 3, column "address": " for the field being read (the header is record 0).
  std::string field_context(size_t record, size_t column) const {
    std::string out = record == 0 ? "header row, " : "record " + std::to_string(record) + ", ";
    if (column < header_names.size()) out += "column \"" + header_names[column] + "\": ";
    else out += "field " + std::to_string(column + 1) + ": ";
    return out;
  }

  std::string context() const {
    const size_t record = rows_read == 0 ? 0 : records + 1;
    const size_t column = col.row.size();
    std::string out = record == 0 ? "header row, " : "record " + std::to_string(record) + ", ";
    if (column < header_names.size()) out += "column \"" + header_names[column] + "\": ";
    else out += "field " + std::to_string(column + 1) + ": ";
    return out;
  }

  explicit Impl(const std::filesystem::path& f) : file(f), in(f, std::ios::binary) {
    if (!in) throw InputError(file, "", "cannot open file");
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::runtime_error("libcsv: out of memory");
  }
  ~Impl() { csv_free(&parser); }

  // Feeds bytes to libcsv until a whole row is ready; false at the end of the file.
  bool fill() {
    while (col.rows.empty()) {
      if (at == chunk.size()) {
        if (eof) {
          if (!finished) {
            finished = true;
            if (csv_fini(&parser, Collector::on_field, Collector::on_row, &col) != 0) {
              throw CsvStructureError(file, std::to_string(col.field_line) + ":" + std::to_string(col.field_column),
                                      context() + "the quoted field opened here is never closed (the file ends first)");
            }
            continue;
          }
          return false;
        }
        chunk.resize(1 << 16);
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        chunk.resize(static_cast<size_t>(in.gcount()));
        at = 0;
        eof = !in;
        if (first_bytes && chunk.rfind("\xEF\xBB\xBF", 0) == 0) at = 3;  // UTF-8 byte order mark
        first_bytes = false;
        continue;
      }
      const unsigned char c = static_cast<unsigned char>(chunk[at]);
      if (pending && c != '\n' && c != '\r') {
        col.field_line = col.line, col.field_column = col.column;
        col.field_quoted = c == '"';
        pending = false;
      }
      const size_t fields_before = col.row.size(), rows_before = col.rows.size();
      if (csv_parse(&parser, &chunk[at], 1, Collector::on_field, Collector::on_row, &col) != 1) {
        // libcsv stops after a closing quote followed by anything but a delimiter. Either
        // the field holds a quote that should be doubled, or a quote opened earlier was
        // never closed and swallowed the lines up to here: name both places.
        const std::string here = std::to_string(col.line) + ":" + std::to_string(col.column);
        if (col.field_quoted) {
          throw CsvStructureError(file, std::to_string(col.field_line) + ":" + std::to_string(col.field_column),
                                  context() + "the quoted field opened here is not closed where it should be: at " +
                                      here + " a quote is followed by text (double a quote inside a field: \"\", "
                                      "or close the field)");
        }
        throw CsvStructureError(file, here,
                                context() + "a quote inside an unquoted field (quote the whole field and double "
                                            "the quote: \"5\"\" Avenue\")");
      }
      // libcsv reports a field when it parses its terminator: what follows is a new field.
      if (col.row.size() != fields_before || col.rows.size() != rows_before) pending = true;
      if (c == '\n') ++col.line, col.column = 1;
      else if ((c & 0xC0) != 0x80) ++col.column;
      ++at;
    }
    return true;
  }

  std::vector<Field> take_row() {
    std::vector<Field> row = std::move(col.rows.front());
    col.rows.erase(col.rows.begin());
    // Every field must be UTF-8; name the character where it stops being so.
    const size_t record = rows_read == 0 ? 0 : records + 1;
    ++rows_read;
    // A record refused here is still consumed: the next one keeps its own number.
    struct Count {
      Impl& m;
      bool data, done = false;
      ~Count() {
        if (data && !done) ++m.records;
      }
    } count{*this, record > 0};
    for (size_t i = 0; i < row.size(); ++i) {
      Field& f = row[i];
      const std::string ctx = field_context(record, i);
      // Line ends inside quoted fields as the file has them: CRLF (Excel) or CR become LF.
      if (f.text.find('\r') != std::string::npos) {
        std::string lf;
        for (size_t k = 0; k < f.text.size(); ++k) {
          if (f.text[k] != '\r') lf += f.text[k];
          else if (k + 1 >= f.text.size() || f.text[k + 1] != '\n') lf += '\n';
        }
        f.text = std::move(lf);
      }
      size_t bad = 0;
      if (!valid_utf8(f.text, bad)) {
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(f.text[bad]));
        throw InputError(file, where_in(f, bad),
                         ctx + "byte " + byte + " is not UTF-8; the file looks like Windows-1252 or Latin-1 " +
                             "(in a spreadsheet, save as \"CSV UTF-8\")");
      }
      size_t at = 0;
      if (const std::string what = bad_code_point(f.text, &at); !what.empty()) {
        throw InputError(file, where_in(f, at), ctx + "the field holds a " + what);
      }
      f.text = text::to_nfc(f.text);  // spreadsheets on macOS export NFD
      // A tab reads as a space: letters are set, not tabulated (no font draws U+0009).
      for (char& c : f.text) {
        if (c == '\t') c = ' ';
      }
    }
    count.done = true;
    return row;
  }
};

namespace {

// What the first bytes of a CSV say about its encoding and delimiter, before libcsv reads
// it. Spreadsheets write UTF-16 ("Unicode text"), and in many locales Excel separates
// fields with ';' (where ',' is the decimal separator) or a tab.
char sniff(const std::filesystem::path& file, std::vector<std::string>& warnings) {
  std::ifstream in(file, std::ios::binary);
  std::string head(1 << 16, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  if (head.rfind("\xFF\xFE", 0) == 0 || head.rfind("\xFE\xFF", 0) == 0 ||
      head.find('\0') != std::string::npos) {
    throw InputError(file, "1:1",
                     "the file is UTF-16 text, not UTF-8 (in a spreadsheet, save as \"CSV UTF-8\"; "
                     "or convert: iconv -f UTF-16 -t UTF-8)");
  }
  // The header row's delimiters, outside quotes.
  size_t commas = 0, semicolons = 0, tabs = 0;
  bool quoted = false;
  for (char c : head) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') break;
    commas += c == ',';
    semicolons += c == ';';
    tabs += c == '\t';
  }
  if (commas == 0 && (semicolons > 0 || tabs > 0)) {
    const char d = semicolons >= tabs ? ';' : '\t';
    warnings.push_back(file.filename().string() + ":1:1: the fields are separated by " +
                       (d == ';' ? std::string("';'") : std::string("tabs")) + ", not commas; read that way");
    return d;
  }
  return ',';
}

}  // namespace

SendersReader::SendersReader(const std::filesystem::path& file) : impl_(std::make_unique<Impl>(file)) {
  Impl& m = *impl_;
  csv_set_delim(&m.parser, sniff(file, m.warnings));
  if (!m.fill()) throw InputError(file, "1:1", "empty file: a header row (name,address,country,...) is required");
  const std::vector<Field> header = m.take_row();
  static const std::vector<std::string> kRequired = {"name", "address", "country"};
  static const std::vector<std::string> kOptional = {"email", "signature", "language", "personal", "variant"};
  std::vector<std::string> known = kRequired;
  known.insert(known.end(), kOptional.begin(), kOptional.end());
  const std::string expected = "required: name, address, country; optional: email, signature, language, personal, variant";
  if (header.size() == 1 && header[0].text.find_first_not_of(" \t\r") == std::string::npos) {
    throw InputError(file, "1:1", "the header row is empty (" + expected + ")");
  }
  std::vector<const Field*> unknown;
  for (size_t i = 0; i < header.size(); ++i) {
    std::string h = header[i].text;
    const size_t b = h.find_first_not_of(" \t"), e = h.find_last_not_of(" \t");
    h = b == std::string::npos ? "" : h.substr(b, e - b + 1);
    for (char& ch : h) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    m.header_names.push_back(h);
    if (m.index.count(h)) throw InputError(file, where(header[i]), "column \"" + h + "\" appears twice in the header row");
    m.index[h] = i;
    if (std::find(known.begin(), known.end(), h) == known.end()) unknown.push_back(&header[i]);
  }
  for (const std::string& required : kRequired) {
    if (m.index.count(required)) continue;
    // A misspelt header names itself: "adress" for "address".
    for (const Field* u : unknown) {
      if (closest(u->text, {required}) == required) {
        throw InputError(file, where(*u), "column \"" + u->text + "\" is not known; did you mean \"" + required +
                                               "\"? (" + expected + ")");
      }
    }
    throw InputError(file, "1:1", "the header row has no column \"" + required + "\" (" + expected + ")");
  }
  for (const Field* u : unknown) {
    const std::string near = closest(u->text, known);
    m.warnings.push_back(file.filename().string() + ":" + where(*u) + ": unknown column \"" + u->text + "\" ignored" +
                         (near.empty() ? "" : " (did you mean \"" + near + "\"?)"));
  }
  m.columns = header.size();
}

SendersReader::~SendersReader() = default;

void SendersReader::check_drawable(std::function<bool(char32_t)> can_draw, std::string fonts_named) {
  impl_->can_draw = std::move(can_draw);
  impl_->fonts_named = std::move(fonts_named);
}

const std::vector<std::string>& SendersReader::warnings() const { return impl_->warnings; }

bool SendersReader::next(Sender& s) {
  Impl& m = *impl_;
  const std::filesystem::path& file = m.file;
  std::vector<Field> row;
  do {
    if (!m.fill()) return false;
    row = m.take_row();
  } while (row.size() == 1 && row[0].text.empty());  // a blank line
  const size_t record = ++m.records;  // 1 = the first sender
  const auto ctx = [&](const Field& f) { return m.field_context(record, static_cast<size_t>(&f - row.data())); };
  if (row.size() != m.columns) {
    const std::string head = "record " + std::to_string(record) + " has " + std::to_string(row.size()) + " fields, the header " +
                             std::to_string(m.columns);
    throw InputError(file, where(row.front()),
                     head + (row.size() > m.columns ? " (a comma inside a field? put the field in double quotes)"
                                                     : " (a field missing, or a line break outside quotes?)"));
  }
  const auto cell = [&](const std::string& key) -> const Field* {
    auto it = m.index.find(key);
    return it == m.index.end() ? nullptr : &row.at(it->second);
  };
  s = Sender{};
  s.line = row.front().line;
  s.record = record;
  const Field& name = *cell("name");
  s.name = name.text;
  if (s.name.find_first_not_of(" \t") == std::string::npos) throw InputError(file, where(name), ctx(name) + "the name is empty");
  if (s.name.find('\n') != std::string::npos) {
    throw InputError(file, where_in(name, s.name.find('\n')), ctx(name) + "a name is one line: remove the line break");
  }
  const Field& address = *cell("address");
  s.address = split_lines(address.text);
  if (s.address.empty()) throw InputError(file, where(address), ctx(address) + "the address is empty");
  const Field& country = *cell("country");
  s.country = country.text;
  for (char& ch : s.country) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  if (s.country.size() != 2 || !country_name_en(s.country)) {
    const std::string hint = country.text.size() <= 64 ? suggest_country_code(country.text) : "";
    throw InputError(file, where_in(country, 0), ctx(country) + "unknown ISO 3166-1 alpha-2 country code \"" + country.text + "\"" +
                                               (hint.empty() || hint == s.country ? "" : "; did you mean \"" + hint + "\"?"));
  }
  if (const Field* e = cell("email")) {
    s.email = e->text;
    const size_t b = s.email.find_first_not_of(" \t"), end = s.email.find_last_not_of(" \t");
    s.email = b == std::string::npos ? "" : s.email.substr(b, end - b + 1);
    if (!s.email.empty()) {
      if (const std::string why = email_problem(s.email); !why.empty()) {
        throw InputError(file, where_in(*e, 0), ctx(*e) + why + ": \"" + s.email + "\"");
      }
    }
  }
  if (const Field* p = cell("personal")) {
    s.personal = personal_text(p->text);
    const size_t first = p->text.find_first_not_of(" \n");
    s.personal_at = where_in(*p, first == std::string::npos ? 0 : first);
    s.personal_context = ctx(*p);
    if (const size_t n = text::to_u32(s.personal).size(); n > kMaxPersonalCharacters) {
      throw InputError(file, s.personal_at,
                       ctx(*p) + "the personal paragraph has " + std::to_string(n) + " characters; at most " +
                           std::to_string(kMaxPersonalCharacters) + " (a few sentences: the letter must stay one sheet)");
    }
  }
  if (const Field* v = cell("variant"); v && v->text.find_first_not_of(" \t") != std::string::npos) {
    s.variant_at = where_in(*v, 0);
    s.variant_context = ctx(*v);
    const size_t b = v->text.find_first_not_of(" \t"), e = v->text.find_last_not_of(" \t");
    const std::string t = v->text.substr(b, e - b + 1);
    const bool digits = t.size() <= 6 && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits || std::stoul(t) == 0) {
      throw InputError(file, s.variant_at, ctx(*v) + "expected a variant number (1, 2, ...) or nothing, not \"" + t + "\"");
    }
    s.variant = std::stoul(t);
  }
  if (m.can_draw) {
    for (const Field* f : {&name, &address, cell("email"), cell("personal")}) {
      if (!f) continue;
      for (size_t p = 0; p < f->text.size();) {
        const size_t at = p;
        const char32_t c = text::next_code_point(f->text, p);
        if (c >= 0x20 && c != 0xAD && !m.can_draw(c)) {
          std::string shown;
          text::append_utf8(shown, c);
          throw InputError(file, where_in(*f, at),
                           ctx(*f) + text::code_point_name(c) + " '" + shown + "' cannot be drawn by any installed font (" +
                               m.fonts_named + ")");
        }
      }
    }
  }
  if (const Field* l = cell("language"); l && !l->text.empty()) {
    std::string why;
    const auto tag = text::canonical_language_tag(l->text, &why);
    if (!tag) throw InputError(file, where_in(*l, 0), ctx(*l) + why);
    s.language = *tag;
  }
  if (const Field* sig = cell("signature"); sig && !sig->text.empty()) {
    s.signature = std::filesystem::absolute(file.parent_path() / sig->text);
    if (!std::filesystem::is_regular_file(s.signature)) {
      throw InputError(file, where_in(*sig, 0), ctx(*sig) + "signature file \"" + sig->text + "\" does not exist");
    }
    // The PNG header is read now (not only its signature), so a damaged file or one too
    // large to decode is refused before any output, never silently left off the letter.
    const auto size = image::png_size(s.signature);
    if (!image::is_png(s.signature) || !size) {
      throw InputError(file, where_in(*sig, 0), ctx(*sig) + "signature \"" + sig->text + "\" is not a PNG image (or is damaged)");
    }
    if (static_cast<uint64_t>(size->first) * size->second > image::kMaxImagePixels) {
      throw InputError(file, where_in(*sig, 0),
                       ctx(*sig) + "signature \"" + sig->text + "\" has " + std::to_string(size->first) + " x " +
                           std::to_string(size->second) + " pixels; at most 40 million (scale it down)");
    }
  }
  return true;
}

SendersFile read_senders(const std::filesystem::path& file) {
  SendersReader reader(file);
  SendersFile out;
  Sender s;
  while (reader.next(s)) out.senders.push_back(std::move(s));
  out.warnings = reader.warnings();
  if (out.senders.empty()) throw InputError(file, "2:1", "no senders after the header row");
  return out;
}

}  // namespace appeal
