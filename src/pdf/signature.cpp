#include "pdf/signature.h"

#include "pdf/pdf_syntax.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <mutex>
#include <vector>

#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

namespace appeal::pdf {

namespace {

template <typename T, void (*F)(T*)>
struct Free {
  void operator()(T* p) const { F(p); }
};
using Pkcs12 = std::unique_ptr<PKCS12, Free<PKCS12, PKCS12_free>>;
using Cms = std::unique_ptr<CMS_ContentInfo, Free<CMS_ContentInfo, CMS_ContentInfo_free>>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, Free<EVP_MD_CTX, EVP_MD_CTX_free>>;

void free_x509_stack(STACK_OF(X509) * s) { sk_X509_pop_free(s, X509_free); }

std::string openssl_error() {
  const unsigned long e = ERR_get_error();
  char buf[256];
  ERR_error_string_n(e, buf, sizeof buf);
  ERR_clear_error();
  return buf;
}

std::string der_length(size_t n) {
  if (n < 0x80) return std::string(1, static_cast<char>(n));
  std::string bytes;
  while (n) bytes.insert(bytes.begin(), static_cast<char>(n & 0xFF)), n >>= 8;
  return std::string(1, static_cast<char>(0x80 | bytes.size())) + bytes;
}

// The signed attributes as the signature covers them: a DER SET OF, its elements in
// ascending order of their encodings (X.690 §11.6), as OpenSSL writes them.
std::string signed_attributes_der(CMS_SignerInfo* si) {
  std::vector<std::string> items;
  for (int i = 0; i < CMS_signed_get_attr_count(si); ++i) {
    unsigned char* p = nullptr;
    const int n = i2d_X509_ATTRIBUTE(CMS_signed_get_attr(si, i), &p);
    if (n <= 0) throw std::runtime_error("CMS: cannot encode a signed attribute");
    items.emplace_back(reinterpret_cast<char*>(p), static_cast<size_t>(n));
    OPENSSL_free(p);
  }
  std::sort(items.begin(), items.end());
  std::string body;
  for (const std::string& i : items) body += i;
  return "\x31" + der_length(body.size()) + body;
}

std::string date_of(const ASN1_TIME* t) {
  std::tm tm{};
  ASN1_TIME_to_tm(t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

}  // namespace

struct SigningKey::Impl {
  std::mutex mu;  // archive --jobs signs from several threads; one key, one signer at a time
  EVP_PKEY* key = nullptr;
  X509* cert = nullptr;
  STACK_OF(X509)* chain = nullptr;
  ~Impl() {
    EVP_PKEY_free(key);
    X509_free(cert);
    if (chain) free_x509_stack(chain);
  }
};

SigningKey::SigningKey() : impl_(std::make_unique<Impl>()) {}
SigningKey::SigningKey(SigningKey&&) noexcept = default;
SigningKey::~SigningKey() = default;

SigningKey SigningKey::from_pkcs12(const std::filesystem::path& file, const std::string& password, std::time_t now) {
  FILE* f = std::fopen(file.c_str(), "rb");
  if (!f) throw SigningError(file, "cannot read the PKCS#12 file");
  Pkcs12 p12(d2i_PKCS12_fp(f, nullptr));
  std::fclose(f);
  if (!p12) throw SigningError(file, "not a PKCS#12 file (" + openssl_error() + ")");
  if (!PKCS12_verify_mac(p12.get(), password.c_str(), static_cast<int>(password.size()))) {
    ERR_clear_error();
    throw SigningError(file, "wrong password for the PKCS#12 file");
  }
  SigningKey k;
  if (!PKCS12_parse(p12.get(), password.c_str(), &k.impl_->key, &k.impl_->cert, &k.impl_->chain) || !k.impl_->key ||
      !k.impl_->cert) {
    throw SigningError(file, "no private key and certificate in the PKCS#12 file (" + openssl_error() + ")");
  }
  if (X509_cmp_time(X509_get0_notAfter(k.impl_->cert), &now) < 0) {
    throw SigningError(file, "the certificate expired on " + date_of(X509_get0_notAfter(k.impl_->cert)));
  }
  if (X509_cmp_time(X509_get0_notBefore(k.impl_->cert), &now) > 0) {
    throw SigningError(file, "the certificate is valid only from " + date_of(X509_get0_notBefore(k.impl_->cert)));
  }
  return k;
}

std::string SigningKey::common_name() const {
  char buf[256] = {0};
  X509_NAME_get_text_by_NID(X509_get_subject_name(impl_->cert), NID_commonName, buf, sizeof buf - 1);
  return buf;
}

size_t SigningKey::max_signature_bytes() const {
  size_t n = static_cast<size_t>(i2d_X509(impl_->cert, nullptr));
  for (int i = 0; impl_->chain && i < sk_X509_num(impl_->chain); ++i) {
    n += static_cast<size_t>(i2d_X509(sk_X509_value(impl_->chain, i), nullptr));
  }
  // The signature value, then signer info, attributes (digests, the ESS certificate hash,
  // issuer and serial) and the SignedData framing: well under 2 KB.
  return n + static_cast<size_t>(EVP_PKEY_get_size(impl_->key)) + 2048;
}

std::string SigningKey::sign_detached(const std::string& data) const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  const unsigned flags = CMS_DETACHED | CMS_BINARY | CMS_PARTIAL | CMS_NOSMIMECAP;
  Cms cms(CMS_sign(nullptr, nullptr, impl_->chain, nullptr, flags));
  if (!cms) throw std::runtime_error("CMS_sign: " + openssl_error());
  // CMS_CADES adds the ESS signing-certificate-v2 attribute (RFC 5035) PAdES asks for.
  CMS_SignerInfo* si = CMS_add1_signer(cms.get(), impl_->cert, impl_->key, EVP_sha256(), flags | CMS_CADES);
  if (!si) throw std::runtime_error("CMS_add1_signer: " + openssl_error());

  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned md_len = 0;
  if (!EVP_Digest(data.data(), data.size(), md, &md_len, EVP_sha256(), nullptr)) {
    throw std::runtime_error("SHA-256: " + openssl_error());
  }
  // The attributes are signed here rather than by CMS_SignerInfo_sign, which would add
  // a signing-time attribute that PAdES B-B does not allow.
  if (CMS_signed_get_attr_by_NID(si, NID_pkcs9_contentType, -1) < 0 &&
      CMS_signed_add1_attr_by_NID(si, NID_pkcs9_contentType, V_ASN1_OBJECT, OBJ_nid2obj(NID_pkcs7_data), -1) <= 0) {
    throw std::runtime_error("CMS content type: " + openssl_error());
  }
  if (CMS_signed_add1_attr_by_NID(si, NID_pkcs9_messageDigest, V_ASN1_OCTET_STRING, md, static_cast<int>(md_len)) <= 0) {
    throw std::runtime_error("CMS message digest: " + openssl_error());
  }
  const std::string attrs = signed_attributes_der(si);
  MdCtx ctx(EVP_MD_CTX_new());
  size_t sig_len = 0;
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, impl_->key) <= 0 ||
      EVP_DigestSign(ctx.get(), nullptr, &sig_len, reinterpret_cast<const unsigned char*>(attrs.data()), attrs.size()) <= 0) {
    throw std::runtime_error("signing: " + openssl_error());
  }
  std::vector<unsigned char> sig(sig_len);
  if (EVP_DigestSign(ctx.get(), sig.data(), &sig_len, reinterpret_cast<const unsigned char*>(attrs.data()), attrs.size()) <= 0) {
    throw std::runtime_error("signing: " + openssl_error());
  }
  ASN1_STRING_set(CMS_SignerInfo_get0_signature(si), sig.data(), static_cast<int>(sig_len));

