#include "support/p12.h"

#include <cstdio>

#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

namespace test {

void make_p12(const std::filesystem::path& file, const std::string& password, long from_days, long to_days) {
  EVP_PKEY* key = EVP_RSA_gen(2048);
  X509* cert = X509_new();
  X509_set_version(cert, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert), from_days * 86400);
  X509_gmtime_adj(X509_getm_notAfter(cert), to_days * 86400);
  X509_set_pubkey(cert, key);
  X509_NAME* name = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("Appeal Test Signer"), -1, -1, 0);
  X509_set_issuer_name(cert, name);
  X509_sign(cert, key, EVP_sha256());
  PKCS12* p12 = PKCS12_create(password.c_str(), "test", key, cert, nullptr, 0, 0, 0, 0, 0);
  FILE* f = std::fopen(file.c_str(), "wb");
  i2d_PKCS12_fp(f, p12);
  std::fclose(f);
  PKCS12_free(p12);
  X509_free(cert);
  EVP_PKEY_free(key);
}

}  // namespace test
