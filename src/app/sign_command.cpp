#include <ctime>
#include <filesystem>
#include <iostream>

#include "app/commands.h"
#include "app/output_batch.h"
#include "appeal/dates.h"
#include "common/input_error.h"
#include "render/pdf_output.h"

namespace appeal::app {

// `appeal sign IN.pdf -o OUT.pdf --sign K.p12 --password-file F`: OUT.pdf is written under
// a temporary name next to it and renamed once signed, so a failure leaves nothing.
void run_sign(const RunOptions& a) {
  if (a.sign.empty() || a.password_file.empty()) throw UsageError("sign needs --sign K.p12 and --password-file F");
  const std::filesystem::path in = a.case_file, out = a.out_dir;
  if (!std::filesystem::is_regular_file(in)) throw InputError(in, "", "no such file");
  std::error_code ec;
  if (std::filesystem::exists(out, ec) && std::filesystem::equivalent(in, out, ec)) {
    throw UsageError("-o " + a.out_dir + ": the output must not be the input (the input is read while the copy is written)");
  }
  if (out.filename().empty()) throw UsageError("-o " + a.out_dir + ": give the signed file's name, e.g. signed.pdf");
  // The certificate must be valid now. The signature's /M: SOURCE_DATE_EPOCH for
  // reproducible output, else the real time.
  const render::Signer signer = render::Signer::from_pkcs12(a.sign, read_password(a.password_file), std::time(nullptr),
                                                            source_date_epoch().value_or(std::time(nullptr)));
  OutputBatch batch(out.has_parent_path() ? out.parent_path() : std::filesystem::path("."));
  render::sign_existing_pdf(in, batch.reserve(out.filename().string()), signer, a.reason, a.location);
  batch.commit();
  std::cout << out.string() << '\n';
}

}  // namespace appeal::app
