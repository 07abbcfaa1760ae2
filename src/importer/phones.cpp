// Telephone and fax numbers through libphonenumber (fields.h).
#include "importer/fields.h"

#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <mutex>

namespace appeal::importer {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

PhoneNumberUtil& phone_util() {
  static PhoneNumberUtil* util = [] {
    PhoneNumberUtil* u = PhoneNumberUtil::GetInstance();
    u->SetLogger(new i18n::phonenumbers::NullLogger());  // libphonenumber's own; it keeps it
    return u;
  }();
  return *util;
}

std::string e123(const PhoneNumber& n) {
  std::string f;
  phone_util().Format(n, PhoneNumberUtil::INTERNATIONAL, &f);
  std::replace(f.begin(), f.end(), '-', ' ');  // E.123: groups separated by spaces
  return f;
}

}  // namespace

Phone normalise_phone(const std::string& written, const std::string& country) {
  static std::mutex mu;
  std::lock_guard<std::mutex> lock(mu);
  PhoneNumberUtil& u = phone_util();
  const std::string region = country.empty() ? "ZZ" : country;
  PhoneNumber n;
  const auto err = u.Parse(written, region, &n);
  std::string why;
  if (err == PhoneNumberUtil::NO_PARSING_ERROR && u.IsValidNumber(n)) {
    std::string got;
    u.GetRegionCodeForNumber(n, &got);
    if (country.empty() || got == country || u.GetCountryCodeForRegion(country) == n.country_code()) return {e123(n), ""};
    why = "a number in " + got + ", not in the address's country " + country;
  }
  // "+8 7172 ...": the trunk prefix dialled inside the country ("8" in Kazakhstan and
  // Russia, "0" in most of Europe) written where the country code belongs; "+8 495 ..."
  // even reads as a valid number of another country (+84, Viet Nam).
  size_t plus = written.find('+');
  std::string ndd;
  if (!country.empty()) u.GetNddPrefixForRegion(country, true, &ndd);
  if (plus != std::string::npos && !ndd.empty()) {
    std::string digits;
    for (size_t i = plus + 1; i < written.size(); ++i) {
      if (written[i] >= '0' && written[i] <= '9') digits += written[i];
    }
    if (digits.rfind(ndd, 0) == 0) {
      PhoneNumber national;
      if (u.Parse(written.substr(plus + 1), country, &national) == PhoneNumberUtil::NO_PARSING_ERROR &&
          u.IsValidNumber(national)) {
        const std::string f = e123(national);
        return {f, "\"" + written + "\" writes " + country + "'s domestic trunk prefix " + ndd +
                       " as a country code; dialled from abroad the number is " + f};
      }
    }
  }
  if (!why.empty()) return {e123(n), why};
  if (err == PhoneNumberUtil::NO_PARSING_ERROR) return {written, "not a valid number in " + region + " (libphonenumber)"};
  return {written, "not a telephone number libphonenumber can read"};
}

std::string phone_region(const std::string& written) {
  static std::mutex mu;
  std::lock_guard<std::mutex> lock(mu);
  PhoneNumber n;
  if (written.find('+') == std::string::npos) return "";
  if (phone_util().Parse(written, "ZZ", &n) != PhoneNumberUtil::NO_PARSING_ERROR || !phone_util().IsValidNumber(n)) return "";
  std::string r;
  phone_util().GetRegionCodeForNumber(n, &r);
  return r == "ZZ" ? "" : r;
}

}  // namespace appeal::importer
