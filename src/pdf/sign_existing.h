// Signing a PDF this program did not write (a scanned, signed-by-hand letter saved as
// PDF; a letter from another program): PoDoFo 0.9.8 reads it and appends an incremental
// update (ISO 32000-1 §7.5.6) with an invisible signature field, so every byte of the
// input stays as it was (a PDF/A input stays PDF/A); the CMS is the archive's own PAdES
// B-B builder (SigningKey::sign_detached).
#pragma once
#include <ctime>
#include <filesystem>
#include <string>

#include "common/input_error.h"
#include "pdf/signature.h"

namespace appeal::pdf {

struct ExistingSignature {
  std::string reason, location;
  std::time_t signing_time = 0;  // the signature dictionary's /M
};

// Reads `in`, writes it with a signature appended to `out` (a different path). BadInput
// naming `in` when it is not a PDF PoDoFo can read, is encrypted, or has no page.
void sign_existing_pdf(const std::filesystem::path& in, const std::filesystem::path& out, const SigningKey& key,
                       const ExistingSignature& sig);

}  // namespace appeal::pdf
