// PERSONA_WEB_DIR: the UI read from a build directory is served like the embedded copy.
#include <gtest/gtest.h>

#include <fstream>

#include "http/handlers/web_handler.h"
#include "http/web_directory.h"
#include "support/temp_dir.h"

namespace persona {
namespace {

void Write(const std::filesystem::path& file, std::string_view bytes) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << bytes;
}

http::Request Get(const std::string& path, std::string accept_encoding = "") {
  http::Request req;
  req.method = boost::beast::http::verb::get;
  req.target = path;
  req.path = path;
  if (!accept_encoding.empty()) req.headers.insert(boost::beast::http::field::accept_encoding, accept_encoding);
  return req;
}

TEST(WebDirectory, ServesItsFilesWithTheirTypesAndGzipForms) {
  testing::TempDir dir;
  Write(dir.path() / "index.html", "<!doctype html>");
  Write(dir.path() / "assets/main-AAAA.js", "console.log(1)");
  Write(dir.path() / "assets/main-AAAA.js.gz", "GZ");
  Write(dir.path() / "assets/main-BBBB.css", "body{}");
  http::WebDirectory web(dir.path());
  EXPECT_EQ(web.Assets().size(), 3u) << "a .gz is the form of its file, not a file of its own";

  auto js = http::ServeWebUi(Get("/assets/main-AAAA.js", "gzip"), web.Assets());
  ASSERT_TRUE(js);
  EXPECT_EQ(js->body, "GZ");
  EXPECT_EQ(js->content_type, "text/javascript; charset=utf-8");
  auto css = http::ServeWebUi(Get("/assets/main-BBBB.css", "gzip"), web.Assets());
  ASSERT_TRUE(css);
  EXPECT_EQ(css->body, "body{}") << "no .gz beside it: the file itself";
  EXPECT_EQ(css->content_type, "text/css; charset=utf-8");
  auto route = http::ServeWebUi(Get("/personas/42"), web.Assets());
  ASSERT_TRUE(route);
  EXPECT_EQ(route->body, "<!doctype html>");
  EXPECT_EQ(route->content_type, "text/html; charset=utf-8");
}

TEST(WebDirectory, ADirectoryWithoutIndexHtmlIsRefusedNamingIt) {
  testing::TempDir dir;
  Write(dir.path() / "assets/main.js", "x");
  try {
    http::WebDirectory web(dir.path());
    FAIL() << "no index.html, yet accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(dir.path().string()), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace persona
