// Plain text: what a national section's e-mail or `pdftotext` gives. A blank line ends a
// paragraph, a form feed (U+000C, pdftotext's page break) starts a page.
#include <unicode/ucnv.h>

#include "common/input_error.h"
#include "extract/reader_parts.h"
#include "text/utf8.h"

namespace appeal::extract {
namespace {

// UTF-16 with a byte-order mark (Windows Notepad's "Unicode") converted by ICU.
std::string from_utf16_with_bom(const std::filesystem::path& file, const std::string& bytes) {
  UErrorCode status = U_ZERO_ERROR;
  const char* charset = (static_cast<unsigned char>(bytes[0]) == 0xFF) ? "UTF-16LE" : "UTF-16BE";
  std::string out(bytes.size() * 2 + 16, '\0');
  const int32_t n = ucnv_convert("UTF-8", charset, out.data(), static_cast<int32_t>(out.size()), bytes.data() + 2,
                                 static_cast<int32_t>(bytes.size() - 2), &status);
  if (U_FAILURE(status)) throw InputError(file, "", "cannot read the UTF-16 text: " + std::string(u_errorName(status)));
  out.resize(static_cast<size_t>(n));
  return out;
}

// The first byte that is not UTF-8, as "line:column", or "" when all is well.
std::string first_invalid(const std::string& s) {
  size_t line = 1, col = 1;
  for (size_t pos = 0; pos < s.size();) {
    const size_t at = pos;
    const char32_t cp = text::next_code_point(s, pos);
    if (cp == 0xFFFD && s.compare(at, 3, "\xEF\xBF\xBD") != 0) return std::to_string(line) + ":" + std::to_string(col);
    if (cp == 0) return std::to_string(line) + ":" + std::to_string(col);
    if (cp == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return "";
}

}  // namespace

DocumentText read_plain_text(const std::filesystem::path& file, const std::string& raw) {
  std::string bytes = raw;
  if (bytes.size() >= 2 && ((static_cast<unsigned char>(bytes[0]) == 0xFF && static_cast<unsigned char>(bytes[1]) == 0xFE) ||
                            (static_cast<unsigned char>(bytes[0]) == 0xFE && static_cast<unsigned char>(bytes[1]) == 0xFF))) {
    bytes = from_utf16_with_bom(file, bytes);
  } else if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) {
    bytes.erase(0, 3);
  }
  // Line ends as any system writes them: CR LF (Windows), LF, and a lone CR (classic Mac
  // OS, some mail clients).
  std::string unified;
  unified.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\r') {
      unified += '\n';
      if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
    } else {
      unified += bytes[i];
    }
  }
  bytes.swap(unified);
  if (const std::string where = first_invalid(bytes); !where.empty()) {
    throw InputError(file, where,
                     "not UTF-8 text (nor PDF, DOCX or HTML): expected an Urgent Action; save the text as UTF-8");
  }
  DocumentText doc;
  doc.format = "text";
  Paragraph cur;
  bool gap = false;
  int page = 1;
  auto flush = [&] {
    if (!cur.lines.empty()) {
      cur.page = page;
      doc.paragraphs.push_back(std::move(cur));
      gap = false;
    }
    cur = Paragraph{};
  };
  size_t start = 0;
  while (start <= bytes.size()) {
    size_t end = bytes.find('\n', start);
    if (end == std::string::npos) end = bytes.size();
    std::string line = bytes.substr(start, end - start);
    start = end + 1;
    // Form feeds: each one starts a page (several in a row are empty pages).
    for (size_t ff; (ff = line.find('\f')) != std::string::npos;) {
      const std::string before = clean_line(line.substr(0, ff));
      if (!before.empty()) cur.lines.push_back(before);
      flush();
      ++page;
      gap = true;
      line.erase(0, ff + 1);
    }
    const std::string cleaned = clean_line(line);
    if (cleaned.empty()) {
      flush();
      gap = true;
    } else {
      if (cur.lines.empty()) cur.gap_before = gap;
      cur.lines.push_back(cleaned);
    }
    if (end == bytes.size()) break;
  }
  flush();
  doc.pages = page;
  return doc;
}

}  // namespace appeal::extract
