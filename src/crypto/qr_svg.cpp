#include "crypto/qr_svg.h"

#include <cerrno>
#include <cstring>
#include <memory>
#include <stdexcept>

#include <qrencode.h>

namespace persona::crypto {
namespace {

constexpr int kQuietZone = 4;  // modules of white around the code, as ISO/IEC 18004 asks

struct QrDeleter {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

std::string QrSvg(std::string_view text) {
  if (text.empty()) throw std::runtime_error("cannot make a QR code of empty text");
  // encodeData takes bytes with a length, so the text needs no terminating NUL.
  errno = 0;
  std::unique_ptr<QRcode, QrDeleter> code(QRcode_encodeData(
      static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M));
  if (!code) {
    throw std::runtime_error(std::string("QR encoding failed: ") +
                             (errno == ERANGE ? "text too long" : std::strerror(errno)));
  }
  const int width = code->width;
  const int size = width + 2 * kQuietZone;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(size) + " " +
                    std::to_string(size) + "\" shape-rendering=\"crispEdges\">";
  svg += "<rect width=\"" + std::to_string(size) + "\" height=\"" + std::to_string(size) + "\" fill=\"#fff\"/>";
  svg += "<path fill=\"#000\" d=\"";
  // One rectangle per horizontal run of dark modules keeps the path short.
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width;) {
      if ((code->data[y * width + x] & 1) == 0) {
        ++x;
        continue;
      }
      int run = 1;
      while (x + run < width && (code->data[y * width + x + run] & 1) != 0) ++run;
      // Appended piece by piece: g++ 12 at -O3 warns falsely (-Wrestrict) on "M" + std::string.
      svg.append("M").append(std::to_string(x + kQuietZone)).append(" ").append(std::to_string(y + kQuietZone));
      svg.append("h").append(std::to_string(run)).append("v1h-").append(std::to_string(run)).append("z");
      x += run;
    }
  }
  svg += "\"/></svg>";
  return svg;
}

}  // namespace persona::crypto
