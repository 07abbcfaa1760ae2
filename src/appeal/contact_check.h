// Checks of the contact details a case and a senders CSV carry, so a mistyped address
// never reaches paper or a QR code. Each returns "" when the value is fine, else the reason.
#pragma once
#include <string>
#include <string_view>

namespace appeal {

// An e-mail address as mail software accepts it: RFC 5322 addr-spec in its dot-atom form
// (section 3.4.1), with RFC 6531's UTF-8 letters allowed: "o'brien+ua@example.org" is
// fine, "name@@host", "name@host" (no dot) and "name @host" are not.
std::string email_problem(std::string_view s);

// An absolute http or https URL (RFC 3986 section 4.3) with a host: what a QR code may
// carry. "javascript:...", "www.example.org" (no scheme) and "http://" are not.
std::string url_problem(std::string_view s);

// A web address printed as text (a group's "web"): an http(s) URL, or a bare host and path
// as posters write them ("example.org/amnesty"); never another scheme ("javascript:").
std::string web_problem(std::string_view s);

// A telephone or fax number as ITU-T E.123 writes it: an optional "+" and country code,
// digits in groups separated by spaces (hyphens, dots and a bracketed area code are
// accepted too), 5 to 17 digits.
std::string phone_problem(std::string_view s);

}  // namespace appeal
