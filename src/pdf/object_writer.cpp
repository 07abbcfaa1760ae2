#include "pdf/object_writer.h"

#include <cstdio>
#include <stdexcept>

#include <openssl/evp.h>

#include "pdf/pdf_syntax.h"

namespace appeal::pdf {

struct ObjectWriter::Md5 {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  ~Md5() { EVP_MD_CTX_free(ctx); }
};

ObjectWriter::ObjectWriter(const std::filesystem::path& file)
    : file_(file), out_(file, std::ios::binary | std::ios::trunc), md5_(std::make_unique<Md5>()) {
  if (!out_) throw std::runtime_error(file.string() + ": cannot create file");
  if (!md5_->ctx || EVP_DigestInit_ex(md5_->ctx, EVP_md5(), nullptr) != 1) throw std::runtime_error("MD5 init failed");
  // A comment with bytes > 127 marks the file as binary for transfer tools (§7.5.2).
  write("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
}

ObjectWriter::~ObjectWriter() = default;

void ObjectWriter::write(std::string_view s) {
  out_.write(s.data(), static_cast<std::streamsize>(s.size()));
  EVP_DigestUpdate(md5_->ctx, s.data(), s.size());
  pos_ += s.size();
}

uint32_t ObjectWriter::reserve() {
  offsets_.push_back(0);
  return static_cast<uint32_t>(offsets_.size());
}

void ObjectWriter::object(uint32_t num, std::string_view body) {
  offsets_.at(num - 1) = pos_;
  write(std::to_string(num) + " 0 obj\n");
  write(body);
  write("\nendobj\n");
}

void ObjectWriter::stream(uint32_t num, std::string_view dict, std::string_view data) {
  offsets_.at(num - 1) = pos_;
  write(std::to_string(num) + " 0 obj\n<<");
  write(dict);
  write("/Length " + std::to_string(data.size()) + ">>stream\n");
  write(data);
  write("\nendstream\nendobj\n");
}

void ObjectWriter::finish(uint32_t root, uint32_t info) {
  for (size_t i = 0; i < offsets_.size(); ++i) {
    if (offsets_[i] == 0) throw std::logic_error("PDF object " + std::to_string(i + 1) + " reserved but never written");
  }
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned len = 0;
  EVP_MD_CTX* copy = EVP_MD_CTX_new();
  EVP_MD_CTX_copy_ex(copy, md5_->ctx);
  EVP_DigestFinal_ex(copy, md, &len);
  EVP_MD_CTX_free(copy);
  static const char kHex[] = "0123456789ABCDEF";
  std::string id;
  for (unsigned i = 0; i < len; ++i) id += kHex[md[i] >> 4], id += kHex[md[i] & 15];

  const uint64_t xref = pos_;
  std::string table = "xref\n0 " + std::to_string(offsets_.size() + 1) + "\n0000000000 65535 f \n";
  char entry[24];
  for (uint64_t off : offsets_) {
    std::snprintf(entry, sizeof entry, "%010llu 00000 n \n", static_cast<unsigned long long>(off));
    table += entry;
  }
  write(table);
  write("trailer\n<</Size " + std::to_string(offsets_.size() + 1) + "/Root " + pdf_ref(root) + "/Info " + pdf_ref(info) +
        "/ID[<" + id + "><" + id + ">]>>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n");
  out_.flush();
  if (!out_) throw std::runtime_error(file_.string() + ": write failed (disk full?)");
  out_.close();
}

std::string pdf_ref(uint32_t num) { return std::to_string(num) + " 0 R"; }

std::string pdf_name(std::string_view name) {
  std::string out = "/";
  static const char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : name) {
    const bool regular = c > 0x20 && c < 0x7F && std::string_view("()<>[]{}/%#").find(static_cast<char>(c)) == std::string_view::npos;
    if (regular) {
      out += static_cast<char>(c);
    } else {
      out += '#';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string pdf_text_string(std::string_view utf8) { return "<FEFF" + utf16be_hex(std::string(utf8)) + ">"; }

std::string pdf_rect(double x, double y, double w, double h) {
  return "[" + pdf_number(x) + " " + pdf_number(y) + " " + pdf_number(x + w) + " " + pdf_number(y + h) + "]";
}

}  // namespace appeal::pdf
