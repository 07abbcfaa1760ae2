// Test keys, made at test time (no key lives in the repository).
#pragma once
#include <filesystem>
#include <string>

namespace test {

// A self-signed RSA certificate (CN "Appeal Test Signer") valid from `from_days` to
// `to_days` (relative to now) in a PKCS#12 file protected by `password`.
void make_p12(const std::filesystem::path& file, const std::string& password, long from_days, long to_days);

}  // namespace test
