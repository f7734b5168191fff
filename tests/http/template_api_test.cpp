// Content templates: CRUD, and rendering for a persona and a platform with placeholders,
// personalization rules, the hashtag strategy and the platform's length limit.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "support/api_fixture.h"

namespace persona {
namespace {

using boost::beast::http::verb;
using ::testing::HasSubstr;

class TemplateApi : public testing::ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    ana_ = CreateUser("ana@example.com");
    cookie_ = *Login("ana@example.com");
    CreateUser("ben@example.com");
    ben_cookie_ = *Login("ben@example.com");
    persona_ = Send(verb::post, "/api/v1/personas", PersonaBody("Maria")).Json()["id"].get<std::string>();
  }
  testing::HttpResult Send(verb method, const std::string& target, const nlohmann::json& body = nullptr,
                           const std::string& cookie = "") {
    return AsBrowser(method, target, cookie.empty() ? cookie_ : cookie, body.is_null() ? "" : body.dump());
  }
  static nlohmann::json TemplateBody() {
    return {{"template_name", "Morning food"},
            {"content_type", "text"},
            {"template_text", "Kumusta from {{persona.primary_location}}! {{ persona.name }} loves {{theme}}."},
            {"target_platforms", {"twitter", "instagram"}},
            {"personalization_rules", {{"replace", {{"loves", "adores"}}}, {"suffix", "Salamat!"}}},
            {"hashtag_strategy", {{"twitter", {{"fixed", {"#Kain"}}, {"max", 2}}}}}};
  }
  std::string Create(const nlohmann::json& body = TemplateBody()) {
    auto res = Send(verb::post, "/api/v1/templates", body);
    EXPECT_EQ(res.status, 201u) << res.body;
    return res.Json()["id"].get<std::string>();
  }
  testing::HttpResult Render(const std::string& id, const nlohmann::json& body) {
    return Send(verb::post, "/api/v1/templates/" + id + "/render", body);
  }
  std::string ana_, cookie_, ben_cookie_, persona_;
};

TEST_F(TemplateApi, CreateReadUpdateDelete) {
  auto res = Send(verb::post, "/api/v1/templates", TemplateBody());
  ASSERT_EQ(res.status, 201u) << res.body;
  auto t = res.Json();
  auto id = t["id"].get<std::string>();
  EXPECT_EQ(res.Header("Location"), "/api/v1/templates/" + id);
  EXPECT_EQ(t["usage_count"], 0);
  EXPECT_EQ(t["target_personas"], nlohmann::json::array());
  EXPECT_EQ(t["is_active"], true);
  EXPECT_EQ(Send(verb::get, "/api/v1/templates/" + id).Json(), t);

  auto patched = Send(verb::patch, "/api/v1/templates/" + id, {{"is_active", false}, {"target_personas", {persona_}}});
  ASSERT_EQ(patched.status, 200u) << patched.body;
  EXPECT_EQ(patched.Json()["is_active"], false);
  EXPECT_EQ(patched.Json()["target_personas"][0], persona_);
  EXPECT_EQ(Send(verb::get, "/api/v1/templates").Json()["items"].size(), 1u);
  EXPECT_EQ(Send(verb::get, "/api/v1/templates", nullptr, ben_cookie_).Json()["items"].size(), 0u);
  EXPECT_EQ(Send(verb::get, "/api/v1/templates/" + id, nullptr, ben_cookie_).status, 404u);
  EXPECT_EQ(Send(verb::patch, "/api/v1/templates/" + id, {{"is_active", true}}, ben_cookie_).status, 404u);
  EXPECT_EQ(Send(verb::delete_, "/api/v1/templates/" + id, nullptr, ben_cookie_).status, 404u);
  EXPECT_EQ(Send(verb::delete_, "/api/v1/templates/" + id).status, 204u);
  EXPECT_EQ(Send(verb::get, "/api/v1/templates/" + id).status, 404u);
  EXPECT_EQ(Count("SELECT count(*) FROM activity_logs WHERE activity_type LIKE 'template_%'"), 3);
}

TEST_F(TemplateApi, InvalidFieldsAreListed) {
  auto res = Send(verb::post, "/api/v1/templates",
                  {{"template_name", ""},
                   {"content_type", "podcast"},
                   {"target_platforms", {"myspace"}},
                   {"target_personas", {"nope"}},
                   {"hashtag_strategy", {{"twitter", {{"max", 99}}}}}});
  ASSERT_EQ(res.status, 422u) << res.body;
  auto fields = ErrorFields(res);
  EXPECT_TRUE(fields.count("template_name") && fields.count("content_type") && fields.count("target_platforms[0]") &&
              fields.count("target_personas[0]") && fields.count("hashtag_strategy.twitter.max"))
      << res.body;
  EXPECT_EQ(Count("SELECT count(*) FROM content_templates"), 0);
}

TEST_F(TemplateApi, AnotherUsersPersonaInTheBodyIsNotFound) {
  auto bens = Send(verb::post, "/api/v1/personas", PersonaBody("Ben's"), ben_cookie_).Json()["id"].get<std::string>();
  auto body = TemplateBody();
  body["target_personas"] = {persona_, bens};
  EXPECT_EQ(Send(verb::post, "/api/v1/templates", body).status, 404u);
  EXPECT_EQ(Count("SELECT count(*) FROM content_templates"), 0);
  auto id = Create();
  EXPECT_EQ(Render(id, {{"persona_id", bens}, {"platform_type", "twitter"}}).status, 404u);
}

