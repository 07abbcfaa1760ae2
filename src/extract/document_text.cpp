#include "extract/document_text.h"

#include <fstream>
#include <iterator>
#include <sstream>

#include "common/input_error.h"
#include "extract/reader_parts.h"

namespace appeal::extract {
namespace {

// A document is read whole; a UA is a few pages. 64 MiB bounds what a mistaken argument
// (a video, a disk image) can make us load.
constexpr std::uintmax_t kMaxBytes = 64u << 20;

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// HTML: markup near the start ("<!DOCTYPE html", "<html", "<body", "<p", a comment).
bool looks_like_html(const std::string& bytes) {
  size_t i = 0;
  if (starts_with(bytes, "\xEF\xBB\xBF")) i = 3;
  while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) ++i;
  if (i >= bytes.size() || bytes[i] != '<') return false;
  std::string head = bytes.substr(i, 512);
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* tag : {"<!doctype html", "<html", "<head", "<body", "<p", "<div", "<h1", "<h2", "<meta", "<!--", "<?xml"}) {
    if (starts_with(head, tag)) return true;
  }
  return false;
}

}  // namespace

DocumentText read_document(const std::filesystem::path& file) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) throw InputError(file, "", "cannot read: " + ec.message());
  if (size > kMaxBytes) throw InputError(file, "", "larger than 64 MiB: not an Urgent Action document");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError(file, "", "cannot open for reading");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.empty()) throw InputError(file, "", "the file is empty: expected an Urgent Action as PDF, DOCX, HTML or text");

  DocumentText doc;
  if (starts_with(bytes, "%PDF-")) {
    doc = read_pdf(file);
  } else if (starts_with(bytes, "PK\x03\x04")) {
    doc = read_docx(file);
  } else if (looks_like_html(bytes)) {
    doc = read_html(file, bytes);
  } else {
    doc = read_plain_text(file, bytes);
  }
  drop_page_furniture(doc);
  join_broken_words(doc);
  return doc;
}

std::string joined(const Paragraph& p) {
  std::string out;
  for (const std::string& line : p.lines) {
    if (line.empty()) continue;
    if (!out.empty()) out += ' ';
    out += line;
  }
  return out;
}

}  // namespace appeal::extract
