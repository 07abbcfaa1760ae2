#include "appeal/senders.h"

#include <csv.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>

#include "appeal/countries.h"
#include "text/language_tag.h"
#include "text/utf8.h"
#include "layout/input_error.h"

namespace appeal {

namespace {

struct Field {
  std::string text;
  size_t line, column;
};

// Collects libcsv's fields with the position where each began. libcsv reports a field
// when its terminator is parsed, so the next byte fed starts the next field.
struct Collector {
  std::vector<std::vector<Field>> rows;
  std::vector<Field> row;
  size_t line = 1, column = 1;            // position of the next byte fed
  size_t field_line = 1, field_column = 1;
  bool row_open = false;

  static void on_field(void* data, size_t len, void* self_ptr) {
    auto* self = static_cast<Collector*>(self_ptr);
    self->row.push_back({std::string(static_cast<const char*>(data), data ? len : 0), self->field_line, self->field_column});
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

bool is_png(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  char magic[8] = {};
  in.read(magic, 8);
  return in && std::string(magic, 8) == "\x89PNG\r\n\x1a\n";
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
  size_t rows_read = 0;

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
              throw InputError(file, std::to_string(col.line) + ":" + std::to_string(col.column),
                               "malformed CSV: a quoted field is not closed");
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
        pending = false;
      }
      const size_t fields_before = col.row.size(), rows_before = col.rows.size();
      if (csv_parse(&parser, &chunk[at], 1, Collector::on_field, Collector::on_row, &col) != 1) {
        throw InputError(file, std::to_string(col.line) + ":" + std::to_string(col.column),
                         std::string("malformed CSV: ") + csv_strerror(csv_error(&parser)) +
                             " (a quote inside a quoted field must be doubled)");
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
    for (Field& f : row) {
      size_t bad = 0;
      if (!valid_utf8(f.text, bad)) {
        size_t line = f.line, column = f.column;
        for (size_t i = 0; i < bad; ++i) {
          if (f.text[i] == '\n') ++line, column = 1;
          else if ((static_cast<unsigned char>(f.text[i]) & 0xC0) != 0x80) ++column;
        }
        throw InputError(file, std::to_string(line) + ":" + std::to_string(column),
                         "not UTF-8 text (save the CSV as UTF-8)");
      }
      f.text = text::to_nfc(f.text);  // spreadsheets on macOS export NFD
    }
    ++rows_read;
    return row;
  }
};

SendersReader::SendersReader(const std::filesystem::path& file) : impl_(std::make_unique<Impl>(file)) {
  Impl& m = *impl_;
  if (!m.fill()) throw InputError(file, "1:1", "empty file: a header row (name,address,country,...) is required");
  const std::vector<Field> header = m.take_row();
  static const char* const kKnown[] = {"name", "address", "country", "email", "signature", "language"};
  for (size_t i = 0; i < header.size(); ++i) {
    std::string h = header[i].text;
    for (char& ch : h) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (m.index.count(h)) throw InputError(file, where(header[i]), "column \"" + h + "\" appears twice");
    m.index[h] = i;
    if (std::find(std::begin(kKnown), std::end(kKnown), h) == std::end(kKnown)) {
      m.warnings.push_back(file.filename().string() + ":" + where(header[i]) + ": unknown column \"" + header[i].text +
                           "\" ignored");
    }
  }
  for (const char* required : {"name", "address", "country"}) {
    if (!m.index.count(required)) {
      throw InputError(file, "1:1", std::string("missing column \"") + required + "\" in the header row");
    }
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
  if (row.size() != m.columns) {
    throw InputError(file, where(row.front()),
                     "expected " + std::to_string(m.columns) + " fields as in the header, found " + std::to_string(row.size()));
  }
  const auto cell = [&](const std::string& key) -> const Field* {
    auto it = m.index.find(key);
    return it == m.index.end() ? nullptr : &row.at(it->second);
  };
  s = Sender{};
  s.line = row.front().line;
  const Field& name = *cell("name");
  s.name = name.text;
  if (s.name.find_first_not_of(" \t") == std::string::npos) throw InputError(file, where(name), "name is empty");
  const Field& address = *cell("address");
  s.address = split_lines(address.text);
  if (s.address.empty()) throw InputError(file, where(address), "address is empty");
  const Field& country = *cell("country");
  s.country = country.text;
  for (char& ch : s.country) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  if (s.country.size() != 2 || !country_name_en(s.country)) {
    const std::string hint = country.text.size() <= 64 ? suggest_country_code(country.text) : "";
    throw InputError(file, where(country), "unknown ISO 3166-1 alpha-2 country code \"" + country.text + "\"" +
                                               (hint.empty() || hint == s.country ? "" : "; did you mean \"" + hint + "\"?"));
  }
  if (const Field* e = cell("email")) s.email = e->text;
  if (m.can_draw) {
    for (const Field* f : {&name, &address, cell("email")}) {
      if (!f) continue;
      size_t line = f->line, column = f->column;
      for (size_t p = 0; p < f->text.size();) {
        const char32_t c = text::next_code_point(f->text, p);
        if (c == '\n') {
          ++line, column = 1;
          continue;
        }
        if (c >= 0x20 && c != 0xAD && !m.can_draw(c)) {
          std::string shown;
          text::append_utf8(shown, c);
          throw InputError(file, std::to_string(line) + ":" + std::to_string(column),
                           text::code_point_name(c) + " '" + shown + "' cannot be drawn by any installed font (" +
                               m.fonts_named + ")");
        }
        ++column;
      }
    }
  }
  if (const Field* l = cell("language"); l && !l->text.empty()) {
    std::string why;
    const auto tag = text::canonical_language_tag(l->text, &why);
    if (!tag) throw InputError(file, where(*l), why);
    s.language = *tag;
  }
  if (const Field* sig = cell("signature"); sig && !sig->text.empty()) {
    s.signature = std::filesystem::absolute(file.parent_path() / sig->text);
    if (!std::filesystem::is_regular_file(s.signature)) {
      throw InputError(file, where(*sig), "signature file \"" + sig->text + "\" does not exist");
    }
    if (!is_png(s.signature)) throw InputError(file, where(*sig), "signature \"" + sig->text + "\" is not a PNG image");
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