TEST_F(TemplateApi, RendersPlaceholdersRulesAndHashtags) {
  auto id = Create();
  auto res = Render(id, {{"persona_id", persona_}, {"platform_type", "twitter"}});
  ASSERT_EQ(res.status, 200u) << res.body;
  auto r = res.Json();
  EXPECT_EQ(r["text"], "Kumusta from Manila! Maria adores street food. Salamat!\n\n#Kain #Manila");
  EXPECT_EQ(r["hashtags"], nlohmann::json({"#Kain", "#Manila"}));
  EXPECT_EQ(r["platform_limit"], 280);
  EXPECT_EQ(r["length"], static_cast<int>(r["text"].get<std::string>().size()));

  auto themed = Render(id, {{"persona_id", persona_}, {"platform_type", "instagram"}, {"theme", "halo-halo"}});
  ASSERT_EQ(themed.status, 200u) << themed.body;
  EXPECT_THAT(themed.Json()["text"].get<std::string>(), HasSubstr("adores halo-halo"));
  EXPECT_EQ(themed.Json()["platform_limit"], 2200);

  EXPECT_EQ(Render(id, {{"persona_id", persona_}, {"platform_type", "tiktok"}}).status, 422u);  // not targeted
  EXPECT_EQ(Render(id, {{"persona_id", persona_}, {"platform_type", "myspace"}}).status, 422u);
  EXPECT_EQ(Render(id, {{"persona_id", "not-a-uuid"}, {"platform_type", "twitter"}}).status, 404u);
}

TEST_F(TemplateApi, UnknownPlaceholdersAndOverlongTextsAre422) {
  auto body = TemplateBody();
  body["template_text"] = "Hi {{persona.secret_lair}}";
  auto unknown = Render(Create(body), {{"persona_id", persona_}, {"platform_type", "twitter"}});
  ASSERT_EQ(unknown.status, 422u);
  EXPECT_THAT(unknown.body, HasSubstr("persona.secret_lair"));
  EXPECT_EQ(unknown.Json()["errors"][0]["field"], "template_text");

  body["template_text"] = std::string(300, 'a');
  auto long_text = Render(Create(body), {{"persona_id", persona_}, {"platform_type", "twitter"}});
  ASSERT_EQ(long_text.status, 422u);
  EXPECT_THAT(long_text.body, HasSubstr("280"));
  // The same text fits on Instagram.
  EXPECT_EQ(Render(Create(body), {{"persona_id", persona_}, {"platform_type", "instagram"}}).status, 200u);
}

TEST_F(TemplateApi, TargetPersonasLimitRenderingWhateverTheIdsCase) {
  std::string upper = persona_;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto body = TemplateBody();
  body["target_personas"] = {upper};
  auto id = Create(body);
  EXPECT_EQ(Send(verb::get, "/api/v1/templates/" + id).Json()["target_personas"][0], persona_);
  EXPECT_EQ(Render(id, {{"persona_id", upper}, {"platform_type", "twitter"}}).status, 200u);
  auto other = Send(verb::post, "/api/v1/personas", PersonaBody("Joy")).Json()["id"].get<std::string>();
  auto refused = Render(id, {{"persona_id", other}, {"platform_type", "twitter"}});
  EXPECT_EQ(refused.status, 422u);
  EXPECT_EQ(refused.Json()["errors"][0]["field"], "persona_id");
}

// The editor's live preview: unsaved text, any persona, over-limit texts measured.
TEST_F(TemplateApi, APreviewRendersUnsavedTextForAnyPersonaAndMeasuresAnOverlongOne) {
  auto ben = Send(verb::post, "/api/v1/personas", PersonaBody("Ben")).Json()["id"].get<std::string>();
  auto preview = [&](const std::string& persona, const std::string& text, const std::string& platform = "x") {
    return Send(verb::post, "/api/v1/templates/preview",
                {{"template_text", text},
                 {"hashtag_strategy", {{"default", {{"include_persona_hashtags", false}}}}},
                 {"persona_id", persona},
                 {"platform_type", platform}});
  };
  auto maria = preview(persona_, "Hi from {{persona.name}}");
  ASSERT_EQ(maria.status, 200u) << maria.body;
  EXPECT_EQ(maria.Json()["text"], "Hi from Maria");
  EXPECT_EQ(maria.Json()["platform_limit"], 280);
  EXPECT_EQ(preview(ben, "Hi from {{persona.name}}").Json()["text"], "Hi from Ben");

  auto overlong = preview(persona_, std::string(270, 'a') + " https://example.com/" + std::string(60, 'q'));
  ASSERT_EQ(overlong.status, 200u) << overlong.body;
  EXPECT_EQ(overlong.Json()["length"], 294) << "X counts a URL as 23";

  auto unknown = preview(persona_, "Hi {{persona.nickname}}");
  ASSERT_EQ(unknown.status, 422u);
  EXPECT_EQ(unknown.Json()["errors"][0]["field"], "template_text");
  EXPECT_THAT(unknown.Json()["errors"][0]["message"].get<std::string>(), HasSubstr("persona.nickname"));

  auto bad = Send(verb::post, "/api/v1/templates/preview", {{"template_text", 5}, {"platform_type", "myspace"}});
  ASSERT_EQ(bad.status, 422u);
  std::set<std::string> fields;
  const auto problem = bad.Json();
  for (const auto& e : problem["errors"]) fields.insert(e["field"].get<std::string>());
  EXPECT_EQ(fields, (std::set<std::string>{"template_text", "persona_id", "platform_type"}));
  EXPECT_EQ(preview(Send(verb::post, "/api/v1/personas", PersonaBody("Cara"), ben_cookie_).Json()["id"], "x").status,
            404u)
      << "another user's persona";
}

}  // namespace
}  // namespace persona