  unsigned char* der = nullptr;
  const int n = i2d_CMS_ContentInfo(cms.get(), &der);
  if (n <= 0) throw std::runtime_error("CMS encoding: " + openssl_error());
  std::string out(reinterpret_cast<char*>(der), static_cast<size_t>(n));
  OPENSSL_free(der);
  return out;
}

void fill_signature(std::string& pdf, size_t value_at, const SigningKey& key) {
  // The placeholder as both writers make it: "/ByteRange[...]" of fixed width, then
  // "/Contents<00...>" with room for the CMS, in the signature value at `value_at`.
  const size_t range = pdf.find("/ByteRange", value_at);
  const size_t range_open = range == std::string::npos ? range : pdf.find('[', range);
  const size_t range_close = range_open == std::string::npos ? range_open : pdf.find(']', range_open);
  const size_t contents = pdf.find("/Contents", value_at);
  const size_t open = contents == std::string::npos ? contents : pdf.find('<', contents);
  const size_t close = open == std::string::npos ? open : pdf.find('>', open);
  if (range_close == std::string::npos || close == std::string::npos) {
    throw std::logic_error("damaged signature placeholder");
  }
  // [0, a) and [b, end): everything but the hex string, its angle brackets included.
  const size_t a = open, b = close + 1;
  char numbers[80];
  std::snprintf(numbers, sizeof numbers, "0 %zu %zu %zu", a, b, pdf.size() - b);
  std::string filled = numbers;
  const size_t width = range_close - range_open - 1;
  if (filled.size() > width) throw std::logic_error("signature byte range does not fit its placeholder");
  filled.resize(width, ' ');
  pdf.replace(range_open + 1, width, filled);
  const std::string cms = key.sign_detached(pdf.substr(0, a) + pdf.substr(b));
  if (cms.size() * 2 > close - open - 1) throw std::logic_error("CMS signature larger than its placeholder");
  const std::string hex = hex_upper(cms);
  pdf.replace(open + 1, hex.size(), hex);
}

void sign_pdf(const std::filesystem::path& file, const SigningKey& key) {
  std::string pdf;
  {
    std::ifstream in(file, std::ios::binary);
    pdf.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  const size_t range = pdf.find("/ByteRange");
  if (range == std::string::npos || pdf.find("/ByteRange", range + 1) != std::string::npos) {
    throw std::logic_error(file.string() + ": expected exactly one signature placeholder");
  }
  fill_signature(pdf, range, key);
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(pdf.data(), static_cast<std::streamsize>(pdf.size()));
}

}  // namespace appeal::pdf
