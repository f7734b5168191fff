#include "crypto/qr_svg.h"

#include <regex>
#include <stdexcept>

#include <gtest/gtest.h>

namespace persona::crypto {
namespace {

const std::string kUri =
    "otpauth://totp/Persona:alice%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    "&issuer=Persona&algorithm=SHA1&digits=6&period=30";

TEST(QrSvg, IsAStaticSvgWithOnePath) {
  std::string svg = QrSvg(kUri);
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_EQ(svg.substr(svg.size() - 6), "</svg>");
  EXPECT_NE(svg.find("shape-rendering=\"crispEdges\""), std::string::npos);
  std::size_t first_path = svg.find("<path");
  ASSERT_NE(first_path, std::string::npos);
  EXPECT_EQ(svg.find("<path", first_path + 1), std::string::npos);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("href"), std::string::npos);
  EXPECT_FALSE(std::regex_search(svg, std::regex("\\son[a-z]+=")));  // no event handlers
}

TEST(QrSvg, HasAQuietZoneOfFourModules) {
  std::string svg = QrSvg(kUri);
  std::smatch match;
  ASSERT_TRUE(std::regex_search(svg, match, std::regex("viewBox=\"0 0 (\\d+) (\\d+)\"")));
  int size = std::stoi(match[1]);
  EXPECT_EQ(match[1], match[2]);
  // QR versions have 21 + 4k modules a side; plus 4 on each side.
  EXPECT_EQ((size - 8 - 21) % 4, 0) << size;
  // Every dark module lies inside the quiet zone's border.
  std::regex move("M(\\d+) (\\d+)h(\\d+)");
  int minimum = size, maximum = 0;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), move); it != std::sregex_iterator(); ++it) {
    int x = std::stoi((*it)[1]), y = std::stoi((*it)[2]), run = std::stoi((*it)[3]);
    minimum = std::min({minimum, x, y});
    maximum = std::max({maximum, x + run, y + 1});
  }
  EXPECT_EQ(minimum, 4);         // finder patterns touch the top-left corner of the code
  EXPECT_EQ(maximum, size - 4);  // and the bottom and right edges
}

TEST(QrSvg, DoesNotCarryTheEncodedText) {
  std::string svg = QrSvg(kUri);
  EXPECT_EQ(svg.find("GEZDGNBV"), std::string::npos);
  EXPECT_EQ(svg.find("otpauth"), std::string::npos);
}

TEST(QrSvg, DiffersForDifferentText) { EXPECT_NE(QrSvg("a"), QrSvg("b")); }

TEST(QrSvg, RefusesEmptyOrOversizedText) {
  EXPECT_THROW(QrSvg(""), std::runtime_error);
  EXPECT_THROW(QrSvg(std::string(5000, 'x')), std::runtime_error);
}

}  // namespace
}  // namespace persona::crypto
