#include <gtest/gtest.h>

#include "appeal/contact_check.h"

using namespace appeal;

namespace {

TEST(ContactCheck, EmailAddressesAsMailSoftwareTakesThem) {
  for (const char* ok : {"anna@example.org", "O'Brien@Example.ORG", "anna+ua31@example.org", "a.b-c_d@mail.example.co.uk",
                         "jürgen@müller.de"}) {
    EXPECT_EQ(email_problem(ok), "") << ok;
  }
  EXPECT_EQ(email_problem("name@@host.org"), "an e-mail address has one @");
  EXPECT_EQ(email_problem("name@host"), "the domain \"host\" has no dot");
  EXPECT_EQ(email_problem("name host@example.org"), "the character ' ' is not allowed before the @");
  EXPECT_EQ(email_problem("anna.@example.org"), "a dot cannot start or end the part before the @, nor follow another");
  EXPECT_EQ(email_problem("anna@-example.org"), "a part of the domain cannot start or end with '-'");
  EXPECT_EQ(email_problem("anna"), "an e-mail address needs an @");
}

TEST(ContactCheck, OnlyAbsoluteHttpLinks) {
  EXPECT_EQ(url_problem("https://www.amnesty.org/en/documents/eur57/1234/2023/en/"), "");
  EXPECT_EQ(url_problem("HTTP://example.org"), "");
  EXPECT_EQ(url_problem("javascript:alert(1)"), "only http and https links are allowed");
  EXPECT_EQ(url_problem("ftp://example.org"), "only http and https links are allowed");
  EXPECT_EQ(url_problem("www.amnesty.org"), "a link must be absolute: add https:// (\"https://www.amnesty.org\")");
  EXPECT_EQ(url_problem("https://"), "the link has no host");
  EXPECT_NE(url_problem("https://example.org/a b"), "");
  EXPECT_EQ(web_problem("example.org/amnesty"), "");
  EXPECT_EQ(web_problem("javascript:alert(1)"), "only http and https links are allowed");
  EXPECT_NE(web_problem("my group"), "");
}

TEST(ContactCheck, TelephoneNumbersAsE123WritesThem) {
  for (const char* ok : {"+7 7172 74 56 31", "+1 (202) 232-5488", "020 7413 5500", "+49.30.420248-0"}) {
    EXPECT_EQ(phone_problem(ok), "") << ok;
  }
  EXPECT_EQ(phone_problem("call me"), "the character 'c' is not part of a telephone number (ITU-T E.123)");
  EXPECT_EQ(phone_problem("12 34"), "a telephone number has 5 to 17 digits (ITU-T E.123, E.164)");
  EXPECT_EQ(phone_problem("7 + 7172"), "a '+' may only start the number");
}

}  // namespace
