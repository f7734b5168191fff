#include "crypto/encoding.h"

#include <gtest/gtest.h>

namespace persona::crypto {
namespace {

// RFC 4648 section 10 test vectors.
struct Vector {
  const char* plain;
  const char* base64;
  const char* base32;  // without padding, as Base32Encode writes it
  const char* base32_padded;
};
constexpr Vector kRfc4648[] = {
    {"", "", "", ""},
    {"f", "Zg==", "MY", "MY======"},
    {"fo", "Zm8=", "MZXQ", "MZXQ===="},
    {"foo", "Zm9v", "MZXW6", "MZXW6==="},
    {"foob", "Zm9vYg==", "MZXW6YQ", "MZXW6YQ="},
    {"fooba", "Zm9vYmE=", "MZXW6YTB", "MZXW6YTB"},
    {"foobar", "Zm9vYmFy", "MZXW6YTBOI", "MZXW6YTBOI======"},
};

TEST(Encoding, Base64MatchesRfc4648Vectors) {
  for (const Vector& v : kRfc4648) {
    EXPECT_EQ(Base64Encode(v.plain), v.base64);
    EXPECT_EQ(Base64Decode(v.base64), v.plain);
  }
}

TEST(Encoding, Base32MatchesRfc4648VectorsWithOrWithoutPadding) {
  for (const Vector& v : kRfc4648) {
    EXPECT_EQ(Base32Encode(v.plain), v.base32);
    EXPECT_EQ(Base32Decode(v.base32), v.plain);
    EXPECT_EQ(Base32Decode(v.base32_padded), v.plain);
  }
}

TEST(Encoding, Base32DecodeIgnoresCase) {
  EXPECT_EQ(Base32Decode("mzxw6ytboi"), "foobar");
  EXPECT_EQ(Base32Decode("MzXw6YtBoI"), "foobar");
}

TEST(Encoding, Base32RejectsBadInput) {
  EXPECT_FALSE(Base32Decode("MZXW1").has_value());      // '1' is not in the alphabet
  EXPECT_FALSE(Base32Decode("M").has_value());          // 5 bits cannot be a byte
  EXPECT_FALSE(Base32Decode("MZX").has_value());        // nor 15
  EXPECT_FALSE(Base32Decode("MZ").has_value());         // non-zero bits after the byte
  EXPECT_FALSE(Base32Decode("MY==").has_value());       // padding that does not fill a block
  EXPECT_FALSE(Base32Decode("MY=====A").has_value());   // data after padding
  EXPECT_FALSE(Base32Decode("MZXW 6YTB").has_value());  // spaces
}

TEST(Encoding, Base32RoundTripsBinary) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(i));
  for (std::size_t n = 0; n <= bytes.size(); n += 7) {
    EXPECT_EQ(Base32Decode(Base32Encode(bytes.substr(0, n))), bytes.substr(0, n));
  }
}

TEST(Encoding, Base64RejectsBadInput) {
  EXPECT_FALSE(Base64Decode("Zg=").has_value());     // length not a multiple of 4
  EXPECT_FALSE(Base64Decode("Zg").has_value());      // padding required
  EXPECT_FALSE(Base64Decode("Z===").has_value());    // too much padding
  EXPECT_FALSE(Base64Decode("Z=g=").has_value());    // padding inside
  EXPECT_FALSE(Base64Decode("Zh==").has_value());    // non-zero bits after the byte
  EXPECT_FALSE(Base64Decode("Zm9v\n").has_value());  // whitespace
  EXPECT_FALSE(Base64Decode("Zm-_").has_value());    // URL alphabet
  EXPECT_FALSE(Base64Decode("Zm9v!===").has_value());
}

TEST(Encoding, Base64RoundTripsBinary) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(255 - i));
  for (std::size_t n = 0; n <= bytes.size(); ++n) {
    EXPECT_EQ(Base64Decode(Base64Encode(bytes.substr(0, n))), bytes.substr(0, n));
  }
}

TEST(Encoding, Base64UrlUsesTheUrlAlphabetWithoutPadding) {
  EXPECT_EQ(Base64UrlEncode("\xfb\xff"), "-_8");
  EXPECT_EQ(Base64UrlEncode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(Base64UrlEncode("f"), "Zg");
}

TEST(Encoding, HexRoundTripsAndRejectsBadInput) {
  EXPECT_EQ(HexEncode(std::string("\x00\x7f\xff", 3)), "007fff");
  EXPECT_EQ(HexDecode("007FfF"), std::string("\x00\x7f\xff", 3));
  EXPECT_EQ(HexDecode(""), "");
  EXPECT_FALSE(HexDecode("abc").has_value());
  EXPECT_FALSE(HexDecode("zz").has_value());
}

}  // namespace
}  // namespace persona::crypto
