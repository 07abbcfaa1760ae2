// PAdES baseline B-B signatures (ETSI EN 319 142-1) with OpenSSL: a detached CMS over the
// whole file but the signature's own /Contents, carrying the signing-certificate-v2
// attribute and no signing-time attribute (the time is the signature dictionary's /M).
// The file is written first with a placeholder (DocumentInfo::signature); sign_pdf then
// fills in /ByteRange and /Contents in place.
#pragma once
#include <ctime>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "common/input_error.h"

namespace appeal::pdf {

// A key that cannot be used: wrong password, unreadable file, expired certificate.
class SigningError : public BadInput {
 public:
  SigningError(const std::filesystem::path& file, const std::string& why)
      : BadInput(file.filename().string() + ": " + why) {}
};

class SigningKey {
 public:
  // Reads a PKCS#12 file; checks that its certificate is valid at `now`.
  static SigningKey from_pkcs12(const std::filesystem::path& file, const std::string& password, std::time_t now);
  SigningKey(SigningKey&&) noexcept;
  ~SigningKey();
  std::string common_name() const;
  // An upper bound of sign_detached's size: the certificates, the signature value and
  // room for the attributes; the PDF reserves this much for /Contents.
  size_t max_signature_bytes() const;
  // DER CMS SignedData (detached) over `data`, SHA-256.
  std::string sign_detached(const std::string& data) const;

 private:
  SigningKey();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Fills in the signature placeholder of the value starting at `value_at` in `pdf` (a
// /ByteRange of fixed width and a /Contents hex string of zeros): the byte range, then
// the CMS over every byte but the hex string. Both the archive's own signature and
// sign_existing_pdf's update go through here.
void fill_signature(std::string& pdf, size_t value_at, const SigningKey& key);

// Fills in the placeholder signature of `file` (written with DocumentInfo::signature):
// the byte range is the whole file except the /Contents value.
void sign_pdf(const std::filesystem::path& file, const SigningKey& key);

}  // namespace appeal::pdf
